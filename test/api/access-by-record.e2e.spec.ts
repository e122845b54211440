import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type pg from 'pg';
import { PG_POOL } from '#event-store';
import type { Principal } from '#shared-kernel';
import { created, httpClient } from '../support/http-client.js';
import { type TestApi, startTestApi } from '../support/test-api.js';

/**
 * Access is judged against the record the act will be judged by (the stream loaded once by the
 * command runner, as at the act's date), never against what the request claims or the ledger holds
 * at the moment of the request; an act on nothing is refused.
 */
const registrar: Principal = { personId: 'reg', name: 'Registrar', role: 'registrar' };
const manager = (force: string): Principal => ({ personId: `cm-${force}`, name: `Manager, ${force}`, role: 'collaboration-manager', force });
const chief = (force: string): Principal => ({ personId: `cc-${force}`, name: `Chief Constable of ${force}`, role: 'chief-officer', force });
const body = (force: string): Principal => ({ personId: `pcc-${force}`, name: `PCC for ${force}`, role: 'policing-body', force });

describe('access judged against the record', () => {
  let api: TestApi;
  let send: ReturnType<typeof httpClient>;
  let events: () => Promise<number>;
  const propose = (by: Principal, lead: string, parties: string[], occurredAt: string) =>
    send('POST', '/collaborations', by, { name: 'Alliance (illustrative)', purpose: 'p', functions: ['f'], parties, leadForce: lead, costSharing: 'c', noticePeriodMonths: 12, reviewDate: '2030-01-01', occurredAt });
  const decision = (by: Principal, collaborationId: string, occurredAt?: string) =>
    send('POST', '/decisions', by, { collaborationId, title: 'Shared range', category: 'operational', valueGbp: 10, rationale: 'r', optionsConsidered: ['a'], ...(occurredAt ? { occurredAt } : {}) });

  beforeAll(async () => {
    api = await startTestApi();
    send = httpClient(api);
    const pool = api.app.get<pg.Pool>(PG_POOL);
    events = async () => (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM events')).rows[0]!.n;
  });
  afterAll(async () => api?.close());

  it('refuses a non-lead manager’s decision on a collaboration proposed a few seconds in the future (not yet in the record)', async () => {
    const soon = new Date(Date.now() + 20_000).toISOString();
    const { collaborationId } = created(await propose(manager('kent'), 'kent', ['kent', 'essex'], soon));
    const before = await events();
    const answer = await decision(manager('wiltshire'), collaborationId);
    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject({ code: 'CollaborationNotFound' });
    expect(await events()).toBe(before);
    // Dated at or after the proposal, the record names Kent as lead: Wiltshire's manager is refused.
    const later = await decision(manager('wiltshire'), collaborationId, new Date(Date.now() + 30_000).toISOString());
    expect(later.status).toBe(403);
    expect(later.body).toMatchObject({ code: 'ManagesOnlyOwnLeadForceCollaborations' });
    expect(await events()).toBe(before);
  });

  it('judges a back-dated decision by the lead force of its date: the new lead cannot decide in the old lead’s period', async () => {
    for (const force of ['dorset', 'devon-and-cornwall']) {
      for (const who of [chief(force), body(force)]) created(await send('POST', `/offices/${force}/${who.role}/appointments`, registrar, { holder: { personId: who.personId, name: who.name }, basis: 'substantive', occurredAt: '2014-01-01T00:00:00Z' }));
    }
    const { collaborationId } = created(await propose(manager('dorset'), 'dorset', ['dorset', 'devon-and-cornwall'], '2015-01-01T00:00:00Z'));
    for (const force of ['dorset', 'devon-and-cornwall']) for (const who of [chief(force), body(force)]) created(await send('POST', `/collaborations/${collaborationId}/signatures`, who, { party: force, occurredAt: '2015-02-01T00:00:00Z' }));
    // The lead changes only when every party has signed the variation (s23C(4)): from 1 January 2016.
    const { variationId } = created(await send('POST', `/collaborations/${collaborationId}/lead-force`, manager('dorset'), { to: 'devon-and-cornwall', reason: 'agreed handover of the lead', occurredAt: '2015-12-01T00:00:00Z' }));
    for (const force of ['dorset', 'devon-and-cornwall']) for (const who of [chief(force), body(force)]) created(await send('POST', `/collaborations/${collaborationId}/variations/${variationId}/signatures`, who, { party: force, occurredAt: '2016-01-01T00:00:00Z' }));
    const before = await events();
    const backDated = await decision(manager('devon-and-cornwall'), collaborationId, '2015-06-01T00:00:00Z');
    expect({ status: backDated.status, code: backDated.body?.code }).toEqual({ status: 403, code: 'ManagesOnlyOwnLeadForceCollaborations' });
    expect(await events()).toBe(before);
    created(await decision(manager('devon-and-cornwall'), collaborationId, '2016-02-01T00:00:00Z'));
    const byFormerLead = await decision(manager('dorset'), collaborationId, '2016-02-01T00:00:00Z');
    expect({ status: byFormerLead.status, code: byFormerLead.body?.code }).toEqual({ status: 403, code: 'ManagesOnlyOwnLeadForceCollaborations' });
  });

  it('records each aggregate’s stream under its own type (risk-appetite, not “risk”)', async () => {
    created(await send('POST', '/forces/kent/risk-appetite/declarations', chief('kent'), { category: 'financial', level: 'cautious', statement: 's', occurredAt: '2016-01-01T00:00:00Z' }));
    const { rows } = await api.app.get<pg.Pool>(PG_POOL).query<{ type: string }>("SELECT type FROM streams WHERE stream_id = 'risk-appetite-kent'");
    expect(rows).toEqual([{ type: 'risk-appetite' }]);
  });
});
