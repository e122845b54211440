import type { Action } from '#identity';
import type { LedgerError } from '#shared-kernel';
import { type DecisionContext, notFound, refuse } from '../../decider.js';
import type { DecisionCategory } from '../../risk.js';
import type { ApprovalBasis, DecisionEvent } from '../decision.events.js';
import { type DecisionFacts, approversFor } from '../decision.facts.js';
import type { DecisionState } from '../decision.state.js';

export const PROPOSE_DECISION: Action = { name: 'propose-decision', kind: 'collaboration-work', roles: ['collaboration-manager'] };

/** A collaboration manager of the lead force proposes a decision; who must approve follows from the delegation scheme then in force. */
export interface ProposeDecision {
  kind: 'ProposeDecision';
  decisionId: string;
  collaborationId: string;
  title: string;
  category: DecisionCategory;
  valueGbp: number;
  rationale: string;
  optionsConsidered: string[];
  occurredAt: Date;
}

export function proposeDecision(state: DecisionState, command: ProposeDecision, context: DecisionContext<DecisionFacts>): DecisionEvent[] | LedgerError {
  if (state.status !== 'none') return refuse('DecisionAlreadyProposed', `decision ${command.decisionId} already exists`);
  const collaboration = context.facts.collaboration;
  if (!collaboration || collaboration.status === 'none') {
    return notFound('CollaborationNotFound', `There is no collaboration ${command.collaborationId} on ${command.occurredAt.toISOString().slice(0, 10)}.`);
  }
  if (collaboration.status === 'terminated') return refuse('CollaborationTerminated', 'the collaboration has been terminated: it takes no more decisions');
  // A decision's record says what was weighed, so that a later reader can judge it.
  if (command.optionsConsidered.length === 0) return refuse('NoOptionsConsidered', 'a decision records the options that were weighed: name at least one');
  const { rule, leadForce, remainingParties } = collaboration;
  const basis: ApprovalBasis = !rule ? 'all-chief-officers' : command.valueGbp <= rule.leadForceAloneUpToGbp ? 'lead-force-alone' : rule.aboveLimit;
  const requiredApprovals = approversFor(basis, leadForce, remainingParties);
  const proposed: DecisionEvent = {
    type: 'DecisionProposed',
    data: {
      decisionId: command.decisionId,
      collaborationId: command.collaborationId,
      title: command.title,
      category: command.category,
      valueGbp: command.valueGbp,
      rationale: command.rationale,
      optionsConsidered: command.optionsConsidered,
      proposer: { personId: context.principal.personId, name: context.principal.name },
      leadForce,
      basis,
      underDelegationScheme: rule !== null,
      requiredApprovals,
      // The scheme in force on the decision's date judged it: recorded, so that a reader sees which.
      judgedUnder: { asAt: command.occurredAt.toISOString(), rule, inForceSince: collaboration.ruleInForceSince ?? null },
    },
    occurredAt: command.occurredAt,
  };
  if (basis === 'lead-force-alone') return [proposed];
  // Beyond what the lead force may decide alone: escalated by rule, and the ledger says why.
  const reason = rule
    ? `£${command.valueGbp} exceeds the £${rule.leadForceAloneUpToGbp} the lead force may decide alone on ${command.category} matters`
    : `no delegation scheme covers ${command.category} decisions`;
  return [proposed, { type: 'DecisionEscalated', data: { to: basis, reason, requiredApprovals, automatic: true }, occurredAt: command.occurredAt }];
}
