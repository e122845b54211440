import { describe, expect, it } from '@jest/globals';
import { type BenefitEvent, type RaiseRecommendation, type RecommendationEvent, type RiskAppetiteEvent, benefitDecider, recommendationDecider, riskAppetiteDecider, s55ResponseDeadline, upcast } from '#governance';
import type { Principal } from '#shared-kernel';
import { contextOf, spec } from '#testing';

const on = (date: string) => new Date(`${date}T00:00:00Z`);
const chief: Principal = { personId: 'cc-dc', name: 'Chief Constable of Devon and Cornwall', role: 'chief-officer', force: 'devon-and-cornwall' };
const pcc: Principal = { personId: 'pcc-dc', name: 'PCC for Devon, Cornwall and the Isles of Scilly', role: 'policing-body', force: 'devon-and-cornwall' };
const manager: Principal = { personId: 'cm-dc', name: 'Alliance business change', role: 'collaboration-manager', force: 'devon-and-cornwall' };
const person = (p: Principal) => ({ personId: p.personId, name: p.name });

describe('risk appetite per force', () => {
  const appetite = spec(riskAppetiteDecider);
  const declared: RiskAppetiteEvent = {
    type: 'RiskAppetiteDeclared',
    data: { forceCode: 'devon-and-cornwall', remit: 'operational', category: 'partnership', level: 'open', statement: 's', by: person(chief) },
    occurredAt: on('2015-01-01'),
  };

  it('records a chief officer’s declaration under the operational remit, and a policing body’s under the strategic', () => {
    appetite.given([]).when({ kind: 'DeclareRiskAppetite', forceCode: 'devon-and-cornwall', category: 'partnership', level: 'open', statement: 's', occurredAt: on('2015-01-01') }, contextOf(chief), undefined).then([declared]);
    appetite
      .given([declared])
      .when({ kind: 'DeclareRiskAppetite', forceCode: 'devon-and-cornwall', category: 'partnership', level: 'cautious', statement: 'merger caution', occurredAt: on('2018-09-01') }, contextOf(pcc), undefined)
      .then([{ type: 'RiskAppetiteDeclared', data: { forceCode: 'devon-and-cornwall', remit: 'strategic', category: 'partnership', level: 'cautious', statement: 'merger caution', by: person(pcc) }, occurredAt: on('2018-09-01') }]);
  });

  it('revises a declared appetite, keeping the level it moved from; refuses a second declaration or a revision to the same level', () => {
    appetite
      .given([declared])
      .when({ kind: 'ReviseRiskAppetite', forceCode: 'devon-and-cornwall', category: 'partnership', level: 'cautious', statement: 's2', reason: 'merger withdrawn', occurredAt: on('2018-10-01') }, contextOf(chief), undefined)
      .then([{ type: 'RiskAppetiteRevised', data: { forceCode: 'devon-and-cornwall', remit: 'operational', category: 'partnership', from: 'open', to: 'cautious', statement: 's2', reason: 'merger withdrawn', by: person(chief) }, occurredAt: on('2018-10-01') }]);
    appetite.given([declared]).when({ kind: 'DeclareRiskAppetite', forceCode: 'devon-and-cornwall', category: 'partnership', level: 'eager', statement: 's', occurredAt: on('2016-01-01') }, contextOf(chief), undefined).thenRefuses('AppetiteAlreadyDeclared');
    appetite.given([declared]).when({ kind: 'ReviseRiskAppetite', forceCode: 'devon-and-cornwall', category: 'partnership', level: 'open', statement: 's', reason: 'r', occurredAt: on('2016-01-01') }, contextOf(chief), undefined).thenRefuses('AppetiteUnchanged');
    appetite.given([]).when({ kind: 'ReviseRiskAppetite', forceCode: 'devon-and-cornwall', category: 'people', level: 'open', statement: 's', reason: 'r', occurredAt: on('2016-01-01') }, contextOf(chief), undefined).thenRefuses('AppetiteNotDeclared');
  });
});

