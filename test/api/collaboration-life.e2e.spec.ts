import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EVENT_STORE, type EventStore } from '#event-store';
import type { Principal } from '#shared-kernel';
import { httpClient } from '../support/http-client.js';
import { projectionsCaughtUp } from '../support/projections.js';
import { type TestApi, startTestApi } from '../support/test-api.js';

/**
 * The life of a three-force collaboration over HTTP against real PostgreSQL: offices filled by
 * the registrar, a proposal by the lead force's collaboration manager, signatures by each party's
 * chief officer and policing body, a chief constable handover in the middle (the outgoing holder's
 * pending signature is listed, the incoming holder signs), coming into force, and notice of
 * withdrawal. Terms are illustrative; the shape follows the South West Tri-force.
 */
const FORCES = ['avon-and-somerset', 'gloucestershire', 'wiltshire'] as const;
const registrar: Principal = { personId: 'reg-1', name: 'National registrar', role: 'registrar' };
const manager: Principal = { personId: 'cm-glos', name: 'Tri-force programme manager', role: 'collaboration-manager', force: 'gloucestershire' };
const chief = (force: string, n = 1): Principal => ({ personId: `cc-${force}-${n}`, name: `Chief Constable ${n} of ${force}`, role: 'chief-officer', force });
/** The policing body of the day: the police authority until 21 November 2012, the PCC from 22 November 2012 (PRSRA 2011 s1; SI 2012/2892). */
const authority = (force: string): Principal => ({ personId: `pa-${force}`, name: `${force} Police Authority`, role: 'policing-body', force });
const pcc = (force: string): Principal => ({ personId: `pcc-${force}`, name: `PCC for ${force}`, role: 'policing-body', force });

