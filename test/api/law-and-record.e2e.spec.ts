import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Principal } from '#shared-kernel';
import { httpClient } from '../support/http-client.js';
import { type TestApi, startTestApi } from '../support/test-api.js';

/**
 * Issue 13 over HTTP against real PostgreSQL: terms change only when every remaining party has
 * signed a variation (s23C(4)); a manager's shortcut only proposes; no one ends a collaboration
 * alone (s23C(5)); a s23G direction keeps it going whatever notices say; other parties (s22A(6)).
 * Every refusal is a problem detail and writes nothing (the stream's version does not move).
 * Terms are illustrative; the shape follows West Mercia and Warwickshire.
 */
const FORCES = ['west-mercia', 'warwickshire'] as const;
const registrar: Principal = { personId: 'reg-13', name: 'National registrar', role: 'registrar' };
const manager: Principal = { personId: 'cm-wm-13', name: 'Alliance manager', role: 'collaboration-manager', force: 'west-mercia' };
const chief = (force: string): Principal => ({ personId: `cc13-${force}`, name: `Chief Constable of ${force}`, role: 'chief-officer', force });
const body = (force: string): Principal => ({ personId: `pcc13-${force}`, name: `PCC for ${force}`, role: 'policing-body', force });
const SIGNERS = FORCES.flatMap((f) => [chief(f), body(f)]);
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
const dayOf = (instant: string) => instant.slice(0, 10);

