import { describe, expect, it } from '@jest/globals';
import type { DomainEvent } from '#governance';
import {
  type AppetitePeriod,
  type BenefitAgainstPlan,
  type CollaborationRecords,
  type DecisionLogEntry,
  type Projected,
  type Projection,
  type RegisterEntry,
  againstPlan,
  asAtOf,
  heldAt,
  heldAtEach,
  monthOf,
  monthRangeBounds,
  monthRangeOf,
  benefitTotals,
  benefitsProjection,
  boundedTenures,
  collaborationIndicators,
  decisionLogProjection,
  foldAsAt,
  officeHoldersProjection,
  pairIndicators,
  realisation,
  recommendationsProjection,
  riskAppetiteProjection,
  tracked,
} from '#read-models';

/**
 * The worked examples of docs/indicators.md, one test each, named by the section it reproduces:
 * Given these events (or rows), Then this figure. Events are folded by the projections' own evolve
 * (foldAsAt, as an as-at read does), then the pure indicator functions compute the figures.
 */
const on = (date: string) => new Date(date.length === 10 ? `${date}T00:00:00Z` : date);
const person = (id: string) => ({ personId: id, name: id.toUpperCase() });
let position = 0;
/** One event of a stream, recorded when it occurred unless `recordedAt` says otherwise. */
const ev = (streamId: string, type: string, data: object, occurredAt: string, recordedAt?: string): Projected<DomainEvent> => ({
  type,
  data,
  occurredAt: on(occurredAt),
  streamId,
  streamVersion: 1,
  globalPosition: ++position,
  recordedAt: on(recordedAt ?? occurredAt),
  metadata: {},
}) as unknown as Projected<DomainEvent>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const fold = <Row extends object>(projection: Projection<Row, any>, events: Projected<DomainEvent>[], options: { occurredUntil?: Date; recordedUntil?: Date } = {}) =>
  foldAsAt(projection as Projection<Row, DomainEvent>, events, options);

const C = 'c1';
const entry = (fields: Partial<RegisterEntry> = {}): RegisterEntry =>
  ({
    collaborationId: C,
    name: 'Alliance (illustrative)',
    parties: ['essex', 'kent', 'suffolk'],
    withdrawnParties: [],
    withdrawals: [],
    leadForce: 'essex',
    status: 'in-force',
    proposedAt: on('2016-01-01'),
    terminatedAt: null,
    notices: [],
    agreedAppetites: [],
    ...fields,
  }) as unknown as RegisterEntry;
const none: CollaborationRecords = { signatures: [], decisions: [], tenures: [], benefits: [], recommendations: [], appetite: [] };
const END_2016 = on('2016-12-31T23:59:59.999Z');

describe('the month of an instant', () => {
  it('is its UTC month, YYYY-MM, as toISOString gives it, at the edges of months and years', () => {
    const instants = ['1999-12-31T23:59:59.999Z', '2000-01-01T00:00:00.000Z', '2020-02-29T12:00:00Z', '2021-07-31T23:30:00-01:00', '0050-03-01T00:00:00Z'].map((s) => new Date(s));
    expect(instants.map(monthOf)).toEqual(['1999-12', '2000-01', '2020-02', '2021-08', '0050-03']);
    expect(instants.map(monthOf)).toEqual(instants.map((d) => d.toISOString().slice(0, 7)));
  });
});

