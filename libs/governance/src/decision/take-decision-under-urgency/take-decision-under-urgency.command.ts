import type { Action } from '#identity';
import type { LedgerError } from '#shared-kernel';
import { latestOf, refuseIfActPrecedes } from '../../acts-on.js';
import { type DecisionContext, refuse } from '../../decider.js';
import type { Office, Person } from '../../office/office.events.js';
import { refuseUnlessOfficeHolder } from '../../collaboration/sign-agreement/sign-agreement.command.js';
import type { DecisionEvent } from '../decision.events.js';
import type { DecisionFacts } from '../decision.facts.js';
import { type DecisionState, outstandingApprovals, refuseUnlessDecisionOpen, sameApprover } from '../decision.state.js';

export const TAKE_DECISION_UNDER_URGENCY: Action = { name: 'take-decision-under-urgency', kind: 'force-act', roles: ['chief-officer'] };

/** The lead force's chief officer takes the decision now, outside delegation: accepted, flagged, to be ratified. */
export interface TakeDecisionUnderUrgency {
  kind: 'TakeDecisionUnderUrgency';
  decisionId: string;
  party: string;
  role: Office;
  signatory: Person;
  justification: string;
  occurredAt: Date;
}

export function takeDecisionUnderUrgency(state: DecisionState, command: TakeDecisionUnderUrgency, context: DecisionContext<DecisionFacts>): DecisionEvent[] | LedgerError {
  const refusal = refuseUnlessDecisionOpen(state, command.decisionId);
  if (refusal) return refusal;
  const lead = state.proposal!.leadForce;
  if (command.role !== 'chief-officer' || command.party !== lead) {
    return refuse('OnlyLeadChiefOfficerActsUrgently', `only the chief officer of the lead force (${lead}) may take a decision under urgency`);
  }
  // It skips the approvals outstanding on its date: dated on or after the proposal, every escalation and every approval on record.
  const record = latestOf([state.proposedAt, ...state.escalations.map((e) => e.at), ...state.approvals.map((a) => a.approvedAt)]);
  const dated = refuseIfActPrecedes('the decision under urgency', command.occurredAt, record === state.proposedAt ? 'the proposal' : 'the latest approval or escalation on record', record);
  if (dated) return dated;
  const notHolder = refuseUnlessOfficeHolder(command, context.facts);
  if (notHolder) return notHolder;
  const taker = { party: command.party, role: command.role };
  const skippedApprovals = outstandingApprovals(state).filter((r) => !sameApprover(r, taker));
  if (skippedApprovals.length === 0) return refuse('NoUrgencyNeeded', 'no approval would be skipped: approve the decision instead');
  return [
    {
      type: 'DecisionTakenUnderUrgency',
      data: { takenBy: { ...taker, person: command.signatory }, justification: command.justification, skippedApprovals },
      occurredAt: command.occurredAt,
    },
  ];
}