describe('risk appetite: a revision is dated on or after what it revises', () => {
  const appetite = spec(riskAppetiteDecider);
  const declared: RiskAppetiteEvent = {
    type: 'RiskAppetiteDeclared',
    data: { forceCode: 'devon-and-cornwall', remit: 'operational', category: 'partnership', level: 'open', statement: 's', by: person(chief) },
    occurredAt: on('2015-01-01'),
  };
  const revise = (level: 'cautious' | 'eager', date: string) => ({ kind: 'ReviseRiskAppetite' as const, forceCode: 'devon-and-cornwall', category: 'partnership' as const, level, statement: 's', reason: 'r', occurredAt: on(date) });

  it('refuses a revision dated before the declaration, naming both dates', () => {
    const refusal = appetite.given([declared]).when(revise('cautious', '2014-12-01'), contextOf(chief), undefined).thenRefuses('ActPrecedesWhatItActsOn');
    expect(refusal.details).toMatchObject({ actsOn: 'the declaration of this appetite', actsOnOccurredAt: '2015-01-01T00:00:00.000Z', actOccurredAt: '2014-12-01T00:00:00.000Z' });
  });

  it('refuses a revision dated before the earlier revision it would follow', () => {
    const revised: RiskAppetiteEvent = {
      type: 'RiskAppetiteRevised',
      data: { forceCode: 'devon-and-cornwall', remit: 'operational', category: 'partnership', from: 'open', to: 'cautious', statement: 's', reason: 'r', by: person(chief) },
      occurredAt: on('2018-10-01'),
    };
    appetite.given([declared, revised]).when(revise('eager', '2017-01-01'), contextOf(chief), undefined).thenRefuses('ActPrecedesWhatItActsOn');
    appetite.given([declared, revised]).when(revise('eager', '2018-10-01'), contextOf(chief), undefined).then([
      { type: 'RiskAppetiteRevised', data: { forceCode: 'devon-and-cornwall', remit: 'operational', category: 'partnership', from: 'cautious', to: 'eager', statement: 's', reason: 'r', by: person(chief) }, occurredAt: on('2018-10-01') },
    ]);
  });
});

