import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Principal } from '#shared-kernel';
import { type Answer, httpClient } from '../support/http-client.js';
import { projectionsCaughtUp } from '../support/projections.js';
import { type TestApi, startTestApi } from '../support/test-api.js';

/**
 * As at everywhere an auditor looks (docs/adr/0008-as-at-read-models.md): the register, the decision
 * log, benefits against plan, the recommendations tracker and the indicators, read over HTTP as at two
 * dates, give the collaboration's two states; read as known before a back-dated entry was recorded,
 * they do not show it. Every answer names the instants it answers for.
 */
const FORCES = ['devon-and-cornwall', 'dorset'];
const registrar: Principal = { personId: 'reg', name: 'Registrar', role: 'registrar' };
const auditor: Principal = { personId: 'aud', name: 'Internal audit', role: 'auditor' };
const manager: Principal = { personId: 'cm-dc', name: 'Alliance programme manager (illustrative)', role: 'collaboration-manager', force: 'devon-and-cornwall' };
const chief = (force: string): Principal => ({ personId: `cc-${force}`, name: `Chief Constable of ${force} (illustrative)`, role: 'chief-officer', force });
const body = (force: string): Principal => ({ personId: `pcc-${force}`, name: `PCC for ${force} (illustrative)`, role: 'policing-body', force });

