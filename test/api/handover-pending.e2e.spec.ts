import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Principal } from '#shared-kernel';
import { type Answer, httpClient } from '../support/http-client.js';
import { projectionsCaughtUp } from '../support/projections.js';
import { type TestApi, startTestApi } from '../support/test-api.js';

/**
 * A handover lists everything pending for the office as at its date (issue 13 item 5; docs/domain-rules.md
 * "Offices"), computed from the log as it then stood: a handover entered today and dated 1 June 2015
 * lists what awaited Kent's chief officer on 1 June 2015 — an agreement signed only in July still counts,
 * one proposed in August does not — and the office-holders read model and the office route show it.
 */
const FORCES = ['kent', 'essex'];
const registrar: Principal = { personId: 'reg', name: 'Registrar', role: 'registrar' };
const auditor: Principal = { personId: 'aud', name: 'Internal audit', role: 'auditor' };
const manager: Principal = { personId: 'cm-kent', name: 'Collaboration manager (illustrative)', role: 'collaboration-manager', force: 'kent' };
const chief = (force: string): Principal => ({ personId: `cc-${force}`, name: `Chief Constable of ${force} (illustrative)`, role: 'chief-officer', force });
const body = (force: string): Principal => ({ personId: `pcc-${force}`, name: `PCC for ${force} (illustrative)`, role: 'policing-body', force });
const terms = (name: string, occurredAt: string) => ({
  name,
  purpose: 'Shared services (illustrative)',
  functions: ['procurement'],
  parties: FORCES,
  leadForce: 'kent',
  costSharing: 'equal shares (illustrative)',
  noticePeriodMonths: 12,
  reviewDate: '2018-04-01',
  occurredAt,
});