describe('benefits against plan', () => {
  const benefit = spec(benefitDecider);
  const collaboration = { collaboration: { status: 'in-force', leadForce: 'devon-and-cornwall', remainingParties: ['devon-and-cornwall', 'dorset'] } };
  const identify = (shares: Array<{ party: string; percent: number }>) => ({
    kind: 'IdentifyBenefit' as const,
    benefitId: 'b-1',
    collaborationId: 'c-alliance',
    title: 'Cashable savings',
    category: 'economic' as const,
    measure: 'annualised saving',
    unit: 'GBP',
    measureKind: 'annualised-run-rate' as const,
    baseline: 0,
    target: 12_000_000,
    targetDate: '2018-03-31',
    owner: person(manager),
    sharePerForce: shares,
    occurredAt: on('2014-10-01'),
  });
  const identified: BenefitEvent = {
    type: 'BenefitIdentified',
    data: { ...(({ kind: _k, occurredAt: _o, ...p }) => p)(identify([{ party: 'devon-and-cornwall', percent: 62.5 }, { party: 'dorset', percent: 37.5 }])), leadForce: 'devon-and-cornwall' },
    occurredAt: on('2014-10-01'),
  };
  const approved: BenefitEvent = { type: 'BenefitProfileApproved', data: { approvedBy: person(chief) }, occurredAt: on('2014-11-01') };
  const measured: BenefitEvent = { type: 'BenefitMeasured', data: { period: '2016-04', value: 500_000, evidence: 'RCB' }, occurredAt: on('2016-05-05') };

  it('identifies a benefit whose shares add up to 100%, for parties only', () => {
    benefit.given([]).when(identify([{ party: 'devon-and-cornwall', percent: 62.5 }, { party: 'dorset', percent: 37.5 }]), contextOf(manager), collaboration).then([identified]);
    benefit.given([]).when(identify([{ party: 'devon-and-cornwall', percent: 60 }, { party: 'dorset', percent: 30 }]), contextOf(manager), collaboration).thenRefuses('SharesDoNotAddUp');
    benefit.given([]).when(identify([{ party: 'devon-and-cornwall', percent: 50 }, { party: 'kent', percent: 50 }]), contextOf(manager), collaboration).thenRefuses('NotAParty');
  });

  it('measures only an approved profile, one figure per month, corrections kept beside the first', () => {
    const measure = (value: number, correctionReason?: string) => ({ kind: 'RecordBenefitMeasurement' as const, benefitId: 'b-1', period: '2016-04', value, evidence: 'RCB', correctionReason, occurredAt: on('2016-05-05') });
    benefit.given([identified]).when(measure(1), contextOf(manager), {}).thenRefuses('ProfileNotApproved');
    benefit.given([identified, approved]).when(measure(500_000), contextOf(manager), {}).then([measured]);
    benefit.given([identified, approved, measured]).when(measure(520_000), contextOf(manager), {}).thenRefuses('PeriodAlreadyMeasured');
    benefit
      .given([identified, approved, measured])
      .when(measure(520_000, 'accruals'), contextOf(manager), {})
      .then([{ type: 'BenefitMeasurementCorrected', data: { period: '2016-04', value: 520_000, evidence: 'RCB', reason: 'accruals', previousValue: 500_000 }, occurredAt: on('2016-05-05') }]);
  });

  it('revises a target, keeping the original, and accepts nothing once closed', () => {
    benefit
      .given([identified, approved])
      .when({ kind: 'ReviseBenefitTarget', benefitId: 'b-1', target: 9_000_000, reason: 'merger withdrawn', occurredAt: on('2018-11-01') }, contextOf(manager), {})
      .then([{ type: 'BenefitTargetRevised', data: { from: 12_000_000, to: 9_000_000, targetDate: '2018-03-31', reason: 'merger withdrawn' }, occurredAt: on('2018-11-01') }]);
    const closed: BenefitEvent = { type: 'BenefitClosed', data: { outcome: 'partly-realised', note: 'n' }, occurredAt: on('2019-04-01') };
    benefit.given([identified, approved, closed]).when({ kind: 'RecordPostImplementationReview', benefitId: 'b-1', findings: 'f', occurredAt: on('2019-05-01') }, contextOf(manager), {}).thenRefuses('BenefitClosed');
  });
});

