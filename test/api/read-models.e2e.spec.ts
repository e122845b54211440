import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Principal } from '#shared-kernel';
import { type Answer, httpClient } from '../support/http-client.js';
import { projectionsCaughtUp } from '../support/projections.js';
import { type TestApi, startTestApi } from '../support/test-api.js';

/** Commands over HTTP, then every projected read model read back over HTTP, once the projections have caught up. */
const FORCES = ['dyfed-powys', 'gwent', 'north-wales', 'south-wales'];
const registrar: Principal = { personId: 'reg', name: 'Registrar', role: 'registrar' };
const auditor: Principal = { personId: 'aud', name: 'Internal audit', role: 'auditor' };
const manager: Principal = { personId: 'cm-sw', name: 'All Wales programme manager', role: 'collaboration-manager', force: 'south-wales' };
const chief = (force: string): Principal => ({ personId: `cc-${force}`, name: `Chief Constable of ${force}`, role: 'chief-officer', force });
const body = (force: string): Principal => ({ personId: `pcc-${force}`, name: `PCC for ${force}`, role: 'policing-body', force });

describe('read models over HTTP', () => {
  let api: TestApi;
  let send: ReturnType<typeof httpClient>;
  let collaborationId: string;
  let decisionId: string;
  const ok = (answer: Answer) => {
    expect({ status: answer.status, code: answer.body?.code }).toEqual({ status: answer.status < 300 ? answer.status : 201, code: undefined });
    return answer.body!;
  };
  const caughtUp = () => projectionsCaughtUp(api);

  beforeAll(async () => {
    api = await startTestApi();
    send = httpClient(api);
    // Police and crime commissioners took office on 22 November 2012 (PRSRA 2011 s1; SI 2012/2892).
    for (const force of FORCES) for (const holder of [chief(force), body(force)]) ok(await send('POST', `/offices/${force}/${holder.role}/appointments`, registrar, { holder: { personId: holder.personId, name: holder.name }, basis: 'substantive', occurredAt: holder.role === 'policing-body' ? '2012-11-22T00:00:00Z' : '2012-01-01T00:00:00Z' }));
    collaborationId = ok(
      await send('POST', '/collaborations', manager, {
        name: 'All Wales collaboration (illustrative terms)',
        purpose: 'Services delivered once for the four Welsh forces',
        functions: ['procurement', 'specialist operations'],
        parties: FORCES,
        leadForce: 'south-wales',
        costSharing: 'by population (illustrative)',
        noticePeriodMonths: 12,
        reviewDate: '2016-04-01',
        delegationScheme: [{ category: 'operational', leadForceAloneUpToGbp: 50_000, aboveLimit: 'all-chief-officers' }],
        occurredAt: '2013-01-07T00:00:00Z',
      }),
    ).collaborationId;
    for (const force of FORCES.slice(0, 3)) for (const who of [chief(force), body(force)]) ok(await send('POST', `/collaborations/${collaborationId}/signatures`, who, { party: force, occurredAt: '2013-02-01T00:00:00Z' }));
    ok(await send('POST', '/offices/gwent/chief-officer/handovers', registrar, { outgoingPersonId: 'cc-gwent', incoming: { personId: 'cc-gwent-2', name: 'Acting Chief Constable of gwent' }, basis: 'acting', note: 'retirement', occurredAt: '2013-03-01T00:00:00Z' }));
    decisionId = ok(await send('POST', '/decisions', manager, { collaborationId, title: 'Joint procurement of vehicles', category: 'operational', valueGbp: 40_000, rationale: 'r', optionsConsidered: ['Buy through the national framework', 'Each force buys its own'], occurredAt: '2013-04-01T00:00:00Z' })).decisionId;
    ok(await send('POST', `/decisions/${decisionId}/approvals`, chief('south-wales'), { occurredAt: '2013-04-03T00:00:00Z' }));
    await caughtUp();
  });
  afterAll(async () => api?.close());

  it('lists the collaboration in the national register, filtered by party and status, paginated', async () => {
    const all = (await send('GET', '/register', auditor)).body!;
    expect(all).toMatchObject({ total: 1, limit: 50, offset: 0, items: [{ collaborationId, status: 'proposed', leadForce: 'south-wales', parties: FORCES, signatures: 6 }] });
    expect((await send('GET', '/register?force=gwent', auditor)).body!.total).toBe(1);
    expect((await send('GET', '/register?force=kent', auditor)).body!.total).toBe(0);
    expect((await send('GET', '/register?status=in-force', auditor)).body!.total).toBe(0);
    expect((await send('GET', '/register?region=Wales', auditor)).body!.total).toBe(1);
    expect((await send('GET', '/register?region=south%20west', auditor)).body!.total).toBe(0);
    expect((await send('GET', '/register?function=procurement', auditor)).body!.total).toBe(1);
    expect((await send('GET', '/register?function=firearms', auditor)).body!.total).toBe(0);
    // Words in the name, the purpose or a function, in any case; a LIKE pattern's own characters are only themselves.
    for (const [q, total] of [['WELSH', 1], ['illustrative terms', 1], ['specialist op', 1], ['firearms', 0], ['%', 0], ['_', 0], ['procurement gwent', 0]] as const) {
      expect([q, (await send('GET', `/register?q=${encodeURIComponent(q)}`, auditor)).body!.total]).toEqual([q, total]);
    }
    expect((await send('GET', '/register?force=gwent&status=proposed&leadForce=south-wales&region=Wales&function=procurement&q=wales', auditor)).body!.items).toHaveLength(1);
    expect((await send('GET', '/register?force=gwent&status=proposed&leadForce=dyfed-powys', auditor)).body).toMatchObject({ total: 0, items: [] });
    expect((await send('GET', '/register?offset=1', auditor)).body).toMatchObject({ total: 1, offset: 1, items: [] });
    expect(await send('GET', '/register?region=Atlantis', auditor)).toMatchObject({ status: 400, body: { code: 'UnknownRegion' } });
    expect(await send('GET', '/register?limit=500', auditor)).toMatchObject({ status: 400, body: { code: 'InvalidPage' } });
    expect(await send('GET', '/register', null)).toMatchObject({ status: 401, body: { code: 'MissingToken' } });
  });

  it('shows the signature matrix: who signed for each party and office, and who has not yet', async () => {
    const { matrix } = (await send('GET', `/collaborations/${collaborationId}/signature-matrix`, auditor)).body!;
    expect(matrix).toHaveLength(4);
    expect(matrix.find((m: { party: string }) => m.party === 'gwent')).toMatchObject({ 'chief-officer': { signatory: { personId: 'cc-gwent' }, signedAt: '2013-02-01T00:00:00.000Z' } });
    expect(matrix.find((m: { party: string }) => m.party === 'north-wales')).toMatchObject({ 'policing-body': { signatory: { personId: 'pcc-north-wales' } } });
    expect(matrix.find((m: { party: string }) => m.party === 'dyfed-powys')).toMatchObject({ 'chief-officer': { signatory: { personId: 'cc-dyfed-powys' } } });
    expect(matrix.find((m: { party: string }) => m.party === 'south-wales')).toMatchObject({ 'chief-officer': null, 'policing-body': null });
  });

  it('keeps the decision log with time to decide and whether the lead force decided alone', async () => {
    const log = (await send('GET', `/decision-log?collaborationId=${collaborationId}`, auditor)).body!;
    expect(log.items).toEqual([expect.objectContaining({ decisionId, status: 'taken', basis: 'lead-force-alone', takenUnderDelegation: true, daysToDecide: 2, escalations: 0, valueGbp: 40_000 })]);
  });

  it('lists office holders, how each tenure ended and what was pending then', async () => {
    const { items } = (await send('GET', '/office-holders?force=gwent', auditor)).body!;
    const chiefs = items.filter((t: { office: string }) => t.office === 'chief-officer');
    expect(chiefs).toEqual([
      expect.objectContaining({ personId: 'cc-gwent', endedBy: 'handover', heldTo: '2013-03-01T00:00:00.000Z', pendingAtEnd: [] }),
      expect.objectContaining({ personId: 'cc-gwent-2', basis: 'acting', heldTo: null }),
    ]);
  });

  it('gives the timeline with both clocks, and the state as at and as known at any date differ for a back-dated entry', async () => {
    const before = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 20));
    // Entered today, dated 2013: South Wales's chief constable signed on 20 February 2013.
    ok(await send('POST', `/collaborations/${collaborationId}/signatures`, chief('south-wales'), { party: 'south-wales', occurredAt: '2013-02-20T00:00:00Z' }));
    const { items } = (await send('GET', `/collaborations/${collaborationId}/timeline`, auditor)).body!;
    const entry = items.at(-1);
    expect(entry).toMatchObject({ type: 'AgreementSigned', occurredAt: '2013-02-20T00:00:00.000Z', backDated: true, recordedBy: { personId: 'cc-south-wales' } });
    expect(Date.parse(entry.recordedAt)).toBeGreaterThan(Date.parse(before));

    const asAtMarch2013 = (await send('GET', `/collaborations/${collaborationId}?asOf=2013-03-01`, auditor)).body!;
    expect(asAtMarch2013.signatures.map((s: { party: string }) => s.party)).toContain('south-wales');
    const knownBefore = (await send('GET', `/collaborations/${collaborationId}?asOf=2013-03-01&knownAt=${encodeURIComponent(before)}`, auditor)).body!;
    expect(knownBefore.signatures.map((s: { party: string }) => s.party)).not.toContain('south-wales');
    expect(knownBefore.signatures).toHaveLength(6);
  });

  it('gives governance and trust indicators per month, each with the events behind it', async () => {
    await caughtUp();
    const { months } = (await send('GET', `/collaborations/${collaborationId}/indicators`, auditor)).body!;
    const february = months.find((m: { month: string }) => m.month === '2013-02');
    // six signatures on 1 February (25 days after the proposal) and the back-dated one of 20 February (44 days)
    expect(february.signatures).toMatchObject({ count: 7, meanDaysFromProposal: 27.71 });
    expect(february.signatures.events).toHaveLength(7);
    const march = months.find((m: { month: string }) => m.month === '2013-03');
    expect(march.leadership).toMatchObject({ officeChanges: 1, changes: [{ forceCode: 'gwent', office: 'chief-officer', endedBy: 'handover', event: expect.any(Number) }] });
    const april = months.find((m: { month: string }) => m.month === '2013-04');
    expect(april.decisions).toMatchObject({ proposed: 1, decided: 1, meanDaysToDecide: 2, shareEscalated: 0, shareTakenByLeadForceAlone: 1, shareTakenUnderUrgency: 0, decisionIds: [decisionId] });
    expect(april.decisions.events.length).toBeGreaterThanOrEqual(3);
    const timeline = (await send('GET', `/collaborations/${collaborationId}/timeline`, auditor)).body!.items as Array<{ globalPosition: number; type: string }>;
    for (const position of february.signatures.events) expect(timeline.find((e) => e.globalPosition === position)?.type).toBe('AgreementSigned');
  });

  it('publishes to the public register, without sign-in, only what the publication level the parties agreed allows', async () => {
    expect((await send('GET', '/public/register', null)).body).toMatchObject({ total: 0, items: [] });
    const signers = FORCES.flatMap((force) => [force === 'gwent' ? { ...chief(force), personId: 'cc-gwent-2', name: 'Acting Chief Constable of gwent' } : chief(force), body(force)]);
    for (const who of signers.filter((w) => w.force === 'south-wales')) {
      const signed = await send('POST', `/collaborations/${collaborationId}/signatures`, who, { party: who.force, occurredAt: '2013-04-20T00:00:00Z' });
      expect(signed.status === 201 || signed.body?.code === 'AlreadySigned').toBe(true); // an earlier case may have signed
    }
    expect((await send('GET', `/collaborations/${collaborationId}`, auditor)).body!.status).toBe('in-force');
    // The manager proposes the level; it applies once every party has signed the variation (s23C(4), s23E).
    const agree = async (publication: object, date: string) => {
      const { variationId } = ok(await send('POST', `/collaborations/${collaborationId}/publication`, manager, { ...publication, occurredAt: `${date}T00:00:00Z` }));
      await caughtUp();
      expect((await send('GET', '/public/register', null)).body!.items.map((i: { publication: string }) => i.publication)).not.toContain((publication as { level: string }).level);
      for (const who of signers) ok(await send('POST', `/collaborations/${collaborationId}/variations/${variationId}/signatures`, who, { party: who.force, occurredAt: `${date}T12:00:00Z` }));
      await caughtUp();
    };
    await agree({ level: 'title-only', reason: 'Operational security' }, '2013-05-01');
    expect((await send('GET', '/public/register', null)).body!.items).toEqual([{ name: 'All Wales collaboration (illustrative terms)', publication: 'title-only', reason: 'Operational security' }]);
    await agree({ level: 'redacted', reason: 'Tactics withheld' }, '2013-06-01');
    const [redacted] = (await send('GET', '/public/register', null)).body!.items;
    expect(redacted).toMatchObject({ publication: 'redacted', parties: FORCES, leadForce: 'south-wales' });
    expect(redacted).not.toHaveProperty('purpose');
    expect(redacted).not.toHaveProperty('budgets');
    await agree({ level: 'full' }, '2013-07-01');
    expect((await send('GET', '/public/register', null)).body!.items[0]).toMatchObject({ publication: 'full', purpose: 'Services delivered once for the four Welsh forces', functions: ['procurement', 'specialist operations'] });
  });

  it('reports each projection’s lag on /health and /metrics', async () => {
    await caughtUp();
    const health = (await send('GET', '/health', null)).body!;
    expect(Object.keys(health.info.projections.projections).sort()).toEqual(['benefits.v4', 'decision-log.v4', 'office-holders.v3', 'recommendations.v3', 'register.v4', 'risk-appetite.v2', 'signature-matrix.v2']);
    const metrics = await fetch(`${api.url}/metrics`);
    expect(metrics.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await metrics.text();
    expect(text).toMatch(/ledger_projection_lag_events\{projection="register\.v4"\} 0/);
    expect(text).toMatch(/ledger_projection_events_applied\{projection="decision-log\.v4"\} \d+/);
    expect(text).toMatch(/process_cpu_user_seconds_total/);
  });
});