describe('a back-dated handover lists what was pending for the office on its date, not now', () => {
  let api: TestApi;
  let send: ReturnType<typeof httpClient>;
  const ids: Record<string, string> = {};
  const ok = (answer: Answer) => {
    expect({ status: answer.status, code: answer.body?.code }).toEqual({ status: answer.status < 300 ? answer.status : 200, code: undefined });
    return answer.body!;
  };

  beforeAll(async () => {
    api = await startTestApi();
    send = httpClient(api);
    for (const force of FORCES) for (const holder of [chief(force), body(force)]) ok(await send('POST', `/offices/${force}/${holder.role}/appointments`, registrar, { holder: { personId: holder.personId, name: holder.name }, basis: 'substantive', occurredAt: '2014-01-01T00:00:00Z' }));
    // An alliance in force since April 2014, with a decision every chief officer must approve (no delegation scheme).
    ids.alliance = ok(await send('POST', '/collaborations', manager, terms('Kent and Essex Alliance (illustrative)', '2014-03-03T00:00:00Z'))).collaborationId;
    for (const force of FORCES) for (const who of [chief(force), body(force)]) ok(await send('POST', `/collaborations/${ids.alliance}/signatures`, who, { party: force, occurredAt: '2014-04-01T00:00:00Z' }));
    ids.decision = ok(await send('POST', '/decisions', manager, { collaborationId: ids.alliance, title: 'One vehicle framework (illustrative)', category: 'financial', valueGbp: 400_000, rationale: 'r', optionsConsidered: ['one', 'two'], occurredAt: '2015-03-02T00:00:00Z' })).decisionId;
    ok(await send('POST', `/decisions/${ids.decision}/approvals`, chief('essex'), { occurredAt: '2015-03-10T00:00:00Z' }));
    // A proposal Kent's chief officer signed only in July 2015, after the handover's date.
    ids.signedLater = ok(await send('POST', '/collaborations', manager, terms('Joint firearms training (illustrative)', '2015-02-02T00:00:00Z'))).collaborationId;
    ok(await send('POST', `/collaborations/${ids.signedLater}/signatures`, chief('kent'), { party: 'kent', occurredAt: '2015-07-01T00:00:00Z' }));
    // A recommendation addressed to Kent, open.
    ids.recommendation = ok(
      await send('POST', '/recommendations', chief('kent'), {
        source: 'internal-audit',
        reference: 'Internal audit of the alliance (illustrative)',
        kind: 'recommendation',
        text: 'Track benefits monthly.',
        addressedTo: 'kent',
        collaborationId: ids.alliance,
        owner: { personId: 'dcc-kent', name: 'Deputy Chief Constable (illustrative)' },
        dueDate: '2015-09-30',
        occurredAt: '2015-05-01T00:00:00Z',
      }),
    ).recommendationId;
    // A proposal made after the handover's date.
    ids.proposedLater = ok(await send('POST', '/collaborations', manager, terms('Joint dog section (illustrative)', '2015-08-03T00:00:00Z'))).collaborationId;

    // Entered now, dated 1 June 2015.
    ok(
      await send('POST', '/offices/kent/chief-officer/handovers', registrar, {
        outgoingPersonId: 'cc-kent',
        incoming: { personId: 'acc-kent', name: 'Deputy Chief Constable of Kent (illustrative)' },
        basis: 'acting',
        note: 'Recorded late from the force’s own record (illustrative)',
        occurredAt: '2015-06-01T00:00:00Z',
      }),
    );
    await projectionsCaughtUp(api);
  });
  afterAll(async () => api?.close());

  const expected = () => [
    { kind: 'decision-approval', collaborationId: ids.alliance, collaborationName: 'Kent and Essex Alliance (illustrative)', decisionId: ids.decision, name: 'One vehicle framework (illustrative)', since: '2015-03-02T00:00:00.000Z' },
    { kind: 'agreement-signature', collaborationId: ids.signedLater, name: 'Joint firearms training (illustrative)', since: '2015-02-02T00:00:00.000Z' },
    { kind: 'recommendation-action', recommendationId: ids.recommendation, collaborationId: ids.alliance, name: 'Internal audit of the alliance (illustrative)', awaiting: 'implementation', dueDate: '2015-09-30', since: '2015-05-01T00:00:00.000Z' },
  ];
  const oldestFirst = <T extends { since: string | null }>(items: T[]) => [...items].sort((a, b) => a.since!.localeCompare(b.since!));

  it('the office-holders read model shows, on the tenure the handover ended, what was pending on 1 June 2015', async () => {
    const { items } = ok(await send('GET', '/office-holders?force=kent', auditor));
    const ended = (items as Array<{ office: string; personId: string; heldTo: string | null; endedBy: string | null; pendingAtEnd: Array<{ collaborationId: string | null }> }>).find((t) => t.office === 'chief-officer' && t.personId === 'cc-kent')!;
    expect(ended).toMatchObject({ heldTo: '2015-06-01T00:00:00.000Z', endedBy: 'handover' });
    expect(ended.pendingAtEnd).toEqual(oldestFirst(expected()));
    // Signed since, but pending then; proposed only after the handover, so not listed.
    expect(ended.pendingAtEnd.map((p) => p.collaborationId)).not.toContain(ids.proposedLater);
  });

  it('the office route shows the same list on the ended tenure, as at any date after the handover', async () => {
    const office = ok(await send('GET', '/offices/kent/chief-officer', auditor));
    expect(office.tenures[0]).toMatchObject({ holder: { personId: 'cc-kent' }, to: '2015-06-01T00:00:00.000Z', pendingAtEnd: oldestFirst(expected()) });
    expect(office.currentHolder).toMatchObject({ holder: { personId: 'acc-kent' }, basis: 'acting' });
    expect(office.currentHolder.pendingAtEnd).toBeUndefined();
    const before = ok(await send('GET', '/offices/kent/chief-officer?asOf=2015-05-31', auditor));
    expect(before.tenures).toHaveLength(1);
    expect(before.tenures[0].pendingAtEnd).toBeUndefined();
  });

  it('a vacancy of the policing body on 1 September 2015 lists the two agreements it had not signed by then, the later proposal among them', async () => {
    const vacancy = ok(await send('POST', '/offices/kent/policing-body/vacancies', registrar, { reason: 'Illustrative vacancy', occurredAt: '2015-09-01T00:00:00Z' }));
    expect(vacancy.version).toBe(2);
    const { items } = ok(await send('GET', '/streams/office-kent-policing-body/events', auditor));
    expect(items.at(-1)).toMatchObject({ type: 'OfficeVacated', schemaVersion: 2 });
    expect(items.at(-1).data.pending).toEqual([
      { kind: 'agreement-signature', collaborationId: ids.signedLater, name: 'Joint firearms training (illustrative)', since: '2015-02-02T00:00:00.000Z' },
      { kind: 'agreement-signature', collaborationId: ids.proposedLater, name: 'Joint dog section (illustrative)', since: '2015-08-03T00:00:00.000Z' },
    ]);
  });
});