describe('benefits: dates that cannot lie, and realised only on measurements', () => {
  const benefit = spec(benefitDecider);
  const identified: BenefitEvent = {
    type: 'BenefitIdentified',
    data: {
      benefitId: 'b-1', collaborationId: 'c-alliance', leadForce: 'devon-and-cornwall', title: 'Cashable savings', category: 'economic', measure: 'annualised saving', unit: 'GBP',
      measureKind: 'annualised-run-rate', baseline: 0, target: 12_000_000, targetDate: '2018-03-31', owner: person(manager), sharePerForce: [{ party: 'devon-and-cornwall', percent: 100 }],
    },
    occurredAt: on('2014-10-15'),
  };
  const approved: BenefitEvent = { type: 'BenefitProfileApproved', data: { approvedBy: person(chief) }, occurredAt: on('2014-10-31') };
  const measured: BenefitEvent = { type: 'BenefitMeasured', data: { period: '2016-04', value: 500_000, evidence: 'RCB' }, occurredAt: on('2016-05-05') };
  const measure = (period: string, date: string, correctionReason?: string) => ({ kind: 'RecordBenefitMeasurement' as const, benefitId: 'b-1', period, value: 1, evidence: 'e', correctionReason, occurredAt: new Date(date) });

  it('refuses to approve a profile before the benefit was identified', () => {
    benefit.given([identified]).when({ kind: 'ApproveBenefitProfile', benefitId: 'b-1', occurredAt: on('2014-10-01') }, contextOf(chief), {}).thenRefuses('ActPrecedesWhatItActsOn');
  });

  it('measures only a period that has ended by the measurement’s date', () => {
    const refusal = benefit.given([identified, approved]).when(measure('2016-04', '2016-04-28T00:00:00Z'), contextOf(manager), {}).thenRefuses('MeasurementPeriodNotEnded');
    expect(refusal.details).toEqual({ period: '2016-04', periodEndsAt: '2016-05-01T00:00:00.000Z', occurredAt: '2016-04-28T00:00:00.000Z' });
    // The first instant after the month is the earliest a month can be measured.
    benefit.given([identified, approved]).when(measure('2016-04', '2016-05-01T00:00:00Z'), contextOf(manager), {}).then([{ type: 'BenefitMeasured', data: { period: '2016-04', value: 1, evidence: 'e' }, occurredAt: on('2016-05-01') }]);
  });

  it('measures no month before the baseline, the month the benefit was identified', () => {
    benefit.given([identified, approved]).when(measure('2014-09', '2014-11-05T00:00:00Z'), contextOf(manager), {}).thenRefuses('MeasurementBeforeBaseline');
    benefit.given([identified, approved]).when(measure('2014-10', '2014-11-05T00:00:00Z'), contextOf(manager), {}).then([{ type: 'BenefitMeasured', data: { period: '2014-10', value: 1, evidence: 'e' }, occurredAt: on('2014-11-05') }]);
  });

  it('refuses a measurement dated before the profile’s approval, and a correction dated before the figure it corrects', () => {
    const late: BenefitEvent = { type: 'BenefitProfileApproved', data: { approvedBy: person(chief) }, occurredAt: on('2015-03-01') };
    benefit.given([identified, late]).when(measure('2014-12', '2015-01-05T00:00:00Z'), contextOf(manager), {}).thenRefuses('ActPrecedesWhatItActsOn');
    benefit.given([identified, approved, measured]).when(measure('2016-04', '2016-05-04T00:00:00Z', 'late invoice'), contextOf(manager), {}).thenRefuses('ActPrecedesWhatItActsOn');
  });

  it('refuses a target revision, handover, review or closure dated before what it acts on', () => {
    benefit.given([identified, approved]).when({ kind: 'ReviseBenefitTarget', benefitId: 'b-1', target: 1, reason: 'r', occurredAt: on('2014-10-01') }, contextOf(manager), {}).thenRefuses('ActPrecedesWhatItActsOn');
    const revised: BenefitEvent = { type: 'BenefitTargetRevised', data: { from: 12_000_000, to: 9_000_000, targetDate: '2018-03-31', reason: 'r' }, occurredAt: on('2018-11-01') };
    benefit.given([identified, approved, revised]).when({ kind: 'ReviseBenefitTarget', benefitId: 'b-1', target: 8_000_000, reason: 'r', occurredAt: on('2018-10-01') }, contextOf(manager), {}).thenRefuses('ActPrecedesWhatItActsOn');
    benefit
      .given([identified, approved])
      .when({ kind: 'HandBenefitToBusinessAsUsual', benefitId: 'b-1', owner: person(manager), note: 'n', occurredAt: on('2014-10-20') }, contextOf(manager), {})
      .thenRefuses('ActPrecedesWhatItActsOn');
    benefit.given([identified, approved]).when({ kind: 'RecordPostImplementationReview', benefitId: 'b-1', findings: 'f', occurredAt: on('2014-10-01') }, contextOf(manager), {}).thenRefuses('ActPrecedesWhatItActsOn');
    benefit.given([identified, approved, measured]).when({ kind: 'CloseBenefit', benefitId: 'b-1', outcome: 'partly-realised', note: 'n', occurredAt: on('2014-10-01') }, contextOf(manager), {}).thenRefuses('ActPrecedesWhatItActsOn');
  });

  it('closes a benefit as realised only on measurements dated on or before the closure', () => {
    const close = (outcome: 'realised' | 'not-realised', date: string) => ({ kind: 'CloseBenefit' as const, benefitId: 'b-1', outcome, note: 'n', occurredAt: on(date) });
    benefit.given([identified, approved]).when(close('realised', '2019-04-01'), contextOf(manager), {}).thenRefuses('NoMeasurementsToRealise');
    benefit.given([identified, approved, measured]).when(close('realised', '2016-05-01'), contextOf(manager), {}).thenRefuses('NoMeasurementsToRealise');
    benefit.given([identified, approved, measured]).when(close('realised', '2019-04-01'), contextOf(manager), {}).then([{ type: 'BenefitClosed', data: { outcome: 'realised', note: 'n' }, occurredAt: on('2019-04-01') }]);
    benefit.given([identified, approved]).when(close('not-realised', '2019-04-01'), contextOf(manager), {}).then([{ type: 'BenefitClosed', data: { outcome: 'not-realised', note: 'n' }, occurredAt: on('2019-04-01') }]);
  });
});

