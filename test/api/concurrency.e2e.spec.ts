import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Principal } from '#shared-kernel';
import { type TestApi, startTestApi } from '../support/test-api.js';

/**
 * Many people acting on one thing at once: every outcome is one some serial order would give, the
 * losers of a race are told so (409 with the current version, or 412 when their If-Match is
 * stale) and nothing is written for them, and nothing that won is lost.
 */
const registrar: Principal = { personId: 'reg', name: 'Registrar', role: 'registrar' };
const FORCES = ['avon-and-somerset', 'bedfordshire', 'cambridgeshire', 'cheshire', 'cleveland', 'cumbria', 'derbyshire', 'devon-and-cornwall', 'dorset', 'durham', 'essex', 'gloucestershire', 'hampshire-and-isle-of-wight', 'hertfordshire', 'kent', 'lancashire', 'leicestershire', 'lincolnshire', 'norfolk', 'suffolk'];
const chief = (force: string): Principal => ({ personId: `cc-${force}`, name: `Chief Constable of ${force} (illustrative)`, role: 'chief-officer', force });
const pcc = (force: string): Principal => ({ personId: `pcc-${force}`, name: `PCC for ${force} (illustrative)`, role: 'policing-body', force });
const manager = (force: string, n = 1): Principal => ({ personId: `cm-${force}-${n}`, name: `Manager ${n}, ${force}`, role: 'collaboration-manager', force });

interface Answer {
  status: number;
  etag: string | null;
  body: Record<string, any>;
}

describe('concurrent acts on one aggregate, over HTTP', () => {
  let api: TestApi;
  let collaborationId: string;

  async function send(method: string, path: string, who: Principal, body?: object, headers: Record<string, string> = {}): Promise<Answer> {
    const response = await fetch(`${api.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${await api.tokenFor(who)}`, ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: response.status, etag: response.headers.get('etag'), body: (await response.json()) as Record<string, any> };
  }
  const ok = (answer: Answer) => {
    expect({ status: answer.status, code: answer.body.code }).toEqual({ status: 201, code: undefined });
    return answer.body;
  };

  beforeAll(async () => {
    api = await startTestApi({ rateLimits: { perPrincipalPerMinute: 100_000, perIpPerMinute: 100_000 } });
    for (const force of FORCES) {
      for (const who of [chief(force), pcc(force)]) ok(await send('POST', `/offices/${force}/${who.role}/appointments`, registrar, { holder: { personId: who.personId, name: who.name }, basis: 'substantive', occurredAt: '2014-01-01T00:00:00Z' }));
    }
    collaborationId = ok(
      await send('POST', '/collaborations', manager('kent'), { name: 'Twenty-force alliance (illustrative)', purpose: 'p', functions: ['f'], parties: FORCES, leadForce: 'kent', costSharing: 'c', noticePeriodMonths: 12, reviewDate: '2030-01-01', occurredAt: '2015-01-01T00:00:00Z' }),
    ).collaborationId;
    for (const force of FORCES) for (const who of [chief(force), pcc(force)]) ok(await send('POST', `/collaborations/${collaborationId}/signatures`, who, { party: force, occurredAt: '2015-02-01T00:00:00Z' }));
  });
  afterAll(async () => api?.close());

  it('takes twenty chief officers’ approvals of one decision, sent at once: each recorded once, the losers of each race told the current version', async () => {
    const { decisionId } = ok(await send('POST', '/decisions', manager('kent'), { collaborationId, title: 'Shared firearms range (illustrative)', category: 'financial', valueGbp: 1_000_000, rationale: 'r', optionsConsidered: ['a', 'b'], occurredAt: '2016-01-01T00:00:00Z' }));
    const conflicts: Answer[] = [];
    // Each approver sends, and on losing a race (409) sends again, as a careful client does.
    const outcomes = await Promise.all(
      FORCES.map(async (force) => {
        for (let attempt = 1; attempt <= 50; attempt++) {
          const answer = await send('POST', `/decisions/${decisionId}/approvals`, chief(force), { occurredAt: '2016-01-10T00:00:00Z' });
          if (answer.status !== 409) return { force, answer, attempts: attempt };
          conflicts.push(answer);
        }
        throw new Error(`${force} lost fifty races in a row`);
      }),
    );
    expect(outcomes.map((o) => [o.force, o.answer.status])).toEqual(FORCES.map((force) => [force, 201]));
    // Every loser was told why and where the decision now stands.
    for (const conflict of conflicts) expect(conflict.body).toMatchObject({ code: 'ConcurrentChange', actualVersion: expect.any(Number) });
    // The versions the winners got are distinct, one per approval: a serial order.
    const versions = outcomes.map((o) => o.answer.body.version as number).sort((a, b) => a - b);
    expect(new Set(versions).size).toBe(FORCES.length);
    const decision = await send('GET', `/decisions/${decisionId}`, registrar);
    expect(decision.status).toBe(200);
    const approvals = decision.body.approvals as Array<{ party: string }>;
    expect(approvals.map((a) => a.party).sort()).toEqual([...FORCES].sort());
    expect(decision.body.status).toBe('taken');
  });

  it('lets one of two managers varying one agreement from the same version win; the other gets 412 and, reloading, decides again', async () => {
    const read = await send('GET', `/collaborations/${collaborationId}`, registrar);
    const version = read.etag!;
    const vary = (who: Principal, summary: string) => send('POST', `/collaborations/${collaborationId}/variations`, who, { summary, changes: `Schedule 1: ${summary}`, terms: { reviewDate: '2020-04-01' }, occurredAt: '2017-01-01T00:00:00Z' }, { 'if-match': version });
    const [first, second] = await Promise.all([vary(manager('kent', 1), 'Dogs leave the alliance'), vary(manager('kent', 2), 'Marine unit joins the alliance')]);
    const statuses = [first.status, second.status].sort();
    expect(statuses[0]).toBe(201);
    expect([409, 412]).toContain(statuses[1]);
    const loser = first.status === 201 ? second : first;
    const winner = first.status === 201 ? first : second;
    expect(loser.body).toMatchObject({ actualVersion: winner.body.version });
    // The loser reloads and decides again from where the agreement now stands.
    const reloaded = await send('GET', `/collaborations/${collaborationId}`, registrar);
    expect(reloaded.etag).toBe(`"${winner.body.version}"`);
    const retried = await send('POST', `/collaborations/${collaborationId}/variations`, manager('kent', 2), { summary: 'Marine unit joins the alliance', changes: 'Schedule 1', terms: { reviewDate: '2020-04-01' }, occurredAt: '2017-01-01T00:00:00Z' }, { 'if-match': reloaded.etag! });
    expect(retried.status).toBe(201);
    const after = await send('GET', `/collaborations/${collaborationId}`, registrar);
    expect((after.body.variations as unknown[]).length).toBe((read.body.variations as unknown[]).length + 2);
  });
});