describe('read models as at a date and as known at a date, over HTTP', () => {
  let api: TestApi;
  let send: ReturnType<typeof httpClient>;
  let collaborationId: string;
  let decisionId: string;
  let benefitId: string;
  /** An instant after everything but the back-dated measurement was recorded, and before it was. */
  let knownBefore: string;
  const ok = (answer: Answer) => {
    expect({ status: answer.status, code: answer.body?.code }).toEqual({ status: answer.status < 300 ? answer.status : 200, code: undefined });
    return answer.body!;
  };
  const get = async (path: string) => ok(await send('GET', path, auditor));

  beforeAll(async () => {
    api = await startTestApi();
    send = httpClient(api);
    for (const force of FORCES) for (const holder of [chief(force), body(force)]) ok(await send('POST', `/offices/${force}/${holder.role}/appointments`, registrar, { holder: { personId: holder.personId, name: holder.name }, basis: 'substantive', occurredAt: '2014-01-01T00:00:00Z' }));
    collaborationId = ok(
      await send('POST', '/collaborations', manager, {
        name: 'Strategic alliance (illustrative terms)',
        purpose: 'Shared support services',
        functions: ['finance', 'procurement'],
        parties: FORCES,
        leadForce: 'devon-and-cornwall',
        costSharing: 'by net revenue budget (illustrative)',
        noticePeriodMonths: 12,
        reviewDate: '2017-04-01',
        occurredAt: '2015-01-05T00:00:00Z',
      }),
    ).collaborationId;
    for (const force of FORCES) for (const who of [chief(force), body(force)]) ok(await send('POST', `/collaborations/${collaborationId}/signatures`, who, { party: force, occurredAt: '2015-02-01T00:00:00Z' }));
    // No delegation scheme: every chief officer must approve.
    decisionId = ok(await send('POST', '/decisions', manager, { collaborationId, title: 'One finance system', category: 'financial', valueGbp: 400_000, rationale: 'r', optionsConsidered: ['One system', 'Two systems'], occurredAt: '2015-04-01T00:00:00Z' })).decisionId;
    for (const [force, date] of [['devon-and-cornwall', '2015-04-03'], ['dorset', '2015-04-21']] as const) ok(await send('POST', `/decisions/${decisionId}/approvals`, chief(force), { occurredAt: `${date}T00:00:00Z` }));
    benefitId = ok(
      await send('POST', '/benefits', manager, {
        collaborationId,
        title: 'Cashable savings from shared support services',
        category: 'economic',
        measure: 'Annualised cashable saving against the 2014/15 baseline',
        unit: 'GBP',
        measureKind: 'annualised-run-rate',
        baseline: 0,
        target: 2_400_000,
        targetDate: '2018-03-31',
        owner: { personId: 'fin-1', name: 'Head of finance (illustrative)' },
        sharePerForce: [{ party: 'devon-and-cornwall', percent: 75 }, { party: 'dorset', percent: 25 }],
        occurredAt: '2015-05-01T00:00:00Z',
      }),
    ).benefitId;
    ok(await send('POST', `/benefits/${benefitId}/profile-approval`, chief('devon-and-cornwall'), { occurredAt: '2015-05-15T00:00:00Z' }));
    for (const [period, value, on] of [['2015-06', 1_200_000, '2015-07-01'], ['2015-07', 1_200_000, '2015-08-01']] as const) ok(await send('POST', `/benefits/${benefitId}/measurements`, manager, { period, value, evidence: `Board ${period} (illustrative)`, occurredAt: `${on}T00:00:00Z` }));
    const recommendationId = ok(
      await send('POST', '/recommendations', chief('dorset'), {
        source: 'internal-audit',
        reference: 'Internal audit of the alliance (illustrative)',
        kind: 'recommendation',
        text: 'Track benefits monthly.',
        addressedTo: 'dorset',
        collaborationId,
        owner: { personId: 'dcc-dorset', name: 'Deputy Chief Constable (illustrative)' },
        dueDate: '2015-09-30',
        occurredAt: '2015-05-01T00:00:00Z',
      }),
    ).recommendationId;
    ok(await send('POST', `/recommendations/${recommendationId}/due-date-revisions`, chief('dorset'), { dueDate: '2015-12-31', reason: 'Waiting for the board', occurredAt: '2015-09-01T00:00:00Z' }));

    // What the ledger knew before the back-dated figure was entered: the last recording so far, to the millisecond.
    const recorded = (await get(`/streams/benefit-${benefitId}/events`)).items as Array<{ recordedAt: string }>;
    knownBefore = new Date(Date.parse(recorded.at(-1)!.recordedAt) + 1).toISOString();
    while (Date.now() <= Date.parse(knownBefore) + 1) await new Promise((r) => setTimeout(r, 2)); // the clock must pass it first
    // Entered now, back-dated to 1 September 2015, once the month had ended: August's figure.
    ok(await send('POST', `/benefits/${benefitId}/measurements`, manager, { period: '2015-08', value: 2_400_000, evidence: 'Board 2015-08 (illustrative)', occurredAt: '2015-09-01T00:00:00Z' }));
    const last = (await get(`/streams/benefit-${benefitId}/events`)).items as Array<{ recordedAt: string }>;
    expect(Date.parse(last.at(-1)!.recordedAt)).toBeGreaterThan(Date.parse(knownBefore));
    await projectionsCaughtUp(api);
  });
  afterAll(async () => api?.close());

  it('the register: proposed as at January 2015, in force as at March 2015, and says which instant it answers for', async () => {
    const january = await get('/register?asOf=2015-01-31');
    expect(january).toMatchObject({ asOf: '2015-01-31T23:59:59.999Z', knownAt: null, total: 1, items: [{ collaborationId, status: 'proposed', signatures: 0 }] });
    const march = await get('/register?asOf=2015-03-01');
    expect(march).toMatchObject({ asOf: '2015-03-01T23:59:59.999Z', total: 1, items: [{ collaborationId, status: 'in-force', signatures: 4 }] });
    expect(await get('/register?asOf=2014-12-31')).toMatchObject({ total: 0, items: [] });
    expect(await get('/register')).toMatchObject({ asOf: null, knownAt: null, items: [{ collaborationId, status: 'in-force' }] });
    // The register rebuilt from each stream says the same.
    expect(await get('/register/as-at?asOf=2015-01-31')).toMatchObject({ knownAt: null, items: [{ collaborationId, status: 'proposed' }] });
    expect(await get(`/register/as-at?asOf=2015-03-01&knownAt=${encodeURIComponent(knownBefore)}`)).toMatchObject({ knownAt: knownBefore, items: [{ collaborationId, status: 'in-force' }] });
  });

  it('the decision log: open as at 10 April 2015, taken after 20 days as at 1 May 2015', async () => {
    const open = await get(`/decision-log?collaborationId=${collaborationId}&asOf=2015-04-10`);
    expect(open).toMatchObject({ asOf: '2015-04-10T23:59:59.999Z', total: 1, items: [{ decisionId, status: 'open', decidedAt: null, approvals: [{ party: 'devon-and-cornwall' }] }] });
    const taken = await get(`/decision-log?collaborationId=${collaborationId}&asOf=2015-05-01`);
    expect(taken).toMatchObject({ total: 1, items: [{ decisionId, status: 'taken', daysToDecide: 20, escalationsRequired: 1, escalationsChosen: 0 }] });
    expect(await get(`/decision-log?collaborationId=${collaborationId}&asOf=2015-03-31`)).toMatchObject({ total: 0 });
  });

  it('benefits against plan: realised by the run rate as at each month; the back-dated figure counts as at its date but not as known before it was entered', async () => {
    const asAt = async (query: string) => (await get(`/benefits-against-plan?collaborationId=${collaborationId}&${query}`)) as { items: Array<Record<string, unknown>>; totals: Record<string, any>; asOf: string | null; knownAt: string | null };
    const july = await asAt('asOf=2015-08-01'); // July's figure is dated 1 August, once July had ended
    expect(july.items[0]).toMatchObject({ benefitId, monthsMeasured: 2, realisedToDate: 200_000, currentRunRate: 1_200_000 });
    const september = await asAt('asOf=2015-09-30');
    expect(september.items[0]).toMatchObject({ monthsMeasured: 3, realisedToDate: 400_000, currentRunRate: 2_400_000, attribution: [{ party: 'devon-and-cornwall', realisedToDate: 300_000 }, { party: 'dorset', realisedToDate: 100_000 }] });
    expect(september.totals).toMatchObject({ benefits: 1, cashable: [{ unit: 'GBP', realisedToDate: 400_000 }], nonCashable: [], byForce: [{ party: 'devon-and-cornwall', realisedToDate: 300_000 }, { party: 'dorset', realisedToDate: 100_000 }] });
    const knownThen = await asAt(`asOf=2015-09-30&knownAt=${encodeURIComponent(knownBefore)}`);
    expect(knownThen).toMatchObject({ asOf: '2015-09-30T23:59:59.999Z', knownAt: knownBefore });
    expect(knownThen.items[0]).toMatchObject({ monthsMeasured: 2, realisedToDate: 200_000 });
    expect((await asAt('limit=50')).items[0]).toMatchObject({ monthsMeasured: 3, realisedToDate: 400_000 });
  });

  it('the recommendations tracker: due in September as at August 2015, slipped to December and overdue as at January 2016', async () => {
    expect(await get('/recommendations-tracker?force=dorset&asOf=2015-08-01')).toMatchObject({ asOf: '2015-08-01T23:59:59.999Z', items: [{ dueDate: '2015-09-30', slips: 0, overdue: false }] });
    expect(await get('/recommendations-tracker?force=dorset&asOf=2015-10-01')).toMatchObject({ items: [{ dueDate: '2015-12-31', slips: 1, slipped: true, overdue: false }] });
    expect(await get('/recommendations-tracker?status=overdue&asOf=2016-01-15')).toMatchObject({ total: 1, items: [{ dueDate: '2015-12-31', overdue: true }] });
    expect(await get('/recommendations-tracker?status=overdue&asOf=2015-10-01')).toMatchObject({ total: 0 });
  });

  it('the indicators: April 2015 has no decision decided as at the 10th and one as at the 30th; cashable realised follows what was known', async () => {
    const april = async (asOf: string) => ((await get(`/collaborations/${collaborationId}/indicators?asOf=${asOf}`)).months as Array<Record<string, any>>).find((m) => m.month === '2015-04')!;
    expect((await april('2015-04-10')).decisions).toMatchObject({ proposed: 1, decided: 0 });
    expect((await april('2015-04-30')).decisions).toMatchObject({ proposed: 1, decided: 1, taken: 1, escalatedByScheme: 1, shareEscalatedByScheme: 1, shareEscalatedByChoice: 0, meanDaysToDecide: 20 });
    const months = async (query: string) => (await get(`/collaborations/${collaborationId}/indicators?${query}`)) as { months: Array<Record<string, any>>; asOf: string | null; knownAt: string | null; boundedAt: string };
    const now = await months('asOf=2015-12-31');
    expect(now.months.find((m) => m.month === '2015-08')!.benefits).toMatchObject({ cashableRealisedGbp: 200_000, cashableRealisedToDateGbp: 400_000 });
    const knownThen = await months(`asOf=2015-12-31&knownAt=${encodeURIComponent(knownBefore)}`);
    expect(knownThen).toMatchObject({ asOf: '2015-12-31T23:59:59.999Z', knownAt: knownBefore, boundedAt: '2015-12-31T23:59:59.999Z' });
    expect(knownThen.months.find((m) => m.month === '2015-08')).toBeUndefined();
    expect(await send('GET', `/collaborations/${collaborationId}/indicators?asOf=2014-12-31`, auditor)).toMatchObject({ status: 404, body: { code: 'CollaborationNotFound' } });
  });

  it('reads with no date answer as the projected read models do, and a bad date is a 400 InvalidDate', async () => {
    const far = await get(`/decision-log?collaborationId=${collaborationId}&asOf=2099-01-01`);
    const current = await get(`/decision-log?collaborationId=${collaborationId}`);
    expect({ ...far, asOf: null }).toEqual(current);
    expect(await send('GET', '/register?asOf=2019-02-30', auditor)).toMatchObject({ status: 400, body: { code: 'InvalidDate' } });
    expect(await send('GET', '/benefits-against-plan?knownAt=yesterday', auditor)).toMatchObject({ status: 400, body: { code: 'InvalidDate' } });
  });
});