describe('recommendations', () => {
  const recommendation = spec(recommendationDecider);
  const raised: RecommendationEvent = {
    type: 'RecommendationRaised',
    data: {
      recommendationId: 'r-1',
      source: 'inspection-report',
      reference: 'The Hard Yards',
      kind: 'recommendation',
      text: 'Track benefits',
      addressedTo: 'nottinghamshire',
      addresseeKind: 'force',
      collaborationId: null,
      owner: { personId: 'dcc', name: 'Deputy Chief Constable' },
      dueDate: '2021-03-31',
      raisedBy: person(manager),
      reportPublishedOn: null,
      responseDeadline: null,
    },
    occurredAt: on('2020-07-21'),
  };
  const evidence: RecommendationEvent = { type: 'EvidenceSubmitted', data: { reference: 'JASP', description: 'minutes', by: person(manager) }, occurredAt: on('2021-06-01') };
  const proposed: RecommendationEvent = { type: 'ClosureProposed', data: { note: 'done', by: person(manager) }, occurredAt: on('2021-06-02') };

  const raise = (overrides: Partial<RaiseRecommendation>): RaiseRecommendation => ({
    kind: 'RaiseRecommendation',
    recommendationId: 'r-2',
    source: 'inspection-report',
    reference: 'The Hard Yards',
    recommendationKind: 'recommendation',
    text: 'Track benefits',
    addressedTo: 'nottinghamshire',
    owner: { personId: 'dcc', name: 'Deputy Chief Constable' },
    dueDate: '2021-03-31',
    occurredAt: on('2020-07-21'),
    ...overrides,
  });

  it('refuses a recommendation about a collaboration that did not exist on its date: an id must name something', () => {
    recommendation.given([]).when(raise({ collaborationId: 'c-missing' }), contextOf(manager), {}).thenRefuses('CollaborationNotFound', 'not-found');
    recommendation.given([]).when(raise({ collaborationId: 'c-missing' }), contextOf(manager), { collaboration: { status: 'none', remainingParties: [] } }).thenRefuses('CollaborationNotFound', 'not-found');
  });

  it('addresses a recommendation about a collaboration to one of its parties', () => {
    const collaboration = { status: 'in-force', remainingParties: ['nottinghamshire', 'derbyshire'] };
    recommendation.given([]).when(raise({ collaborationId: 'c-1', addressedTo: 'kent' }), contextOf(manager), { collaboration }).thenRefuses('AddresseeNotAParty');
    recommendation
      .given([])
      .when(raise({ collaborationId: 'c-1' }), contextOf(manager), { collaboration })
      .then([{ type: 'RecommendationRaised', data: { ...raised.data, recommendationId: 'r-2', collaborationId: 'c-1' }, occurredAt: on('2020-07-21') }]);
  });

  it('keeps every slip of the due date', () => {
    recommendation
      .given([raised])
      .when({ kind: 'ReviseDueDate', recommendationId: 'r-1', dueDate: '2021-09-30', reason: 'methodology late', occurredAt: on('2021-03-01') }, contextOf(manager), {})
      .then([{ type: 'DueDateRevised', data: { from: '2021-03-31', to: '2021-09-30', reason: 'methodology late' }, occurredAt: on('2021-03-01') }]);
    recommendation.given([raised]).when({ kind: 'ReviseDueDate', recommendationId: 'r-1', dueDate: '2021-03-31', reason: 'r', occurredAt: on('2021-03-01') }, contextOf(manager), {}).thenRefuses('DueDateUnchanged');
  });

  it('proposes closure only with evidence; the scrutiny body accepts or rejects it', () => {
    recommendation.given([raised]).when({ kind: 'ProposeClosure', recommendationId: 'r-1', note: 'done', occurredAt: on('2021-06-02') }, contextOf(manager), {}).thenRefuses('NoEvidence');
    recommendation.given([raised, evidence]).when({ kind: 'ProposeClosure', recommendationId: 'r-1', note: 'done', occurredAt: on('2021-06-02') }, contextOf(manager), {}).then([proposed]);
    recommendation.given([raised, evidence]).when({ kind: 'AcceptClosure', recommendationId: 'r-1', note: 'ok', occurredAt: on('2021-06-10') }, contextOf(pcc), {}).thenRefuses('ClosureNotProposed');
    recommendation
      .given([raised, evidence, proposed])
      .when({ kind: 'RejectClosure', recommendationId: 'r-1', reason: 'bring a benefits report', occurredAt: on('2021-06-10') }, contextOf(pcc), {})
      .then([{ type: 'ClosureRejected', data: { by: person(pcc), reason: 'bring a benefits report' }, occurredAt: on('2021-06-10') }]);
    const accepted: RecommendationEvent = { type: 'ClosureAccepted', data: { by: person(pcc), note: 'ok' }, occurredAt: on('2021-06-10') };
    recommendation.given([raised, evidence, proposed, accepted]).when({ kind: 'ReportProgress', recommendationId: 'r-1', note: 'n', occurredAt: on('2021-07-01') }, contextOf(manager), {}).thenRefuses('RecommendationClosed');
  });

  it('publishes the policing body’s response once, even after closure', () => {
    const accepted: RecommendationEvent = { type: 'ClosureAccepted', data: { by: person(pcc), note: 'ok' }, occurredAt: on('2021-06-10') };
    const published: RecommendationEvent = {
      type: 'PolicingBodyResponsePublished',
      data: { response: 'The Commissioner welcomes…', by: person(pcc), chiefOfficerComments: null, deadline: null, late: false },
      occurredAt: on('2020-12-01'),
    };
    recommendation.given([raised, evidence, proposed, accepted]).when({ kind: 'PublishPolicingBodyResponse', recommendationId: 'r-1', response: 'The Commissioner welcomes…', occurredAt: on('2020-12-01') }, contextOf(pcc), {}).then([published]);
    recommendation.given([raised, published]).when({ kind: 'PublishPolicingBodyResponse', recommendationId: 'r-1', response: 'again', occurredAt: on('2020-12-02') }, contextOf(pcc), {}).thenRefuses('ResponseAlreadyPublished');
  });
});

