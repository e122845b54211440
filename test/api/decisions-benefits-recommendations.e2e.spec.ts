import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Principal } from '#shared-kernel';
import { created, httpClient } from '../support/http-client.js';
import { projectionsCaughtUp } from '../support/projections.js';
import { type TestApi, startTestApi } from '../support/test-api.js';

/**
 * Decisions, risk appetite, benefits and recommendations over HTTP against real PostgreSQL, in a
 * three-force alliance led by Essex (illustrative terms): a decision within delegation taken by the
 * lead force alone; one beyond it needing every chief officer, with a rejection; an urgent decision
 * flagged then ratified; a benefit measured monthly for a year with a revised target; and a
 * recommendation that slips twice and is closed with evidence.
 */
const FORCES = ['essex', 'kent', 'suffolk'];
const registrar: Principal = { personId: 'reg', name: 'Registrar', role: 'registrar' };
const manager: Principal = { personId: 'cm-essex', name: 'Alliance programme manager', role: 'collaboration-manager', force: 'essex' };
const chief = (force: string): Principal => ({ personId: `cc-${force}`, name: `Chief Constable of ${force}`, role: 'chief-officer', force });
const body = (force: string): Principal => ({ personId: `pcc-${force}`, name: `PCC for ${force}`, role: 'policing-body', force });

