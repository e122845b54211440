import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EVENT_STORE, type EventStore } from '#event-store';
import type { Principal } from '#shared-kernel';
import { logSettled } from '#testing';
import { type Answer, httpClient } from '../support/http-client.js';
import { type TestApi, startTestApi } from '../support/test-api.js';

/**
 * Issue 13 item 4 over HTTP against real PostgreSQL, with the default 30-day back-dating window:
 * an ordinary user may back-date an act within the window, marked with its lateness; older history
 * is entered by a registrar naming the record it comes from (and, for another's act, who acted);
 * an act entered after its actor left office is refused unless so entered. Every refusal is a
 * problem detail and writes nothing. Names and the agreement are illustrative.
 */
const FORCES = ['dorset', 'devon-and-cornwall'] as const;
const registrar: Principal = { personId: 'reg-bd', name: 'National registrar', role: 'registrar' };
const manager: Principal = { personId: 'cm-bd', name: 'Alliance manager', role: 'collaboration-manager', force: 'dorset' };
const alice: Principal = { personId: 'cc-bd-alice', name: 'Chief Constable Alice (illustrative)', role: 'chief-officer', force: 'dorset' };
const bob: Principal = { personId: 'cc-bd-bob', name: 'Chief Constable Bob (illustrative)', role: 'chief-officer', force: 'dorset' };
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
const SOURCE = 'Alliance agreement, signed copy held by the OPCC (ref. DDC/2015/01), read 2026-11-20 (illustrative)';

const proposal = (occurredAt: string, name: string) => ({
  name,
  purpose: 'One set of support services for two forces',
  functions: ['support services'],
  parties: [...FORCES],
  leadForce: 'dorset',
  costSharing: 'equal shares (illustrative)',
  noticePeriodMonths: 12,
  reviewDate: '2030-04-01',
  occurredAt,
});