describe('recommendations: addressees, the s55 deadline, and dates that cannot lie', () => {
  const recommendation = spec(recommendationDecider);
  const registrar: Principal = { personId: 'reg', name: 'Registrar', role: 'registrar' };
  const raise = (overrides: Partial<RaiseRecommendation>): RaiseRecommendation => ({
    kind: 'RaiseRecommendation',
    recommendationId: 'r-3',
    source: 'inspection-report',
    reference: 'The Hard Yards',
    recommendationKind: 'recommendation',
    text: 'Track benefits',
    addressedTo: 'nottinghamshire',
    owner: { personId: 'dcc', name: 'Deputy Chief Constable' },
    dueDate: '2021-03-31',
    occurredAt: on('2020-07-21'),
    ...overrides,
  });
  const raisedData = (overrides: Record<string, unknown>) => ({
    recommendationId: 'r-3',
    source: 'inspection-report' as const,
    reference: 'The Hard Yards',
    kind: 'recommendation' as const,
    text: 'Track benefits',
    addressedTo: 'nottinghamshire',
    addresseeKind: 'force' as const,
    collaborationId: null,
    owner: { personId: 'dcc', name: 'Deputy Chief Constable' },
    dueDate: '2021-03-31',
    raisedBy: person(chief),
    reportPublishedOn: '2020-07-21',
    responseDeadline: '2020-09-14',
    ...overrides,
  });
  const raisedHardYards: RecommendationEvent = { type: 'RecommendationRaised', data: raisedData({}), occurredAt: on('2020-07-21') };

  it('computes the s55(5A) deadline: 56 days beginning with the publication day (published 2020-07-21: by 2020-09-14)', () => {
    expect(s55ResponseDeadline('2020-07-21')).toBe('2020-09-14');
    expect(s55ResponseDeadline('2017-05-02')).toBe('2017-06-26');
    // Before 2 May 2017 (Policing and Crime Act 2017 s37 in force) no statutory deadline applied.
    expect(s55ResponseDeadline('2017-05-01')).toBeNull();
    recommendation.given([]).when(raise({ reportPublishedOn: '2020-07-21' }), contextOf(chief), {}).then([raisedHardYards]);
    recommendation
      .given([])
      .when(raise({ reportPublishedOn: '2016-03-01', occurredAt: on('2016-03-01') }), contextOf(chief), {})
      .then([{ type: 'RecommendationRaised', data: raisedData({ reportPublishedOn: '2016-03-01', responseDeadline: null }), occurredAt: on('2016-03-01') }]);
    // An internal audit is not an inspection report under s54: no s55 deadline.
    recommendation
      .given([])
      .when(raise({ source: 'internal-audit', reportPublishedOn: '2020-07-21' }), contextOf(chief), {})
      .then([{ type: 'RecommendationRaised', data: raisedData({ source: 'internal-audit', responseDeadline: null }), occurredAt: on('2020-07-21') }]);
  });

  it('refuses a recommendation dated before the report that made it was published', () => {
    recommendation.given([]).when(raise({ reportPublishedOn: '2020-07-22' }), contextOf(chief), {}).thenRefuses('ActPrecedesWhatItActsOn');
  });

  it('records the response with the chief officer’s comments; in time by the deadline, late after it — recorded, never refused', () => {
    const respond = (date: string) => ({ kind: 'PublishPolicingBodyResponse' as const, recommendationId: 'r-3', response: 'The Commissioner welcomes…', chiefOfficerComments: 'The Chief Constable accepts…', occurredAt: new Date(date) });
    const published = (date: string, late: boolean): RecommendationEvent => ({
      type: 'PolicingBodyResponsePublished',
      data: { response: 'The Commissioner welcomes…', by: person(pcc), chiefOfficerComments: 'The Chief Constable accepts…', deadline: '2020-09-14', late },
      occurredAt: new Date(date),
    });
    recommendation.given([raisedHardYards]).when(respond('2020-09-14T23:00:00Z'), contextOf(pcc), {}).then([published('2020-09-14T23:00:00Z', false)]);
    recommendation.given([raisedHardYards]).when(respond('2020-09-15T00:00:00Z'), contextOf(pcc), {}).then([published('2020-09-15T00:00:00Z', true)]);
    recommendation.given([raisedHardYards]).when(respond('2020-07-20T00:00:00Z'), contextOf(pcc), {}).thenRefuses('ActPrecedesWhatItActsOn');
  });

  it('addresses a recommendation to a national body, recorded by a registrar; never to one before it existed', () => {
    recommendation
      .given([])
      .when(raise({ addressedTo: 'npcc' }), contextOf(registrar), {})
      .then([{ type: 'RecommendationRaised', data: raisedData({ addressedTo: 'npcc', addresseeKind: 'national-body', raisedBy: person(registrar), reportPublishedOn: null, responseDeadline: null }), occurredAt: on('2020-07-21') }]);
    // A national body is addressed about any collaboration: it is not one of the parties.
    recommendation
      .given([])
      .when(raise({ addressedTo: 'college-of-policing', collaborationId: 'c-1', reportPublishedOn: '2020-07-21' }), contextOf(registrar), { collaboration: { status: 'in-force', remainingParties: ['nottinghamshire'] } })
      .then([
        {
          type: 'RecommendationRaised',
          data: raisedData({ addressedTo: 'college-of-policing', addresseeKind: 'national-body', collaborationId: 'c-1', raisedBy: person(registrar), responseDeadline: null }),
          occurredAt: on('2020-07-21'),
        },
      ]);
    const refusal = recommendation.given([]).when(raise({ addressedTo: 'npcc', occurredAt: on('2014-06-01') }), contextOf(registrar), {}).thenRefuses('AddresseeNotYetInExistence');
    expect(refusal.details).toEqual({ addressedTo: 'npcc', from: '2015-04-01' });
  });

  it('refuses every act on a recommendation dated before it was raised', () => {
    const before = on('2020-07-01');
    const acts = [
      { kind: 'PlanAction' as const, recommendationId: 'r-3', action: 'a', owner: person(chief), dueDate: '2021-01-31', occurredAt: before },
      { kind: 'ReportProgress' as const, recommendationId: 'r-3', note: 'n', occurredAt: before },
      { kind: 'SubmitEvidence' as const, recommendationId: 'r-3', reference: 'r', description: 'd', occurredAt: before },
      { kind: 'ReviseDueDate' as const, recommendationId: 'r-3', dueDate: '2021-09-30', reason: 'r', occurredAt: before },
    ];
    for (const act of acts) recommendation.given([raisedHardYards]).when(act, contextOf(chief), {}).thenRefuses('ActPrecedesWhatItActsOn');
  });

  it('refuses a due-date revision before the earlier one, a closure proposal before its evidence, and an acceptance or rejection before the proposal', () => {
    const revised: RecommendationEvent = { type: 'DueDateRevised', data: { from: '2021-03-31', to: '2021-09-30', reason: 'r' }, occurredAt: on('2021-03-01') };
    recommendation.given([raisedHardYards, revised]).when({ kind: 'ReviseDueDate', recommendationId: 'r-3', dueDate: '2022-03-31', reason: 'r', occurredAt: on('2021-02-01') }, contextOf(chief), {}).thenRefuses('ActPrecedesWhatItActsOn');
    const evidence: RecommendationEvent = { type: 'EvidenceSubmitted', data: { reference: 'JASP', description: 'd', by: person(chief) }, occurredAt: on('2021-06-01') };
    const refusal = recommendation.given([raisedHardYards, evidence]).when({ kind: 'ProposeClosure', recommendationId: 'r-3', note: 'n', occurredAt: on('2021-05-01') }, contextOf(chief), {}).thenRefuses('ActPrecedesWhatItActsOn');
    expect(refusal.details).toMatchObject({ actsOn: 'the evidence it rests on' });
    const proposed: RecommendationEvent = { type: 'ClosureProposed', data: { note: 'n', by: person(chief) }, occurredAt: on('2021-06-02') };
    recommendation.given([raisedHardYards, evidence, proposed]).when({ kind: 'AcceptClosure', recommendationId: 'r-3', note: 'ok', occurredAt: on('2021-06-01') }, contextOf(pcc), {}).thenRefuses('ActPrecedesWhatItActsOn');
    recommendation.given([raisedHardYards, evidence, proposed]).when({ kind: 'RejectClosure', recommendationId: 'r-3', reason: 'r', occurredAt: on('2021-06-01') }, contextOf(pcc), {}).thenRefuses('ActPrecedesWhatItActsOn');
    const rejected: RecommendationEvent = { type: 'ClosureRejected', data: { by: person(pcc), reason: 'r' }, occurredAt: on('2021-07-01') };
    recommendation.given([raisedHardYards, evidence, proposed, rejected]).when({ kind: 'ProposeClosure', recommendationId: 'r-3', note: 'n', occurredAt: on('2021-06-20') }, contextOf(chief), {}).thenRefuses('ActPrecedesWhatItActsOn');
  });

  it('reads version 1 events: addressed to a force, no report date or deadline, no chief officer’s comments, not late', () => {
    const { addresseeKind: _k, reportPublishedOn: _p, responseDeadline: _d, ...v1 } = raisedData({});
    expect(upcast({ type: 'RecommendationRaised', schemaVersion: 1, data: v1, occurredAt: on('2020-07-21') }).data).toEqual({ ...v1, addresseeKind: 'force', reportPublishedOn: null, responseDeadline: null });
    expect(upcast({ type: 'PolicingBodyResponsePublished', schemaVersion: 1, data: { response: 'r', by: person(pcc) }, occurredAt: on('2020-12-01') }).data).toEqual({
      response: 'r',
      by: person(pcc),
      chiefOfficerComments: null,
      deadline: null,
      late: false,
    });
  });
});