describe('a three-force collaboration from proposal to termination, over HTTP', () => {
  let api: TestApi;
  let collaborationId: string;

  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => api?.close());

  const send = (...args: Parameters<ReturnType<typeof httpClient>>) => httpClient(api)(...args);
  const signatureCount = async () => ((await send('GET', `/collaborations/${collaborationId}`, registrar)).body!.signatures as unknown[]).length;

  it('lists the 43 forces without signing in', async () => {
    const forces = await send('GET', '/forces', null);
    expect(forces.status).toBe(200);
    expect(forces.body).toMatchObject({ total: 43 });
  });

  it('lets the registrar fill each party’s offices', async () => {
    for (const force of FORCES) {
      for (const holder of [chief(force), authority(force)]) {
        const response = await send('POST', `/offices/${force}/${holder.role}/appointments`, registrar, {
          holder: { personId: holder.personId, name: holder.name },
          basis: 'substantive',
          occurredAt: '2011-06-01T00:00:00Z',
        });
        expect(response.status).toBe(201);
        expect(response.headers.get('etag')).toBe('"1"');
      }
    }
    const office = await send('GET', '/offices/wiltshire/chief-officer', registrar);
    expect(office.body).toMatchObject({ version: 1, currentHolder: { holder: { personId: 'cc-wiltshire-1' }, basis: 'substantive' } });
  });

  it('refuses a second holder for a held office', async () => {
    const response = await send('POST', '/offices/wiltshire/chief-officer/appointments', registrar, {
      holder: { personId: 'someone-else', name: 'Someone Else' },
      basis: 'acting',
      occurredAt: '2012-01-01T00:00:00Z',
    });
    expect(response).toMatchObject({ status: 422, body: { code: 'OfficeAlreadyHeld' } });
  });

  it('lets the lead force’s collaboration manager propose it', async () => {
    const response = await send('POST', '/collaborations', manager, {
      name: 'South West Tri-force Specialist Operations',
      purpose: 'Firearms, dogs and roads policing delivered once for three forces',
      functions: ['firearms', 'dogs', 'roads policing'],
      parties: [...FORCES],
      leadForce: 'gloucestershire',
      costSharing: 'In proportion to net revenue expenditure (illustrative)',
      noticePeriodMonths: 12,
      reviewDate: '2015-04-01',
      occurredAt: '2012-01-09T10:00:00Z',
    });
    expect(response.status).toBe(201);
    collaborationId = response.body!.collaborationId;
    expect(response.headers.get('location')).toBe(`/collaborations/${collaborationId}`);
    expect(response.headers.get('etag')).toBe('"1"');
    expect(response.body).toMatchObject({ version: 1, events: [{ type: 'CollaborationProposed' }] });
  });

  it('collects signatures; a stale If-Match is refused with 412 and writes nothing', async () => {
    const first = await send('POST', `/collaborations/${collaborationId}/signatures`, chief('avon-and-somerset'), { party: 'avon-and-somerset', occurredAt: '2012-02-01T09:00:00Z' }, { 'if-match': '"1"' });
    expect(first).toMatchObject({ status: 201, body: { version: 2 } });

    const stale = await send('POST', `/collaborations/${collaborationId}/signatures`, authority('avon-and-somerset'), { party: 'avon-and-somerset', occurredAt: '2012-02-02T09:00:00Z' }, { 'if-match': '"1"' });
    expect(stale).toMatchObject({ status: 412, body: { code: 'VersionMismatch', expectedVersion: 1, actualVersion: 2 } });
    expect(await signatureCount()).toBe(1);

    for (const who of [authority('avon-and-somerset'), authority('gloucestershire'), chief('gloucestershire'), authority('wiltshire')]) {
      const response = await send('POST', `/collaborations/${collaborationId}/signatures`, who, { party: who.force, occurredAt: '2012-02-03T09:00:00Z' });
      expect(response.status).toBe(201);
    }
    expect(await signatureCount()).toBe(5);
  });

  it('refuses what the rules forbid, writing nothing', async () => {
    const cases: Array<[Principal, unknown, number, string]> = [
      [chief('avon-and-somerset'), { party: 'avon-and-somerset' }, 422, 'AlreadySigned'],
      [chief('dorset'), { party: 'dorset' }, 422, 'NotAParty'],
      [chief('wiltshire'), { party: 'avon-and-somerset' }, 403, 'ActsOnlyForOwnForce'],
      [{ ...chief('wiltshire'), personId: 'impostor', name: 'Not the Chief Constable' }, { party: 'wiltshire' }, 422, 'SignerNotOfficeHolder'],
      [chief('wiltshire'), { party: 'wiltshire', occurredAt: '2099-01-01T00:00:00Z' }, 422, 'OccurredInFuture'],
      [chief('wiltshire'), { party: 'wiltshire', occurredAt: 'last Tuesday' }, 400, 'ValidationFailed'],
      [chief('wiltshire'), { party: 'wiltshire', extra: 'field' }, 400, 'ValidationFailed'],
      [{ personId: 'aud', name: 'Auditor', role: 'auditor' }, { party: 'wiltshire' }, 403, 'AuditorsOnlyRead'],
      [manager, { party: 'gloucestershire' }, 403, 'RoleMayNotTakeAction'],
    ];
    for (const [who, payload, status, code] of cases) {
      const response = await send('POST', `/collaborations/${collaborationId}/signatures`, who, payload);
      expect({ code: response.body?.code, status: response.status }).toEqual({ code, status });
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
    const unknown = await send('POST', '/collaborations/00000000-0000-4000-8000-000000000000/signatures', chief('wiltshire'), { party: 'wiltshire' });
    expect(unknown).toMatchObject({ status: 404, body: { code: 'CollaborationNotFound' } });
    expect(await signatureCount()).toBe(5);
  });

  it('hands over Wiltshire’s chief constable office, listing the unsigned agreement, and the incoming holder signs', async () => {
    const handover = await send('POST', '/offices/wiltshire/chief-officer/handovers', registrar, {
      outgoingPersonId: 'cc-wiltshire-1',
      incoming: { personId: 'cc-wiltshire-2', name: 'Chief Constable 2 of wiltshire' },
      basis: 'acting',
      note: 'Retirement; the deputy acts',
      occurredAt: '2012-02-20T00:00:00Z',
    });
    expect(handover.status).toBe(201);
    const store = api.app.get<EventStore>(EVENT_STORE);
    const [, handedOver] = await store.readStream('office-wiltshire-chief-officer');
    expect(handedOver).toMatchObject({
      type: 'OfficeHandedOver',
      data: {
        outgoing: { personId: 'cc-wiltshire-1' },
        incoming: { personId: 'cc-wiltshire-2' },
        pending: [{ kind: 'agreement-signature', collaborationId, name: 'South West Tri-force Specialist Operations' }],
      },
      metadata: { role: 'registrar', backDated: true },
    });

    // The outgoing holder no longer speaks for the office: acting themselves, refused as out of office;
    // entered by a registrar, refused because the signature's date is after they handed over.
    const outgoing = await send('POST', `/collaborations/${collaborationId}/signatures`, chief('wiltshire', 1), { party: 'wiltshire', occurredAt: '2012-03-01T00:00:00Z' });
    expect(outgoing).toMatchObject({ status: 422, body: { code: 'ActorLeftOffice', office: 'chief-officer', force: 'wiltshire' } });
    const outgoingHolder = chief('wiltshire', 1);
    const entered = await send('POST', `/collaborations/${collaborationId}/signatures`, registrar, {
      party: 'wiltshire',
      occurredAt: '2012-03-01T00:00:00Z',
      entry: { actor: { personId: outgoingHolder.personId, name: outgoingHolder.name, role: 'chief-officer', force: 'wiltshire' }, source: 'Signature page (illustrative)' },
    });
    expect(entered).toMatchObject({ status: 422, body: { code: 'SignerNotOfficeHolder', holderThen: { personId: 'cc-wiltshire-2' } } });

    const incoming = await send('POST', `/collaborations/${collaborationId}/signatures`, chief('wiltshire', 2), { party: 'wiltshire', occurredAt: '2012-03-01T00:00:00Z' });
    expect(incoming.status).toBe(201);
    expect(incoming.body!.events.map((e: { type: string }) => e.type)).toEqual(['AgreementSigned', 'AgreementCameIntoForce']);
  });

  it('shows the collaboration as it stood, and as it was known, on earlier dates', async () => {
    const now = await send('GET', `/collaborations/${collaborationId}`, { personId: 'aud', name: 'Auditor', role: 'auditor' });
    expect(now.body).toMatchObject({ status: 'in-force', parties: [...FORCES], leadForce: 'gloucestershire' });
    expect(now.headers.get('etag')).toBe(`"${now.body!.version}"`);

    const asAtFebruary = await send('GET', `/collaborations/${collaborationId}?asOf=2012-02-02`, registrar);
    expect(asAtFebruary.body).toMatchObject({ status: 'proposed' });
    expect(asAtFebruary.body!.signatures).toHaveLength(1);

    const beforeProposal = await send('GET', `/collaborations/${collaborationId}?asOf=2011-12-31`, registrar);
    expect(beforeProposal).toMatchObject({ status: 404, body: { code: 'CollaborationNotFound' } });

    const knownBeforeAnyEntry = await send('GET', `/collaborations/${collaborationId}?knownAt=2020-01-01`, registrar);
    expect(knownBeforeAnyEntry.status).toBe(404);

    const badDate = await send('GET', `/collaborations/${collaborationId}?asOf=yesterday`, registrar);
    expect(badDate).toMatchObject({ status: 400, body: { code: 'InvalidDate' } });
  });

  it('accepts notice of withdrawal that runs the notice period, and refuses a shorter one', async () => {
    const short = await send('POST', `/collaborations/${collaborationId}/withdrawal-notices`, chief('avon-and-somerset'), {
      party: 'avon-and-somerset',
      reason: 'Specialist operations return to local control',
      effectiveOn: '2018-12-31',
      occurredAt: '2018-04-03T00:00:00Z',
    });
    expect(short).toMatchObject({ status: 422, body: { code: 'NoticeShorterThanPeriod', earliestEffectiveOn: '2019-04-03' } });

    const notice = await send('POST', `/collaborations/${collaborationId}/withdrawal-notices`, chief('avon-and-somerset'), {
      party: 'avon-and-somerset',
      reason: 'Specialist operations return to local control',
      effectiveOn: '2019-04-03',
      occurredAt: '2018-04-03T00:00:00Z',
    });
    expect(notice.status).toBe(201);
    const state = await send('GET', `/collaborations/${collaborationId}`, registrar);
    await projectionsCaughtUp(api);
    const { months } = (await send('GET', `/collaborations/${collaborationId}/indicators`, registrar)).body!;
    expect(months.find((m: { month: string }) => m.month === '2018-04').withdrawalNotices).toMatchObject({ given: 1, parties: ['avon-and-somerset'], events: [expect.any(Number)] });
    expect(state.body!.withdrawalNotices).toEqual([
      { party: 'avon-and-somerset', reason: 'Specialist operations return to local control', effectiveOn: '2019-04-03', givenAt: '2018-04-03T00:00:00.000Z', rescinded: false },
    ]);
  });

  it('lets only the lead force’s manager propose costs, delegation, appetite and publication — as variations that change nothing until every party signs — and record skills and a review', async () => {
    const path = (p: string) => `/collaborations/${collaborationId}/${p}`;
    const budget = { financialYear: '2016/17', totalGbp: 9_000_000, contributions: FORCES.map((party) => ({ party, amountGbp: 3_000_000 })), occurredAt: '2016-03-01T00:00:00Z' };
    const outsider: Principal = { personId: 'cm-wilts', name: 'Wiltshire manager', role: 'collaboration-manager', force: 'wiltshire' };
    expect(await send('POST', path('budgets'), outsider, budget)).toMatchObject({ status: 403, body: { code: 'ManagesOnlyOwnLeadForceCollaborations' } });
    const proposedBudget = await send('POST', path('budgets'), manager, budget);
    expect(proposedBudget).toMatchObject({ status: 201, body: { variationId: expect.any(String), events: [{ type: 'VariationProposed' }] } });
    expect(await send('POST', path('budgets'), manager, { ...budget, totalGbp: 1 })).toMatchObject({ status: 422, body: { code: 'ContributionsDoNotAddUp' } });
    expect(await send('POST', path('budgets'), manager, { ...budget, financialYear: 'sixteen' })).toMatchObject({ status: 400, body: { code: 'ValidationFailed' } });

    const scheme = { rules: [{ category: 'financial', leadForceAloneUpToGbp: 250_000, aboveLimit: 'all-chief-officers' }], occurredAt: '2012-04-01T00:00:00Z' };
    expect((await send('POST', path('delegation-scheme'), manager, scheme)).status).toBe(201);
    const appetite = { appetite: [{ category: 'operational', level: 'cautious' }], statement: 'Cautious on service delivery', occurredAt: '2012-04-01T00:00:00Z' };
    expect((await send('POST', path('risk-appetite'), manager, appetite)).status).toBe(201);
    expect(await send('POST', path('publication'), manager, { level: 'redacted' })).toMatchObject({ status: 422, body: { code: 'PublicationReasonRequired' } });
    expect((await send('POST', path('publication'), manager, { level: 'redacted', reason: 'Tactics withheld', occurredAt: '2012-04-02T00:00:00Z' })).status).toBe(201);
    const sro = { keyRole: 'senior-responsible-owner', person: { personId: 'acc-1', name: 'ACC (illustrative)' }, trainedInCollaboration: false, trainedInChangeManagement: false, occurredAt: '2012-04-02T00:00:00Z' };
    expect((await send('POST', path('key-roles'), manager, sro)).status).toBe(201);
    expect((await send('POST', path('reviews'), manager, { outcome: 'vary', findings: 'Dogs better delivered locally', occurredAt: '2018-01-15T00:00:00Z' })).status).toBe(201);

    const state = (await send('GET', `/collaborations/${collaborationId}`, registrar)).body!;
    expect(state).toMatchObject({
      budgets: [],
      delegationScheme: null,
      riskAppetite: null,
      publication: null,
      keyRoles: { 'senior-responsible-owner': { trainedInCollaboration: false } },
      reviews: [{ outcome: 'vary' }],
    });
    expect((state.variations as Array<{ terms: object; agreedAt: string | null }>).map((v) => [Object.keys(v.terms), v.agreedAt])).toEqual([
      [['annualBudget'], null],
      [['delegationScheme'], null],
      [['riskAppetite'], null],
      [['publication'], null],
    ]);
  });

  it('hands each policing-body office from its police authority to its PCC on 22 November 2012', async () => {
    for (const force of FORCES) {
      const handover = await send('POST', `/offices/${force}/policing-body/handovers`, registrar, {
        outgoingPersonId: authority(force).personId,
        incoming: { personId: pcc(force).personId, name: pcc(force).name },
        basis: 'substantive',
        body: 'pcc',
        note: 'Police authorities abolished; the PCC takes office (PRSRA 2011 s1)',
        occurredAt: '2012-11-22T00:00:00Z',
      });
      expect(handover.status).toBe(201);
    }
  });

  it('agrees a variation once every remaining party’s chief officer and policing body (the PCC: the police authority no longer exists) have signed it', async () => {
    const proposal = await send('POST', `/collaborations/${collaborationId}/variations`, manager, {
      summary: 'Dogs return to local control',
      changes: 'Schedule 1: police dogs removed from the functions in scope',
      terms: { functions: ['firearms', 'roads policing'] },
      occurredAt: '2018-06-01T00:00:00Z',
    });
    expect(proposal.status).toBe(201);
    const { variationId } = proposal.body!;
    const signers = [chief('avon-and-somerset'), pcc('avon-and-somerset'), chief('gloucestershire'), pcc('gloucestershire'), chief('wiltshire', 2), pcc('wiltshire')];
    // The police authority's holder left office in 2012: acting themselves, out of office; entered by a registrar, the body no longer existed.
    const outOfOffice = await send('POST', `/collaborations/${collaborationId}/variations/${variationId}/signatures`, authority('wiltshire'), { party: 'wiltshire', occurredAt: '2018-07-01T00:00:00Z' });
    expect(outOfOffice).toMatchObject({ status: 422, body: { code: 'ActorLeftOffice' } });
    const formerAuthority = authority('wiltshire');
    const tooLate = await send('POST', `/collaborations/${collaborationId}/variations/${variationId}/signatures`, registrar, {
      party: 'wiltshire',
      occurredAt: '2018-07-01T00:00:00Z',
      entry: { actor: { personId: formerAuthority.personId, name: formerAuthority.name, role: 'policing-body', force: 'wiltshire' }, source: 'Variation signature page (illustrative)' },
    });
    expect(tooLate).toMatchObject({ status: 422, body: { code: 'PolicingBodyDidNotExist', body: 'police-authority' } });
    let last: Awaited<ReturnType<typeof send>> | undefined;
    for (const who of signers) {
      last = await send('POST', `/collaborations/${collaborationId}/variations/${variationId}/signatures`, who, { party: who.force, occurredAt: '2018-07-01T00:00:00Z' });
      expect(last.status).toBe(201);
    }
    expect(last!.body!.events.map((e: { type: string }) => e.type)).toEqual(['VariationSigned', 'VariationAgreed']);
    const read = (asOf: string) => send('GET', `/collaborations/${collaborationId}?asOf=${asOf}`, registrar);
    expect((await read('2018-06-30')).body!.functions).toEqual(['firearms', 'dogs', 'roads policing']);
    expect((await read('2018-07-02')).body!.functions).toEqual(['firearms', 'roads policing']);
  });

  it('records the withdrawal once notice has run, then termination, after which it can only be read', async () => {
    const early = await send('POST', `/collaborations/${collaborationId}/withdrawals`, chief('avon-and-somerset'), { party: 'avon-and-somerset', occurredAt: '2019-01-01T00:00:00Z' });
    expect(early).toMatchObject({ status: 422, body: { code: 'NoticeNotYetRun', effectiveOn: '2019-04-03' } });
    const withdrew = await send('POST', `/collaborations/${collaborationId}/withdrawals`, chief('avon-and-somerset'), { party: 'avon-and-somerset', occurredAt: '2019-04-03T00:00:00Z' });
    expect(withdrew.body!.events.map((e: { type: string }) => e.type)).toEqual(['PartyWithdrew']);
    const again = await send('POST', `/collaborations/${collaborationId}/signatures`, pcc('avon-and-somerset'), { party: 'avon-and-somerset' });
    expect(again).toMatchObject({ status: 422, body: { code: 'PartyHasWithdrawn' } });

    expect(await send('POST', `/collaborations/${collaborationId}/termination`, manager, { reason: 'The manager alone', occurredAt: '2019-06-30T00:00:00Z' })).toMatchObject({ status: 422, body: { code: 'NoAgreedEnd' } });
    const end = await send('POST', `/collaborations/${collaborationId}/variations`, manager, { summary: 'End by agreement', changes: 'The remaining parties end it', terms: { endsOn: '2019-06-30' }, occurredAt: '2019-06-01T00:00:00Z' });
    expect(end.status).toBe(201);
    let signed: Awaited<ReturnType<typeof send>> | undefined;
    for (const who of [chief('gloucestershire'), pcc('gloucestershire'), chief('wiltshire', 2), pcc('wiltshire')]) {
      signed = await send('POST', `/collaborations/${collaborationId}/variations/${end.body!.variationId}/signatures`, who, { party: who.force, occurredAt: '2019-06-20T00:00:00Z' });
      expect(signed.status).toBe(201);
    }
    expect(signed!.body!.events.map((e: { type: string }) => e.type)).toEqual(['VariationSigned', 'VariationAgreed', 'CollaborationTerminated']);
    const afterwards = await send('POST', `/collaborations/${collaborationId}/purpose`, manager, { purpose: 'Something new', reason: 'r' });
    expect(afterwards).toMatchObject({ status: 422, body: { code: 'CollaborationTerminated' } });
    const read = await send('GET', `/collaborations/${collaborationId}`, { personId: 'aud', name: 'Auditor', role: 'auditor' });
    expect(read.body).toMatchObject({ status: 'terminated', withdrawnParties: ['avon-and-somerset'] });
  });

  it('records who did each thing in every event’s metadata', async () => {
    const store = api.app.get<EventStore>(EVENT_STORE);
    const events = await store.readStream(`collaboration-${collaborationId}`);
    expect(events[0]!.metadata).toMatchObject({ actor: { personId: 'cm-glos' }, role: 'collaboration-manager', force: 'gloucestershire', backDated: true });
    expect(events.every((e) => typeof (e.metadata as { correlationId?: unknown }).correlationId === 'string')).toBe(true);
  });
});
