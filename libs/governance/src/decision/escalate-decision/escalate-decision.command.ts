import type { Action } from '#identity';
import type { LedgerError } from '#shared-kernel';
import { latestOf, refuseIfActPrecedes } from '../../acts-on.js';
import { type DecisionContext, refuse } from '../../decider.js';
import type { ApprovalBasis, DecisionEvent } from '../decision.events.js';
import { type DecisionFacts, approversFor } from '../decision.facts.js';
import { type DecisionState, refuseUnlessDecisionOpen } from '../decision.state.js';

export const ESCALATE_DECISION: Action = { name: 'escalate-decision', kind: 'collaboration-work', roles: ['collaboration-manager'] };

/** The proposer asks for a wider decision: every chief officer, or their policing bodies too. Approvals given so far stand. */
export interface EscalateDecision {
  kind: 'EscalateDecision';
  decisionId: string;
  to: Exclude<ApprovalBasis, 'lead-force-alone'>;
  reason: string;
  occurredAt: Date;
}

const WIDTH: Record<ApprovalBasis, number> = { 'lead-force-alone': 0, 'all-chief-officers': 1, 'all-chief-officers-and-policing-bodies': 2 };

export function escalateDecision(state: DecisionState, command: EscalateDecision, context: DecisionContext<DecisionFacts>): DecisionEvent[] | LedgerError {
  const refusal = refuseUnlessDecisionOpen(state, command.decisionId);
  if (refusal) return refusal;
  const current = state.escalations.length ? (state.escalations.at(-1)!.to as ApprovalBasis) : state.proposal!.basis;
  // It widens what the decision needs as it then stood: dated on or after the proposal and any earlier escalation.
  const earlier = state.escalations.length ? 'the earlier escalation' : 'the proposal';
  const dated = refuseIfActPrecedes('the escalation', command.occurredAt, earlier, latestOf([state.proposedAt, ...state.escalations.map((e) => e.at)]));
  if (dated) return dated;
  if (WIDTH[command.to] <= WIDTH[current]) return refuse('NotAnEscalation', `the decision already needs ${current}; escalate only to a wider set of approvers`);
  const parties = context.facts.collaboration?.remainingParties ?? [];
  const requiredApprovals = approversFor(command.to, state.proposal!.leadForce, parties);
  return [{ type: 'DecisionEscalated', data: { to: command.to, reason: command.reason, requiredApprovals, automatic: false }, occurredAt: command.occurredAt }];
}