describe('decisions, risk appetite, benefits and recommendations, over HTTP', () => {
  let api: TestApi;
  let send: ReturnType<typeof httpClient>;
  let collaborationId: string;

  beforeAll(async () => {
    api = await startTestApi();
    send = httpClient(api);
    for (const force of FORCES) {
      for (const holder of [chief(force), body(force)]) {
        created(await send('POST', `/offices/${force}/${holder.role}/appointments`, registrar, { holder: { personId: holder.personId, name: holder.name }, basis: 'substantive', occurredAt: '2014-01-01T00:00:00Z' }));
      }
    }
    collaborationId = created(
      await send('POST', '/collaborations', manager, {
        name: 'Eastern shared services alliance (illustrative)',
        purpose: 'Shared specialist services',
        functions: ['firearms training'],
        parties: FORCES,
        leadForce: 'essex',
        costSharing: 'equal',
        noticePeriodMonths: 12,
        reviewDate: '2018-04-01',
        delegationScheme: [{ category: 'financial', leadForceAloneUpToGbp: 250_000, aboveLimit: 'all-chief-officers' }],
        occurredAt: '2015-01-05T00:00:00Z',
      }),
    ).collaborationId;
    for (const force of FORCES) for (const who of [chief(force), body(force)]) created(await send('POST', `/collaborations/${collaborationId}/signatures`, who, { party: force, occurredAt: '2015-02-01T00:00:00Z' }));
  });
  afterAll(async () => api?.close());

  const propose = (title: string, valueGbp: number, occurredAt: string) =>
    send('POST', '/decisions', manager, { collaborationId, title, category: 'financial', valueGbp, rationale: 'r', optionsConsidered: ['a', 'b'], occurredAt });

  it('takes a decision within delegation on the lead force’s approval alone', async () => {
    const { decisionId, events } = created(await propose('Renew range maintenance', 180_000, '2016-05-01T00:00:00Z'));
    expect(events.map((e: { type: string }) => e.type)).toEqual(['DecisionProposed']);
    expect(await send('POST', `/decisions/${decisionId}/approvals`, chief('kent'), { occurredAt: '2016-05-02T00:00:00Z' })).toMatchObject({ status: 422, body: { code: 'ApprovalNotRequired' } });
    const approval = created(await send('POST', `/decisions/${decisionId}/approvals`, chief('essex'), { occurredAt: '2016-05-03T12:00:00Z' }));
    expect(approval.events.map((e: { type: string }) => e.type)).toEqual(['DecisionApproved', 'DecisionTaken']);
    const read = (await send('GET', `/decisions/${decisionId}`, { personId: 'aud', name: 'Auditor', role: 'auditor' })).body!;
    expect(read).toMatchObject({ status: 'taken', basis: 'lead-force-alone', underDelegationScheme: true, daysToDecide: 2.5 });
  });

  it('needs every chief officer beyond delegation, and one rejection stops it', async () => {
    const { decisionId } = created(await propose('Build a shared range', 900_000, '2016-06-01T00:00:00Z'));
    const read = (await send('GET', `/decisions/${decisionId}`, registrar)).body!;
    expect(read.requiredApprovals).toEqual(FORCES.map((party) => ({ party, role: 'chief-officer' })));
    expect(read.escalations).toEqual([expect.objectContaining({ to: 'all-chief-officers', automatic: true })]);
    created(await send('POST', `/decisions/${decisionId}/approvals`, chief('essex'), { occurredAt: '2016-06-02T00:00:00Z' }));
    created(await send('POST', `/decisions/${decisionId}/rejections`, chief('kent'), { reason: 'Not affordable this year', occurredAt: '2016-06-03T00:00:00Z' }));
    expect(await send('POST', `/decisions/${decisionId}/approvals`, chief('suffolk'), {})).toMatchObject({ status: 422, body: { code: 'DecisionNotOpen', status: 422 } });
    expect((await send('GET', `/decisions/${decisionId}`, registrar)).body).toMatchObject({ status: 'rejected', rejections: [{ party: 'kent', reason: 'Not affordable this year' }] });
    expect(await send('POST', `/decisions/${decisionId}/approvals`, body('kent'), {})).toMatchObject({ status: 422, body: { code: 'DecisionNotOpen' } });
  });

  it('flags an urgent decision, then records its ratification by every approval it skipped', async () => {
    const { decisionId } = created(await propose('Emergency range repairs', 400_000, '2016-07-01T00:00:00Z'));
    expect(await send('POST', `/decisions/${decisionId}/urgency`, chief('kent'), { justification: 'x' })).toMatchObject({ status: 422, body: { code: 'OnlyLeadChiefOfficerActsUrgently' } });
    const urgent = created(await send('POST', `/decisions/${decisionId}/urgency`, chief('essex'), { justification: 'Range closed by the safety inspection', occurredAt: '2016-07-01T18:00:00Z' }));
    expect(urgent.events.map((e: { type: string }) => e.type)).toEqual(['DecisionTakenUnderUrgency']);
    created(await send('POST', `/decisions/${decisionId}/ratifications`, chief('kent'), { occurredAt: '2016-07-10T00:00:00Z' }));
    expect(await send('POST', `/decisions/${decisionId}/ratifications`, chief('kent'), {})).toMatchObject({ status: 422, body: { code: 'AlreadyRatified' } });
    created(await send('POST', `/decisions/${decisionId}/ratifications`, chief('suffolk'), { occurredAt: '2016-07-12T00:00:00Z' }));
    const read = (await send('GET', `/decisions/${decisionId}`, registrar)).body!;
    expect(read).toMatchObject({ status: 'ratified', urgency: { justification: 'Range closed by the safety inspection', skippedApprovals: [{ party: 'kent' }, { party: 'suffolk' }] } });
    expect(read.ratifications).toHaveLength(2);
  });

  it('refuses decisions from those who may not take them, writing nothing', async () => {
    const outsider: Principal = { ...manager, personId: 'cm-kent', force: 'kent' };
    expect(await send('POST', '/decisions', outsider, { collaborationId, title: 't', category: 'financial', valueGbp: 1, rationale: 'r', optionsConsidered: ['a'] })).toMatchObject({
      status: 403,
      body: { code: 'ManagesOnlyOwnLeadForceCollaborations' },
    });
    expect(await send('POST', '/decisions', manager, { collaborationId, title: 't', category: 'procurement', valueGbp: 1, rationale: 'r', optionsConsidered: ['a'] })).toMatchObject({
      status: 400,
      body: { code: 'ValidationFailed' },
    });
  });

  it('declares and revises each force’s risk appetite by remit', async () => {
    created(await send('POST', '/forces/kent/risk-appetite/declarations', chief('kent'), { category: 'partnership', level: 'open', statement: 'Open to shared services', occurredAt: '2015-01-01T00:00:00Z' }));
    created(await send('POST', '/forces/kent/risk-appetite/declarations', body('kent'), { category: 'partnership', level: 'cautious', statement: 'Cautious on governance', occurredAt: '2015-01-01T00:00:00Z' }));
    expect(await send('POST', '/forces/essex/risk-appetite/declarations', chief('kent'), { category: 'partnership', level: 'open', statement: 's' })).toMatchObject({ status: 403, body: { code: 'ActsOnlyForOwnForce' } });
    created(await send('POST', '/forces/kent/risk-appetite/revisions', chief('kent'), { category: 'partnership', level: 'cautious', statement: 'After the review', reason: 'New chief constable', occurredAt: '2017-06-01T00:00:00Z' }));
    const now = (await send('GET', '/forces/kent/risk-appetite', registrar)).body!;
    expect(now.entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ remit: 'operational', category: 'partnership', level: 'cautious', history: [expect.objectContaining({ level: 'open' }), expect.objectContaining({ level: 'cautious' })] }),
        expect.objectContaining({ remit: 'strategic', category: 'partnership', level: 'cautious' }),
      ]),
    );
    const then = (await send('GET', '/forces/kent/risk-appetite?asOf=2016-01-01', registrar)).body!;
    expect(then.entries.find((e: { remit: string }) => e.remit === 'operational')).toMatchObject({ level: 'open' });
  });

  it('shows risk-appetite alignment across the parties, against the agreed appetite, as at any date', async () => {
    // The manager proposes the agreed appetite; it is agreed when every party has signed (s23C(4)).
    const { variationId } = created(await send('POST', `/collaborations/${collaborationId}/risk-appetite`, manager, { appetite: [{ category: 'partnership', level: 'open' }], statement: 'Open to sharing', occurredAt: '2015-03-01T00:00:00Z' }));
    for (const force of FORCES) for (const who of [chief(force), body(force)]) created(await send('POST', `/collaborations/${collaborationId}/variations/${variationId}/signatures`, who, { party: force, occurredAt: '2015-03-01T00:00:00Z' }));
    created(await send('POST', '/forces/essex/risk-appetite/declarations', chief('essex'), { category: 'partnership', level: 'eager', statement: 'Eager', occurredAt: '2015-02-01T00:00:00Z' }));
    created(await send('POST', '/forces/suffolk/risk-appetite/declarations', chief('suffolk'), { category: 'partnership', level: 'cautious', statement: 'Cautious', occurredAt: '2015-02-01T00:00:00Z' }));
    await projectionsCaughtUp(api);
    const partnership = async (asOf: string) =>
      ((await send('GET', `/collaborations/${collaborationId}/risk-appetite-alignment?asOf=${asOf}`, registrar)).body!.categories as Array<{ category: string; agreed: string; remits: Array<{ remit: string; spread: number; parties: Array<{ party: string; level: string; distanceFromAgreed: number }> }> }>).find(
        (c) => c.category === 'partnership',
      )!;
    const in2016 = await partnership('2016-01-01');
    expect(in2016.agreed).toBe('open');
    const operational2016 = in2016.remits.find((r) => r.remit === 'operational')!;
    expect(operational2016.parties.map((p) => [p.party, p.level, p.distanceFromAgreed])).toEqual([['essex', 'eager', 1], ['kent', 'open', 0], ['suffolk', 'cautious', 1]]);
    expect(operational2016.spread).toBe(2);
    const in2018 = (await partnership('2018-01-01')).remits.find((r) => r.remit === 'operational')!;
    expect(in2018.parties.find((p) => p.party === 'kent')!.level).toBe('cautious');
    expect(in2018.spread).toBe(2);
    expect((await partnership('2015-02-15')).agreed).toBeNull();
    // Before the collaboration was proposed, as every read as at a date: there was none.
    expect(await send('GET', `/collaborations/${collaborationId}/risk-appetite-alignment?asOf=2014-01-01`, registrar)).toMatchObject({ status: 404, body: { code: 'CollaborationNotFound' } });
  });

  it('tracks a benefit measured monthly for a year, with a revised target and the original kept', async () => {
    const { benefitId } = created(
      await send('POST', '/benefits', manager, {
        collaborationId,
        title: 'Cashable savings from shared training',
        category: 'economic',
        measure: 'monthly cashable saving',
        unit: 'GBP',
        baseline: 0,
        target: 1_200_000,
        targetDate: '2017-03-31',
        owner: { personId: 'fin-1', name: 'Head of finance (illustrative)' },
        sharePerForce: [{ party: 'essex', percent: 40 }, { party: 'kent', percent: 30 }, { party: 'suffolk', percent: 30 }],
        occurredAt: '2016-03-01T00:00:00Z',
      }),
    );
    expect(await send('POST', `/benefits/${benefitId}/measurements`, manager, { period: '2016-04', value: 1, evidence: 'e' })).toMatchObject({ status: 422, body: { code: 'ProfileNotApproved' } });
    expect(await send('POST', `/benefits/${benefitId}/profile-approval`, chief('kent'), {})).toMatchObject({ status: 403, body: { code: 'ActsOnlyForOwnForce' } });
    created(await send('POST', `/benefits/${benefitId}/profile-approval`, chief('essex'), { occurredAt: '2016-03-15T00:00:00Z' }));
    for (let month = 0; month < 12; month++) {
      const period = new Date(Date.UTC(2016, 3 + month, 1)).toISOString().slice(0, 7);
      // Measured once the month has ended: on the first day of the next.
      const measuredOn = new Date(Date.UTC(2016, 4 + month, 1)).toISOString().slice(0, 10);
      created(await send('POST', `/benefits/${benefitId}/measurements`, manager, { period, value: 80_000 + month * 1_000, evidence: `RCB ${period}`, occurredAt: `${measuredOn}T00:00:00Z` }));
    }
    expect(await send('POST', `/benefits/${benefitId}/measurements`, manager, { period: '2016-04', value: 90_000, evidence: 'again' })).toMatchObject({ status: 422, body: { code: 'PeriodAlreadyMeasured', value: 80_000 } });
    created(await send('POST', `/benefits/${benefitId}/measurements`, manager, { period: '2016-04', value: 82_500, evidence: 'corrected', correctionReason: 'late invoice', occurredAt: '2016-06-01T00:00:00Z' }));
    created(await send('POST', `/benefits/${benefitId}/target-revisions`, manager, { target: 1_000_000, reason: 'Range project deferred', occurredAt: '2016-10-01T00:00:00Z' }));
    const read = (await send('GET', `/benefits/${benefitId}`, registrar)).body!;
    expect(read).toMatchObject({ originalTarget: 1_200_000, target: 1_000_000, targetRevisions: [{ from: 1_200_000, to: 1_000_000 }], latestValue: 91_000 });
    expect(read.measurements).toHaveLength(12);
    expect(read.measurements[0]).toMatchObject({ period: '2016-04', value: 80_000, corrections: [{ value: 82_500, reason: 'late invoice' }] });
    const beforeRevision = (await send('GET', `/benefits/${benefitId}?asOf=2016-09-30`, registrar)).body!;
    expect(beforeRevision).toMatchObject({ target: 1_200_000 });

    await projectionsCaughtUp(api);
    const plan = (await send('GET', `/benefits-against-plan?collaborationId=${collaborationId}`, registrar)).body!;
    expect(plan.items).toEqual([
      expect.objectContaining({ benefitId, originalTarget: 1_200_000, target: 1_000_000, monthsMeasured: 12, corrections: 1, targetRevisions: 1, latestValue: 91_000, cashable: true, shareOfTarget: 0.091 }),
    ]);
  });

  it('shows trust between two forces per month, and notices and benefits in the collaboration’s monthly indicators', async () => {
    await projectionsCaughtUp(api);
    const pair = (await send('GET', '/indicators/pairs/essex/kent?from=2015-01&to=2016-12', registrar)).body!;
    expect(pair).toMatchObject({ from: '2015-01', to: '2016-12' });
    expect(pair.sharedCollaborations).toEqual([expect.objectContaining({ collaborationId })]);
    const june = pair.months.find((m: { month: string }) => m.month === '2016-06');
    expect(june.decisions).toMatchObject({ proposed: 1, decided: 1, rejected: 1, shareEscalated: 1, shareEscalatedByScheme: 1, shareEscalatedByChoice: 0, rejectionsByParty: { essex: 0, kent: 1 } });
    const february = pair.months.find((m: { month: string }) => m.month === '2015-02');
    expect(february.daysToSign).toEqual({ essex: 27, kent: 27 });
    expect(february.signatureEvents).toHaveLength(4);
    expect(await send('GET', '/indicators/pairs/kent/kent', registrar)).toMatchObject({ status: 400, body: { code: 'SameForceTwice' } });
    // A year up to now by default; a month range as asked, at most ten years, never backwards.
    const thisYear = (await send('GET', '/indicators/pairs/essex/kent', registrar)).body!;
    expect(thisYear.to).toBe(new Date().toISOString().slice(0, 7));
    expect(thisYear.months.every((m: { month: string }) => m.month >= thisYear.from && m.month <= thisYear.to)).toBe(true);
    for (const query of ['from=2016-13', 'to=2016-6', 'from=2016-05&to=2016-04', 'from=2005-01&to=2016-04', 'from=2016-01T00:00:00Z', 'to=', 'from=0050-01', 'to=2100-01']) {
      expect(await send('GET', `/indicators/pairs/essex/kent?${query}`, registrar)).toMatchObject({ status: 400, body: { code: 'InvalidMonthRange' } });
    }
    expect(await send('GET', '/indicators/pairs/essex/kent?from=2016-01&from=2016-02', registrar)).toMatchObject({ status: 400, body: { code: 'RepeatedParameter' } });
    const { months } = (await send('GET', `/collaborations/${collaborationId}/indicators`, registrar)).body!;
    const april2016 = months.find((m: { month: string }) => m.month === '2016-04');
    expect(april2016.benefits).toMatchObject({ measured: 1 });
    const february2015 = months.find((m: { month: string }) => m.month === '2015-02');
    expect(february2015.riskAppetite).toMatchObject({ widestSpread: 2, category: 'partnership', remit: 'operational' });
    expect(february2015.riskAppetite.events).toHaveLength(3);
  });

  it('tracks a recommendation that slips twice and is closed with evidence accepted by the policing body', async () => {
    const dcc = { personId: 'dcc-suffolk', name: 'Deputy Chief Constable of Suffolk (illustrative)' };
    const { recommendationId } = created(
      await send('POST', '/recommendations', chief('suffolk'), {
        source: 'inspection-report',
        reference: 'PEEL spotlight report: The Hard Yards (HMICFRS, 21 July 2020)',
        kind: 'recommendation',
        text: 'Forces without an effective system to track collaboration benefits should use the national methodology.',
        addressedTo: 'suffolk',
        collaborationId,
        owner: dcc,
        dueDate: '2021-03-31',
        occurredAt: '2020-07-21T00:00:00Z',
      }),
    );
    const path = (p: string) => `/recommendations/${recommendationId}/${p}`;
    created(await send('POST', path('actions'), chief('suffolk'), { action: 'Adopt the methodology', owner: dcc, dueDate: '2021-01-31', occurredAt: '2020-09-01T00:00:00Z' }));
    created(await send('POST', path('due-date-revisions'), chief('suffolk'), { dueDate: '2021-09-30', reason: 'Methodology published late', occurredAt: '2021-03-01T00:00:00Z' }));
    created(await send('POST', path('due-date-revisions'), chief('suffolk'), { dueDate: '2022-03-31', reason: 'Board paused during the pandemic', occurredAt: '2021-09-01T00:00:00Z' }));
    expect(await send('POST', path('closure-proposals'), chief('suffolk'), { note: 'done' })).toMatchObject({ status: 422, body: { code: 'NoEvidence' } });
    created(await send('POST', path('evidence'), chief('suffolk'), { reference: 'JASP 2022/03 (illustrative)', description: 'First quarterly benefits report', occurredAt: '2022-02-01T00:00:00Z' }));
    created(await send('POST', path('closure-proposals'), chief('suffolk'), { note: 'Methodology in use', occurredAt: '2022-02-02T00:00:00Z' }));
    expect(await send('POST', path('closure-acceptances'), chief('suffolk'), { note: 'ok' })).toMatchObject({ status: 403, body: { code: 'RoleMayNotTakeAction' } });
    expect(await send('POST', path('closure-acceptances'), body('kent'), { note: 'ok' })).toMatchObject({ status: 403, body: { code: 'ActsOnlyForOwnForce' } });
    created(await send('POST', path('closure-acceptances'), body('suffolk'), { note: 'Scrutinised at JASP', occurredAt: '2022-03-01T00:00:00Z' }));
    expect(await send('POST', path('progress'), chief('suffolk'), { note: 'more' })).toMatchObject({ status: 422, body: { code: 'RecommendationClosed' } });
    const read = (await send('GET', `/recommendations/${recommendationId}`, { personId: 'aud', name: 'Auditor', role: 'auditor' })).body!;
    expect(read).toMatchObject({ status: 'closed', slips: 2, dueDate: '2022-03-31', evidence: [{ reference: 'JASP 2022/03 (illustrative)' }] });
    expect(read.closureHistory.map((c: { step: string }) => c.step)).toEqual(['proposed', 'accepted']);

    await projectionsCaughtUp(api);
    const { months } = (await send('GET', `/collaborations/${collaborationId}/indicators`, registrar)).body!;
    expect(months.filter((m: { recommendations: { slips: number } }) => m.recommendations.slips > 0).map((m: { month: string }) => m.month)).toEqual(['2021-03', '2021-09']);
    const tracker = (await send('GET', '/recommendations-tracker?force=suffolk', registrar)).body!;
    expect(tracker.items).toEqual([expect.objectContaining({ recommendationId, status: 'closed', slips: 2, slipped: true, overdue: false, evidenceItems: 1, originalDueDate: '2021-03-31', dueDate: '2022-03-31' })]);
    expect((await send('GET', '/recommendations-tracker?status=overdue', registrar)).body!.total).toBe(0);
  });
});
