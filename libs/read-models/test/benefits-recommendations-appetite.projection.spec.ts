import { describe, it } from '@jest/globals';
import type { BenefitEvent, RecommendationEvent, RiskAppetiteEvent } from '#governance';
import { benefitsProjection, recommendationsProjection, riskAppetiteProjection } from '#read-models';
import { inStream, projectionSpec } from '#testing';

const on = (date: string) => new Date(`${date}T00:00:00Z`);
const person = { personId: 'p', name: 'P' };
const collaborationId = '6f1c2a5e-3b7d-4f0e-9a1b-2c3d4e5f6a7b';

describe('benefits projection: Given a benefit’s events, Then it against plan', () => {
  const benefitId = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
  const identified: BenefitEvent = {
    type: 'BenefitIdentified',
    data: { benefitId, collaborationId, leadForce: 'dorset', title: 'Savings', category: 'economic', measure: 'saving', unit: 'GBP', measureKind: 'annualised-run-rate', baseline: 0, target: 12, targetDate: '2018-03-31', owner: person, sharePerForce: [] },
    occurredAt: on('2014-10-15'),
  };
  it('keeps the original target beside the revised one, and a corrected month’s latest figure', () => {
    projectionSpec(benefitsProjection)
      .given(
        inStream(`benefit-${benefitId}`, [
          identified,
          { type: 'BenefitProfileApproved', data: { approvedBy: person }, occurredAt: on('2014-10-31') },
          { type: 'BenefitMeasured', data: { period: '2016-04', value: 5, evidence: 'e' }, occurredAt: on('2016-05-05') },
          { type: 'BenefitMeasurementCorrected', data: { period: '2016-04', value: 6, evidence: 'e', reason: 'accruals', previousValue: 5 }, occurredAt: on('2016-05-20') },
          { type: 'BenefitTargetRevised', data: { from: 12, to: 9, targetDate: '2019-03-31', reason: 'r' }, occurredAt: on('2017-01-01') },
        ]),
      )
      .then([
        {
          benefitId,
          collaborationId,
          title: 'Savings',
          category: 'economic',
          unit: 'GBP',
          measureKind: 'annualised-run-rate',
          baseline: 0,
          sharePerForce: [],
          originalTarget: 12,
          target: 9,
          targetDate: '2019-03-31',
          status: 'approved',
          outcome: null,
          measurements: { '2016-04': 6 },
          corrections: 1,
          targetRevisions: 1,
          eventPositions: [1, 2, 3, 4, 5],
        },
      ]);
  });
});

describe('recommendations projection: Given a recommendation’s events, Then its track', () => {
  const recommendationId = 'bbbbbbbb-cccc-4ddd-8eee-ffffffffffff';
  const raised: RecommendationEvent = {
    type: 'RecommendationRaised',
    data: { recommendationId, source: 'inspection-report', reference: 'The Hard Yards', kind: 'recommendation', text: 't', addressedTo: 'nottinghamshire', addresseeKind: 'force', collaborationId: null, owner: person, dueDate: '2020-09-15', raisedBy: person, reportPublishedOn: '2020-07-21', responseDeadline: '2020-09-14' },
    occurredAt: on('2020-07-21'),
  };
  it('counts a later due date as a slip and an earlier one not, and closes with evidence', () => {
    projectionSpec(recommendationsProjection)
      .given(
        inStream(`recommendation-${recommendationId}`, [
          raised,
          { type: 'DueDateRevised', data: { from: '2020-09-15', to: '2021-03-31', reason: 'r' }, occurredAt: on('2020-09-10') },
          { type: 'DueDateRevised', data: { from: '2021-03-31', to: '2021-01-31', reason: 'sooner' }, occurredAt: on('2020-10-01') },
          { type: 'EvidenceSubmitted', data: { reference: 'JASP', description: 'd', by: person }, occurredAt: on('2021-01-10') },
          { type: 'ClosureProposed', data: { note: 'n', by: person }, occurredAt: on('2021-01-11') },
          { type: 'ClosureAccepted', data: { note: 'n', by: person }, occurredAt: on('2021-01-20') },
          { type: 'PolicingBodyResponsePublished', data: { response: 'r', by: person, chiefOfficerComments: 'c', deadline: '2020-09-14', late: true }, occurredAt: on('2020-12-01') },
        ]),
      )
      .then([
        {
          recommendationId,
          addressedTo: 'nottinghamshire',
          collaborationId: null,
          kind: 'recommendation',
          source: 'inspection-report',
          reference: 'The Hard Yards',
          text: 't',
          originalDueDate: '2020-09-15',
          dueDate: '2021-01-31',
          slips: 1,
          slipEvents: [{ at: on('2020-09-10').toISOString(), from: '2020-09-15', to: '2021-03-31', position: 2 }],
          evidenceItems: 1,
          status: 'closed',
          closedAt: on('2021-01-20'),
          addresseeKind: 'force',
          reportPublishedOn: '2020-07-21',
          responseDeadline: '2020-09-14',
          responsePublishedAt: on('2020-12-01'),
          responseLate: true,
          eventPositions: [1, 2, 3, 4, 5, 6, 7],
        },
      ]);
  });
});

describe('risk appetite projection: Given declarations and revisions, Then periods', () => {
  it('ends the period a revision revises and begins the next; other categories stand', () => {
    const events: RiskAppetiteEvent[] = [
      { type: 'RiskAppetiteDeclared', data: { forceCode: 'dorset', remit: 'operational', category: 'financial', level: 'cautious', statement: 's', by: person }, occurredAt: on('2016-01-01') },
      { type: 'RiskAppetiteDeclared', data: { forceCode: 'dorset', remit: 'operational', category: 'people', level: 'open', statement: 's', by: person }, occurredAt: on('2016-01-02') },
      { type: 'RiskAppetiteRevised', data: { forceCode: 'dorset', remit: 'operational', category: 'financial', from: 'cautious', to: 'open', statement: 's', reason: 'r', by: person }, occurredAt: on('2017-01-01') },
    ];
    projectionSpec(riskAppetiteProjection)
      .given(inStream('risk-appetite-dorset', events))
      .then([
        { eventPosition: 1, forceCode: 'dorset', remit: 'operational', category: 'financial', level: 'cautious', heldFrom: on('2016-01-01'), heldTo: on('2017-01-01') },
        { eventPosition: 2, forceCode: 'dorset', remit: 'operational', category: 'people', level: 'open', heldFrom: on('2016-01-02'), heldTo: null },
        { eventPosition: 3, forceCode: 'dorset', remit: 'operational', category: 'financial', level: 'open', heldFrom: on('2017-01-01'), heldTo: null },
      ]);
  });
});