describe('the law and the record, over HTTP', () => {
  let api: TestApi;
  let id: string;

  beforeAll(async () => {
    api = await startTestApi();
    const send = httpClient(api);
    for (const holder of SIGNERS) {
      const appointed = await send('POST', `/offices/${holder.force}/${holder.role}/appointments`, registrar, { holder: { personId: holder.personId, name: holder.name }, basis: 'substantive', occurredAt: daysAgo(29) });
      expect(appointed.status).toBe(201);
    }
    const proposed = await send('POST', '/collaborations', manager, {
      name: 'Two-force alliance (illustrative)',
      purpose: 'One set of support services for two forces',
      functions: ['support services', 'operational services'],
      parties: [...FORCES],
      leadForce: 'west-mercia',
      costSharing: '69:31 (illustrative)',
      noticePeriodMonths: 0,
      reviewDate: '2030-04-01',
      delegationScheme: [{ category: 'financial', leadForceAloneUpToGbp: 100000, aboveLimit: 'all-chief-officers' }],
      publication: { level: 'full' },
      occurredAt: daysAgo(28),
    });
    expect(proposed.status).toBe(201);
    id = proposed.body!.collaborationId;
    for (const signer of SIGNERS) expect((await send('POST', `/collaborations/${id}/signatures`, signer, { party: signer.force, occurredAt: daysAgo(27) })).status).toBe(201);
  });
  afterAll(async () => api?.close());

  const send = (...args: Parameters<ReturnType<typeof httpClient>>) => httpClient(api)(...args);
  const read = async (query = '') => (await send('GET', `/collaborations/${id}${query}`, registrar)).body!;
  const refusedWritingNothing = async (response: Awaited<ReturnType<typeof send>>, status: number, code: string, before: number) => {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body).toMatchObject({ code });
    expect((await read()).version).toBe(before);
  };

  it('makes the agreement under s22A with the terms every party signed, published as agreed', async () => {
    const c = await read();
    expect(c).toMatchObject({ status: 'in-force', legalBasis: { section: 's22A' }, delegationScheme: [{ category: 'financial', leadForceAloneUpToGbp: 100000 }], publication: { level: 'full' } });
  });

  it('lets a manager only propose a delegation scheme: nothing changes until every party has signed, then it does, from the last signature', async () => {
    const before = await read();
    const proposed = await send('POST', `/collaborations/${id}/delegation-scheme`, manager, { rules: [{ category: 'financial', leadForceAloneUpToGbp: 1e9, aboveLimit: 'all-chief-officers' }], occurredAt: daysAgo(20) });
    expect(proposed.status).toBe(201);
    expect(proposed.body).toMatchObject({ events: [{ type: 'VariationProposed' }] });
    const variationId = proposed.body!.variationId as string;
    expect((await read()).delegationScheme).toEqual(before.delegationScheme);
    for (const [i, signer] of SIGNERS.entries()) {
      const signed = await send('POST', `/collaborations/${id}/variations/${variationId}/signatures`, signer, { party: signer.force, occurredAt: daysAgo(19 - i) });
      expect(signed.status).toBe(201);
    }
    const after = await read();
    expect(after.delegationScheme).toEqual([{ category: 'financial', leadForceAloneUpToGbp: 1e9, aboveLimit: 'all-chief-officers' }]);
    const agreed = (after.variations as Array<{ variationId: string; agreedAt: string }>).find((v) => v.variationId === variationId)!;
    expect(dayOf(agreed.agreedAt)).toBe(dayOf(daysAgo(16)));
    expect((await read(`?asOf=${dayOf(daysAgo(17))}`)).delegationScheme).toEqual(before.delegationScheme);
  });

  it('refuses a variation that changes nothing, and one whose contributions do not add up', async () => {
    const { version } = await read();
    await refusedWritingNothing(await send('POST', `/collaborations/${id}/variations`, manager, { summary: 's', changes: 'words only', terms: {} }), 422, 'VariationChangesNothing', version);
    await refusedWritingNothing(
      await send('POST', `/collaborations/${id}/budgets`, manager, { financialYear: '2026/27', totalGbp: 100, contributions: [{ party: 'west-mercia', amountGbp: 60 }, { party: 'warwickshire', amountGbp: 30 }] }),
      422,
      'ContributionsDoNotAddUp',
      version,
    );
  });

  it('refuses a termination no one agreed (s23C(5))', async () => {
    const { version } = await read();
    await refusedWritingNothing(await send('POST', `/collaborations/${id}/termination`, manager, { reason: 'the lead has had enough' }), 422, 'NoAgreedEnd', version);
  });

  it('refuses a withdrawal a s23G direction forbids, whatever the notice says', async () => {
    expect((await send('POST', `/collaborations/${id}/withdrawal-notices`, body('warwickshire'), { party: 'warwickshire', reason: 'Notice to end the alliance', effectiveOn: dayOf(daysAgo(10)), occurredAt: daysAgo(12) })).status).toBe(201);
    const direction = await send('POST', `/collaborations/${id}/directions`, manager, { reference: 'Direction under s23G (illustrative)', direction: 'The agreement continues for six months', continueUntil: '2099-01-01', occurredAt: daysAgo(11) });
    expect(direction.status).toBe(201);
    expect((await read()).directions).toMatchObject([{ statutoryBasis: 'Police Act 1996 s23G', continueUntil: '2099-01-01' }]);
    const { version } = await read();
    await refusedWritingNothing(await send('POST', `/collaborations/${id}/withdrawals`, chief('warwickshire'), { party: 'warwickshire' }), 422, 'DirectionContinuesCollaboration', version);
  });

  it('refuses a signature recorded for an other party the agreement does not list (s22A(6))', async () => {
    const { version } = await read();
    await refusedWritingNothing(await send('POST', `/collaborations/${id}/other-party-signatures`, manager, { party: 'some-council', signatory: { personId: 'x', name: 'Clerk' } }), 422, 'NotAnOtherParty', version);
  });

  it('ends it when the parties agree an end that has come', async () => {
    const proposed = await send('POST', `/collaborations/${id}/variations`, manager, { summary: 'End by agreement', changes: 'The parties end the agreement', terms: { endsOn: dayOf(daysAgo(3)) }, occurredAt: daysAgo(4) });
    expect(proposed.status).toBe(201);
    for (const signer of SIGNERS) expect((await send('POST', `/collaborations/${id}/variations/${proposed.body!.variationId}/signatures`, signer, { party: signer.force, occurredAt: daysAgo(2) })).status).toBe(201);
    expect(await read()).toMatchObject({ status: 'terminated' });
  });
});
