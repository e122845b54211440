import { describe, it } from '@jest/globals';
import type { DecisionEvent } from '#governance';
import { decisionLogProjection } from '#read-models';
import { inStream, projectionSpec } from '#testing';

const decisionId = '11111111-2222-4333-8444-555555555555';
const collaborationId = '6f1c2a5e-3b7d-4f0e-9a1b-2c3d4e5f6a7b';
const on = (date: string) => new Date(`${date}T00:00:00Z`);
const person = (id: string) => ({ personId: id, name: id });
const proposed: DecisionEvent = {
  type: 'DecisionProposed',
  data: { decisionId, collaborationId, title: 'Range', category: 'financial', valueGbp: 900_000, rationale: 'r', optionsConsidered: ['a'], proposer: person('m'), leadForce: 'essex', basis: 'all-chief-officers', underDelegationScheme: true, requiredApprovals: [], judgedUnder: null },
  occurredAt: on('2016-05-01'),
};
const entry = {
  decisionId,
  collaborationId,
  title: 'Range',
  category: 'financial',
  valueGbp: 900_000,
  leadForce: 'essex',
  basis: 'all-chief-officers',
  status: 'open',
  proposedAt: on('2016-05-01'),
  decidedAt: null,
  daysToDecide: null,
  escalations: 0,
  escalationsRequired: 0,
  escalationsChosen: 0,
  takenUnderDelegation: false,
  urgent: false,
  ratified: false,
  approvals: [],
  rejections: [],
  eventPositions: [1],
};
const log = projectionSpec(decisionLogProjection);

describe('decision log projection: Given a decision’s events, Then its entry', () => {
  it('counts escalations, keeps approvals, and a rejection decides it with the days it took', () => {
    log
      .given(
        inStream(`decision-${decisionId}`, [
          proposed,
          { type: 'DecisionEscalated', data: { to: 'all-chief-officers', reason: 'beyond delegation', requiredApprovals: [], automatic: true }, occurredAt: on('2016-05-01') },
          { type: 'DecisionApproved', data: { party: 'essex', role: 'chief-officer', approver: person('e') }, occurredAt: on('2016-05-02') },
          { type: 'DecisionRejected', data: { party: 'kent', role: 'chief-officer', approver: person('k'), reason: 'no' }, occurredAt: on('2016-05-04') },
        ]),
      )
      .then([
        {
          ...entry,
          escalations: 1,
          escalationsRequired: 1,
          approvals: [{ party: 'essex', role: 'chief-officer', approver: person('e'), at: on('2016-05-02') }],
          rejections: [{ party: 'kent', role: 'chief-officer', approver: person('k'), reason: 'no', at: on('2016-05-04') }],
          status: 'rejected',
          decidedAt: on('2016-05-04'),
          daysToDecide: 3,
          eventPositions: [1, 2, 3, 4],
        },
      ]);
  });

  it('flags a decision taken under urgency, and ratified once every skipped approval ratifies it', () => {
    log
      .given(
        inStream(`decision-${decisionId}`, [
          proposed,
          { type: 'DecisionTakenUnderUrgency', data: { takenBy: { party: 'essex', role: 'chief-officer', person: person('e') }, justification: 'j', skippedApprovals: [] }, occurredAt: on('2016-05-02') },
          { type: 'DecisionRatified', data: { party: 'kent', role: 'chief-officer', ratifier: person('k'), complete: false }, occurredAt: on('2016-05-10') },
          { type: 'DecisionRatified', data: { party: 'suffolk', role: 'chief-officer', ratifier: person('s'), complete: true }, occurredAt: on('2016-05-11') },
        ]),
      )
      .then([{ ...entry, status: 'ratified', urgent: true, ratified: true, decidedAt: on('2016-05-02'), daysToDecide: 1, eventPositions: [1, 2, 3, 4] }]);
  });

  it('tells an escalation the scheme required from one the proposer chose (docs/indicators.md, “Decisions”)', () => {
    log
      .given(
        inStream(`decision-${decisionId}`, [
          proposed,
          { type: 'DecisionEscalated', data: { to: 'all-chief-officers', reason: 'over the limit', requiredApprovals: [], automatic: true }, occurredAt: on('2016-05-01') },
          { type: 'DecisionEscalated', data: { to: 'all-chief-officers-and-policing-bodies', reason: 'public interest', requiredApprovals: [], automatic: false }, occurredAt: on('2016-05-02') },
        ]),
      )
      .then([{ ...entry, escalations: 2, escalationsRequired: 1, escalationsChosen: 1, basis: 'all-chief-officers-and-policing-bodies', eventPositions: [1, 2, 3] }]);
  });

  it('marks a decision taken by the lead force alone as taken under delegation', () => {
    log
      .given(inStream(`decision-${decisionId}`, [proposed, { type: 'DecisionTaken', data: { basis: 'lead-force-alone', approvals: [] }, occurredAt: on('2016-05-03') }]))
      .then([{ ...entry, status: 'taken', takenUnderDelegation: true, decidedAt: on('2016-05-03'), daysToDecide: 2, eventPositions: [1, 2] }]);
  });
});