describe('docs/indicators.md worked examples', () => {
  it('§1 Days to sign: the mean days from the proposal over the signatures made in the month', () => {
    const signatures = [
      { collaborationId: C, party: 'essex', role: 'chief-officer', signedAt: on('2016-01-11'), eventPosition: 1 },
      { collaborationId: C, party: 'kent', role: 'chief-officer', signedAt: on('2016-01-21'), eventPosition: 2 },
      { collaborationId: C, party: 'kent', role: 'policing-body', signedAt: on('2016-02-10'), eventPosition: 3 },
    ] as never;
    const { months } = collaborationIndicators(entry(), { ...none, signatures }, END_2016);
    expect(months.map((m) => [m.month, m.signatures.count, m.signatures.meanDaysFromProposal])).toEqual([
      ['2016-01', 2, 15],
      ['2016-02', 1, 40],
    ]);
  });

  describe('§2 Decisions', () => {
    const d = (id: string) => `decision-${id}`;
    const proposed = (id: string, date: string, basis: string) => ev(d(id), 'DecisionProposed', { decisionId: id, collaborationId: C, title: id, category: 'operational', valueGbp: 1, leadForce: 'essex', basis }, date);
    const escalated = (id: string, date: string, automatic: boolean) => ev(d(id), 'DecisionEscalated', { to: 'all-chief-officers', reason: 'r', requiredApprovals: [], automatic }, date);
    const events = [
      // d1: within the lead force's delegation, taken by it alone in 2 days
      proposed('d1', '2016-03-01', 'lead-force-alone'),
      ev(d('d1'), 'DecisionTaken', { basis: 'lead-force-alone', approvals: [] }, '2016-03-03'),
      // d2: over the limit, escalated as the scheme required, taken by all chief officers in 20 days
      proposed('d2', '2016-03-10', 'all-chief-officers'),
      escalated('d2', '2016-03-10', true),
      ev(d('d2'), 'DecisionTaken', { basis: 'all-chief-officers', approvals: [] }, '2016-03-30'),
      // d3: within delegation, but the proposer chose to escalate it; Kent rejected it after 10 days
      proposed('d3', '2016-03-15', 'lead-force-alone'),
      escalated('d3', '2016-03-16', false),
      ev(d('d3'), 'DecisionRejected', { party: 'kent', role: 'chief-officer', approver: person('k'), reason: 'no' }, '2016-03-25'),
      // d4: over the limit (escalated by the scheme), taken under urgency the next day, ratified in April
      proposed('d4', '2016-03-20', 'all-chief-officers'),
      escalated('d4', '2016-03-20', true),
      ev(d('d4'), 'DecisionTakenUnderUrgency', { takenBy: { party: 'essex', role: 'chief-officer', person: person('e') }, justification: 'j', skippedApprovals: [] }, '2016-03-21'),
      ev(d('d4'), 'DecisionRatified', { party: 'kent', role: 'chief-officer', ratifier: person('k'), complete: true }, '2016-04-10'),
      // d5: proposed, still open
      proposed('d5', '2016-03-28', 'lead-force-alone'),
    ];

    it('counts over the decisions decided in the month, and every share divides by that count', () => {
      const decisions = fold<DecisionLogEntry>(decisionLogProjection, events);
      const march = collaborationIndicators(entry(), { ...none, decisions }, END_2016).months.find((m) => m.month === '2016-03')!.decisions;
      expect(march).toMatchObject({
        proposed: 5,
        decided: 4,
        taken: 2,
        takenUnderUrgency: 1,
        rejected: 1,
        takenByLeadForceAlone: 1,
        escalatedByScheme: 2,
        escalatedByChoice: 1,
        meanDaysToDecide: 8.25,
        shareEscalated: 0.75,
        shareEscalatedByScheme: 0.5,
        shareEscalatedByChoice: 0.25,
        shareTakenByLeadForceAlone: 0.25,
        shareTakenUnderUrgency: 0.25,
        shareRejected: 0.25,
        urgentRatified: 1,
        rejectionsByParty: { kent: 1 },
      });
      expect(march.taken + march.takenUnderUrgency + march.rejected).toBe(march.decided);
    });

    it('as at 31 March 2016 the urgent decision is not yet ratified', () => {
      const decisions = fold<DecisionLogEntry>(decisionLogProjection, events, { occurredUntil: on('2016-03-31T23:59:59.999Z') });
      const march = collaborationIndicators(entry(), { ...none, decisions }, on('2016-03-31T23:59:59.999Z')).months.find((m) => m.month === '2016-03')!.decisions;
      expect(march.urgentRatified).toBe(0);
      expect(march.decided).toBe(4);
    });
  });

  it('§3 Tenures: bounded by the tenure’s end, the force’s withdrawal, the termination or the date answered for', () => {
    const office = (force: string, role: string) => `office-${force}-${role}`;
    const tenures = fold(officeHoldersProjection, [
      ev(office('essex', 'chief-officer'), 'OfficeHolderAppointed', { forceCode: 'essex', office: 'chief-officer', holder: person('a'), basis: 'substantive' }, '2012-01-01'),
      ev(office('essex', 'chief-officer'), 'OfficeHandedOver', { forceCode: 'essex', office: 'chief-officer', outgoing: person('a'), incoming: person('b'), basis: 'substantive', note: 'n', pending: [{ kind: 'agreement-signature', collaborationId: 'x', name: 'x' }, { kind: 'agreement-signature', collaborationId: 'y', name: 'y' }] }, '2016-04-01'),
      ev(office('suffolk', 'chief-officer'), 'OfficeHolderAppointed', { forceCode: 'suffolk', office: 'chief-officer', holder: person('c'), basis: 'substantive' }, '2014-01-01'),
      ev(office('suffolk', 'chief-officer'), 'OfficeHandedOver', { forceCode: 'suffolk', office: 'chief-officer', outgoing: person('c'), incoming: person('d'), basis: 'substantive', note: 'n', pending: [] }, '2016-09-01'),
      ev(office('kent', 'policing-body'), 'OfficeHolderAppointed', { forceCode: 'kent', office: 'policing-body', holder: person('e'), basis: 'substantive' }, '2016-02-01'),
    ].map((e, i) => ({ ...e, streamVersion: [1, 2, 1, 2, 1][i]! })));
    const withSuffolkGone = entry({ withdrawals: [{ party: 'suffolk', at: on('2016-07-01').toISOString(), position: 99 }] });
    const { at } = asAtOf({ asOf: '2016-12-31' }, on('2026-01-01'));
    expect(boundedTenures(withSuffolkGone, tenures, at).map((t) => [t.forceCode, t.personId, t.endedBy, t.days])).toEqual([
      ['essex', 'a', 'handover', 91],
      ['essex', 'b', 'as-at', 275],
      ['kent', 'e', 'as-at', 335],
      ['suffolk', 'c', 'withdrawal', 182],
    ]);
    const months = collaborationIndicators(withSuffolkGone, { ...none, tenures }, at).months;
    expect(months.map((m) => [m.month, m.leadership.officeChanges, m.leadership.meanDaysInOffice, m.leadership.pendingItemsCarried])).toEqual([['2016-04', 1, 91, 2]]);
  });

  it('§4 Withdrawal notices: given in the month, and how many of them were rescinded since', () => {
    const notices = [
      { party: 'suffolk', givenAt: on('2016-05-03').toISOString(), effectiveOn: '2017-05-03', rescinded: false, position: 7 },
      { party: 'kent', givenAt: on('2016-05-20').toISOString(), effectiveOn: '2017-05-20', rescinded: true, position: 8 },
    ];
    const may = collaborationIndicators(entry({ notices }), none, END_2016).months[0]!;
    expect(may.withdrawalNotices).toEqual({ given: 2, rescinded: 1, parties: ['suffolk', 'kent'], events: [7, 8] });
  });

  describe('§5 Benefit realised, by measure kind', () => {
    const measurements = { '2016-04': 100_000, '2016-05': 250_000, '2016-06': 300_000 };
    it('per-period: each month’s figure less the baseline, added up', () => {
      expect(realisation({ measureKind: 'per-period', baseline: 0, measurements })).toEqual({ byPeriod: { '2016-04': 100_000, '2016-05': 250_000, '2016-06': 300_000 }, realisedToDate: 650_000, currentRunRate: null });
    });
    it('cumulative: the latest running total less the baseline; each month the rise since the month before', () => {
      expect(realisation({ measureKind: 'cumulative', baseline: 0, measurements })).toEqual({ byPeriod: { '2016-04': 100_000, '2016-05': 150_000, '2016-06': 50_000 }, realisedToDate: 300_000, currentRunRate: null });
    });
    it('annualised run rate: a twelfth of each month’s yearly rate above the baseline, added up; the latest rate beside it', () => {
      const r = realisation({ measureKind: 'annualised-run-rate', baseline: 0, measurements: { '2016-04': 1_200_000, '2016-05': 1_200_000, '2016-06': 2_400_000 } });
      expect(r).toEqual({ byPeriod: { '2016-04': 100_000, '2016-05': 100_000, '2016-06': 200_000 }, realisedToDate: 400_000, currentRunRate: 2_400_000 });
    });
    it('the monthly cashable figure of the indicators uses it (not twelve times an annual saving)', () => {
      const benefits = fold<BenefitAgainstPlan>(benefitsProjection, [
        ev('benefit-b1', 'BenefitIdentified', { benefitId: 'b1', collaborationId: C, leadForce: 'essex', title: 'Savings', category: 'economic', measure: 'saving', unit: 'GBP', measureKind: 'annualised-run-rate', baseline: 0, target: 2_400_000, targetDate: '2018-03-31', owner: person('o'), sharePerForce: [{ party: 'essex', percent: 60 }, { party: 'kent', percent: 40 }] }, '2016-01-15'),
        ev('benefit-b1', 'BenefitProfileApproved', { approvedBy: person('o') }, '2016-02-01'),
        ev('benefit-b1', 'BenefitMeasured', { period: '2016-04', value: 1_200_000, evidence: 'e' }, '2016-05-05'),
        ev('benefit-b1', 'BenefitMeasured', { period: '2016-05', value: 1_200_000, evidence: 'e' }, '2016-06-05'),
        ev('benefit-b1', 'BenefitMeasured', { period: '2016-06', value: 2_400_000, evidence: 'e' }, '2016-07-05'),
      ]);
      const months = collaborationIndicators(entry(), { ...none, benefits }, END_2016).months;
      expect(months.map((m) => [m.month, m.benefits.cashableRealisedGbp, m.benefits.cashableRealisedToDateGbp])).toEqual([
        ['2016-04', 100_000, 100_000],
        ['2016-05', 100_000, 200_000],
        ['2016-06', 200_000, 400_000],
      ]);
      const view = againstPlan(benefits[0]!);
      expect(view).toMatchObject({ realisedToDate: 400_000, currentRunRate: 2_400_000, shareOfTarget: 1, cashable: true, nonCashable: false });
      expect(view.attribution).toEqual([
        { party: 'essex', percent: 60, realisedToDate: 240_000 },
        { party: 'kent', percent: 40, realisedToDate: 160_000 },
      ]);
    });
  });

  it('§6 Benefits against plan: totals by category and unit, cashable and non-cashable, per force by attribution share', () => {
    const benefit = (category: string, unit: string, measureKind: string, measurements: Record<string, number>, sharePerForce: Array<{ party: string; percent: number }>) =>
      ({ category, unit, measureKind, baseline: 0, measurements, sharePerForce }) as BenefitAgainstPlan;
    const totals = benefitTotals([
      benefit('economic', 'GBP', 'cumulative', { '2016-04': 300_000 }, [{ party: 'essex', percent: 50 }, { party: 'kent', percent: 50 }]),
      benefit('economic', 'GBP', 'per-period', { '2016-04': 10_000, '2016-05': 20_000 }, [{ party: 'essex', percent: 100 }]),
      benefit('efficiency', 'hours', 'per-period', { '2016-04': 500 }, [{ party: 'kent', percent: 100 }]),
      benefit('effectiveness', 'percent', 'cumulative', {}, [{ party: 'kent', percent: 100 }]),
    ]);
    expect(totals).toEqual({
      benefits: 4,
      byCategory: [
        { category: 'economic', unit: 'GBP', benefits: 2, measured: 2, realisedToDate: 330_000 },
        { category: 'effectiveness', unit: 'percent', benefits: 1, measured: 0, realisedToDate: 0 },
        { category: 'efficiency', unit: 'hours', benefits: 1, measured: 1, realisedToDate: 500 },
      ],
      cashable: [{ unit: 'GBP', benefits: 2, measured: 2, realisedToDate: 330_000 }],
      nonCashable: [{ unit: 'hours', benefits: 1, measured: 1, realisedToDate: 500 }],
      byForce: [
        { party: 'essex', category: 'economic', unit: 'GBP', benefits: 2, realisedToDate: 180_000 },
        { party: 'kent', category: 'economic', unit: 'GBP', benefits: 1, realisedToDate: 150_000 },
        { party: 'kent', category: 'effectiveness', unit: 'percent', benefits: 1, realisedToDate: 0 },
        { party: 'kent', category: 'efficiency', unit: 'hours', benefits: 1, realisedToDate: 500 },
      ],
    });
  });

  it('§7 Recommendations: slips in the month the due date moved later; overdue as at the day answered for', () => {
    const r = 'recommendation-r1';
    const rows = fold(recommendationsProjection, [
      ev(r, 'RecommendationRaised', { recommendationId: 'r1', source: 'inspection-report', reference: 'ref', kind: 'recommendation', text: 't', addressedTo: 'essex', collaborationId: C, owner: person('o'), dueDate: '2016-06-30', raisedBy: person('i') }, '2016-01-10'),
      ev(r, 'DueDateRevised', { from: '2016-06-30', to: '2016-09-30', reason: 'r' }, '2016-06-15'),
      ev(r, 'DueDateRevised', { from: '2016-09-30', to: '2016-08-31', reason: 'sooner' }, '2016-07-01'),
    ]);
    const months = collaborationIndicators(entry(), { ...none, recommendations: rows }, END_2016).months;
    expect(months.map((m) => [m.month, m.recommendations.slips])).toEqual([['2016-06', 1]]);
    expect(tracked(rows[0]!, '2016-08-31')).toMatchObject({ overdue: false, slipped: true, slips: 1 });
    expect(tracked(rows[0]!, '2016-09-01')).toMatchObject({ overdue: true });
  });

  it('§8 Risk-appetite spread: the parties then in the collaboration, at the month’s end', () => {
    const declare = (force: string, level: string, date: string) => ev(`risk-appetite-${force}`, 'RiskAppetiteDeclared', { forceCode: force, remit: 'operational', category: 'financial', level, statement: 's', by: person(force) }, date);
    const appetite = fold(riskAppetiteProjection, [declare('essex', 'cautious', '2016-02-01'), declare('kent', 'open', '2016-02-10'), declare('suffolk', 'averse', '2016-02-20')]);
    const withSuffolkGone = entry({ withdrawals: [{ party: 'suffolk', at: on('2016-03-15').toISOString(), position: 99 }] });
    const months = collaborationIndicators(withSuffolkGone, { ...none, appetite, decisions: fold<DecisionLogEntry>(decisionLogProjection, [ev('decision-x', 'DecisionProposed', { decisionId: 'x', collaborationId: C, title: 'x', category: 'operational', valueGbp: 1, leadForce: 'essex', basis: 'lead-force-alone' }, '2016-03-20')]) }, END_2016).months;
    // February: averse (0) to open (3) = 3 steps. March: Suffolk has withdrawn, cautious (2) to open (3) = 1 step.
    expect(months.map((m) => [m.month, m.riskAppetite.widestSpread])).toEqual([
      ['2016-02', 3],
      ['2016-03', 1],
    ]);
  });

  it('§9 Between two forces: the decisions of the collaborations both are party to, with §2’s definitions; rejections of the two only', () => {
    const decisions = fold<DecisionLogEntry>(decisionLogProjection, [
      ev('decision-p1', 'DecisionProposed', { decisionId: 'p1', collaborationId: C, title: 'p1', category: 'operational', valueGbp: 1, leadForce: 'essex', basis: 'lead-force-alone' }, '2016-03-01'),
      ev('decision-p1', 'DecisionRejected', { party: 'kent', role: 'chief-officer', approver: person('k'), reason: 'no' }, '2016-04-05'),
    ]);
    const view = pairIndicators('essex', 'kent', [entry()], [], decisions, { from: '2016-01', to: '2016-12' });
    expect(view.months.map((m) => [m.month, m.decisions.proposed, m.decisions.decided, m.decisions.rejectionsByParty])).toEqual([
      ['2016-03', 1, 0, { essex: 0, kent: 0 }],
      ['2016-04', 0, 1, { essex: 0, kent: 1 }],
    ]);
    expect(view).toMatchObject({ from: '2016-01', to: '2016-12' });
    // Only the months asked for: April alone.
    const april = pairIndicators('essex', 'kent', [entry()], [], decisions, { from: '2016-04', to: '2016-04' });
    expect(april.months.map((m) => [m.month, m.decisions.proposed, m.decisions.decided])).toEqual([['2016-04', 0, 1]]);
  });

  it('§9 a pair’s months: a year up to the instant read as at by default, any range up to 120 months, nothing backwards', () => {
    const now = new Date('2026-11-30T10:00:00Z');
    expect(monthRangeOf({}, now)).toEqual({ from: '2025-12', to: '2026-11' });
    expect(monthRangeOf({ from: '2016-03' }, now)).toEqual({ from: '2016-03', to: '2017-02' });
    expect(monthRangeOf({ to: '2016-02' }, now)).toEqual({ from: '2015-03', to: '2016-02' });
    expect(monthRangeOf({ from: '2013-01', to: '2022-12' }, now)).toEqual({ from: '2013-01', to: '2022-12' });
    expect(() => monthRangeOf({ from: '2013-01', to: '2023-01' }, now)).toThrow(expect.objectContaining({ code: 'InvalidMonthRange' }));
    expect(() => monthRangeOf({ from: '2016-05', to: '2016-04' }, now)).toThrow(expect.objectContaining({ code: 'InvalidMonthRange' }));
    expect(monthRangeBounds({ from: '2016-12', to: '2016-12' })).toEqual({ start: new Date('2016-12-01T00:00:00Z'), end: new Date('2017-01-01T00:00:00Z') });
  });

  it('§10 As at and as known at: a back-dated figure counts as at its date, but not as known before it was recorded', () => {
    const events = [
      ev('benefit-b2', 'BenefitIdentified', { benefitId: 'b2', collaborationId: C, leadForce: 'essex', title: 'Savings', category: 'economic', measure: 'saving', unit: 'GBP', measureKind: 'per-period', baseline: 0, target: 10, targetDate: '2018-03-31', owner: person('o'), sharePerForce: [{ party: 'essex', percent: 100 }] }, '2016-01-15'),
      ev('benefit-b2', 'BenefitMeasured', { period: '2016-04', value: 5, evidence: 'e' }, '2016-05-05', '2016-05-05'),
      // entered on 1 September for something that happened on 6 June
      ev('benefit-b2', 'BenefitMeasured', { period: '2016-05', value: 7, evidence: 'e' }, '2016-06-06', '2016-09-01T10:00:00Z'),
    ];
    const realisedOf = (options: { occurredUntil?: Date; recordedUntil?: Date }) => againstPlan(fold<BenefitAgainstPlan>(benefitsProjection, events, options)[0]!).realisedToDate;
    expect(realisedOf({ occurredUntil: on('2016-05-31T23:59:59.999Z') })).toBe(5);
    expect(realisedOf({ occurredUntil: on('2016-06-30T23:59:59.999Z') })).toBe(12);
    expect(realisedOf({ occurredUntil: on('2016-06-30T23:59:59.999Z'), recordedUntil: on('2016-08-31T23:59:59.999Z') })).toBe(5);
    expect(realisedOf({})).toBe(12);
  });
});

describe('the periods in force at each month end (one sweep)', () => {
  it('Given declarations beginning and ending at random, Then at every instant it gives what heldAt gives, in the same order', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const day = (n: number) => new Date(Date.UTC(2014, 0, 1) + n * 86_400_000);
    const periods = Array.from({ length: 300 }, (_, i) => {
      const from = Math.floor(random() * 3000);
      const ends = random() < 0.7;
      return { forceCode: `force-${i % 7}`, remit: 'operational', category: 'financial', level: 'cautious', heldFrom: day(from), heldTo: ends ? day(from + Math.floor(random() * 400)) : null, eventPosition: i } as unknown as AppetitePeriod;
    });
    const instants = Array.from({ length: 120 }, (_, i) => day(i * 30 + 15));
    const swept = heldAtEach(periods, instants);
    instants.forEach((at, i) => expect(swept[i]).toEqual(heldAt(periods, at)));
    expect(swept.some((held) => held.length > 10)).toBe(true);
    expect(() => heldAtEach(periods, [day(10), day(5)])).toThrow(/must not decrease/);
  });
});