describe('back-dating: a window for everyone, registrar entries beyond it, over HTTP', () => {
  let api: TestApi;
  let send: ReturnType<typeof httpClient>;
  let collaborationId: string;

  const refusedWritingNothing = async (response: Answer, status: number, code: string) => {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body).toMatchObject({ code, status });
    expect(response.body!.detail).toContain('Nothing was written');
  };
  /**
   * The log's head: nothing written leaves it where it was. Read once everything committed is
   * visible to gap-free readers (other test files share the cluster and may hold a transaction
   * open, which holds the head back: it read 1 of 3 events once).
   */
  const eventCount = async () => {
    const store = api.app.get<symbol, EventStore>(EVENT_STORE);
    await logSettled(api.database.pool, () => store.head());
    return (await store.head()).position;
  };
  const timeline = async (id: string) => (await send('GET', `/collaborations/${id}/timeline`, registrar)).body!.items as Array<Record<string, any>>;

  beforeAll(async () => {
    api = await startTestApi({ backdatingWindowDays: 30 });
    send = httpClient(api);
    // Alice was chief constable until 3 days ago, then Bob; the registrar records both within the window.
    expect((await send('POST', '/offices/dorset/chief-officer/appointments', registrar, { holder: { personId: alice.personId, name: alice.name }, basis: 'substantive', occurredAt: daysAgo(25) })).status).toBe(201);
    const proposed = await send('POST', '/collaborations', manager, proposal(daysAgo(20), 'Two-force alliance (illustrative)'));
    expect(proposed.status).toBe(201);
    collaborationId = proposed.body!.collaborationId;
    const handedOver = await send('POST', '/offices/dorset/chief-officer/handovers', registrar, { outgoingPersonId: alice.personId, incoming: { personId: bob.personId, name: bob.name }, basis: 'substantive', note: 'Retirement (illustrative)', occurredAt: daysAgo(3) });
    expect(handedOver.status).toBe(201);
  });
  afterAll(async () => api?.close());

  it('records an act back-dated within the window, marked with its lateness', async () => {
    const [proposed] = await timeline(collaborationId);
    expect(proposed).toMatchObject({ type: 'CollaborationProposed', backDated: true, backDating: { lateByDays: 20, enteredBy: null, source: null }, recordedBy: { personId: manager.personId } });
  });

  it('refuses an act dated beyond the window from an ordinary user (BackDatedBeyondWindow, 422), writing nothing', async () => {
    const before = await eventCount();
    const response = await send('POST', '/collaborations', manager, proposal(daysAgo(31), 'Too late (illustrative)'));
    await refusedWritingNothing(response, 422, 'BackDatedBeyondWindow');
    expect(response.body).toMatchObject({ lateByDays: 31, windowDays: 30 });
    expect(await eventCount()).toBe(before);
  });

  it('refuses an entry on another’s behalf from anyone but a registrar (EntryNotByRegistrar, 403), writing nothing', async () => {
    const before = await eventCount();
    const response = await send('POST', '/collaborations', manager, {
      ...proposal('2015-04-01T09:00:00Z', 'Not a registrar (illustrative)'),
      entry: { actor: { personId: manager.personId, name: manager.name, role: 'collaboration-manager', force: 'dorset' }, source: SOURCE },
    });
    await refusedWritingNothing(response, 403, 'EntryNotByRegistrar');
    expect(await eventCount()).toBe(before);
  });

  it('refuses a registrar entry without its source (400), writing nothing', async () => {
    const before = await eventCount();
    const response = await send('POST', '/collaborations', registrar, {
      ...proposal('2015-04-01T09:00:00Z', 'No source (illustrative)'),
      entry: { actor: { personId: manager.personId, name: manager.name, role: 'collaboration-manager', force: 'dorset' } },
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await eventCount()).toBe(before);
  });

  it('refuses a malformed entry (an array, a string, a NUL or lone surrogate in its source, an unknown field) with a 400 problem detail, writing nothing', async () => {
    const before = await eventCount();
    for (const entry of [[], 'registrar', { source: 'Minutes\u0000' }, { source: 'Minutes \ud800' }, { source: 'Minutes', extra: 1 }, { source: '' }]) {
      const response = await send('POST', '/collaborations', registrar, { ...proposal('2015-04-01T09:00:00Z', 'Malformed entry (illustrative)'), entry });
      expect({ entry, status: response.status }).toEqual({ entry, status: 400 });
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
    expect(await eventCount()).toBe(before);
  });

  it('refuses a registrar entry naming an actor who could not have done it (a manager of a force not a party), writing nothing', async () => {
    const before = await eventCount();
    const response = await send('POST', '/collaborations', registrar, {
      ...proposal('2015-04-01T09:00:00Z', 'Wrong actor (illustrative)'),
      entry: { actor: { personId: 'cm-kent', name: 'Kent manager', role: 'collaboration-manager', force: 'kent' }, source: SOURCE },
    });
    expect(response.status).toBe(403);
    expect(await eventCount()).toBe(before);
  });

  it('records 2015 history entered by a registrar as the act of the person who acted, with who entered it, the source and its lateness', async () => {
    const response = await send('POST', '/collaborations', registrar, {
      ...proposal('2015-04-01T09:00:00Z', 'Alliance of 2015 (illustrative)'),
      entry: { actor: { personId: manager.personId, name: manager.name, role: 'collaboration-manager', force: 'dorset' }, source: SOURCE },
    });
    expect(response.status).toBe(201);
    const [proposed] = await timeline(response.body!.collaborationId);
    expect(proposed).toMatchObject({
      type: 'CollaborationProposed',
      recordedBy: { personId: manager.personId, name: manager.name },
      role: 'collaboration-manager',
      backDating: { enteredBy: { personId: registrar.personId, name: registrar.name }, source: SOURCE },
      backDated: true,
    });
    expect(proposed.backDating.lateByDays).toBeGreaterThan(4000);
  });

  it('records a registrar’s own act beyond the window (an appointment of 2015) only with its source', async () => {
    const without = await send('POST', '/offices/dorset/policing-body/appointments', registrar, { holder: { personId: 'pcc-bd', name: 'PCC (illustrative holder)' }, basis: 'substantive', occurredAt: '2015-01-05T09:00:00Z' });
    await refusedWritingNothing(without, 422, 'BackDatedBeyondWindow');
    const withSource = await send('POST', '/offices/dorset/policing-body/appointments', registrar, {
      holder: { personId: 'pcc-bd', name: 'PCC (illustrative holder)' },
      basis: 'substantive',
      occurredAt: '2015-01-05T09:00:00Z',
      entry: { source: 'Election result, Dorset PCC (illustrative)' },
    });
    expect(withSource.status).toBe(201);
  });

  it('refuses an act entered by its actor after they left office (ActorLeftOffice, 422), and records it when a registrar enters it with its source', async () => {
    const signature = { party: 'dorset', occurredAt: daysAgo(10) };
    const before = (await timeline(collaborationId)).length;
    await refusedWritingNothing(await send('POST', `/collaborations/${collaborationId}/signatures`, alice, signature), 422, 'ActorLeftOffice');
    expect((await timeline(collaborationId)).length).toBe(before);

    const entered = await send('POST', `/collaborations/${collaborationId}/signatures`, registrar, {
      ...signature,
      entry: { actor: { personId: alice.personId, name: alice.name, role: 'chief-officer', force: 'dorset' }, source: 'Signed agreement, signature page (illustrative)' },
    });
    expect(entered.status).toBe(201);
    const signed = (await timeline(collaborationId)).at(-1)!;
    expect(signed).toMatchObject({ type: 'AgreementSigned', data: { signatory: { personId: alice.personId } }, recordedBy: { personId: alice.personId }, backDating: { enteredBy: { personId: registrar.personId }, lateByDays: 10 } });
  });
});
