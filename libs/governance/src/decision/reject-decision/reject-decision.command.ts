import type { Action } from '#identity';
import type { LedgerError } from '#shared-kernel';
import type { DecisionContext } from '../../decider.js';
import type { Office, Person } from '../../office/office.events.js';
import { refuseUnlessOfficeHolder } from '../../collaboration/sign-agreement/sign-agreement.command.js';
import { refuseIfBeforeRequired, refuseUnlessRequiredApprover } from '../approve-decision/approve-decision.command.js';
import type { DecisionEvent } from '../decision.events.js';
import type { DecisionFacts } from '../decision.facts.js';
import { type DecisionState, refuseUnlessDecisionOpen } from '../decision.state.js';

export const REJECT_DECISION: Action = { name: 'reject-decision', kind: 'force-act', roles: ['chief-officer', 'policing-body'] };

/** A required approver refuses: the decision is not taken. */
export interface RejectDecision {
  kind: 'RejectDecision';
  decisionId: string;
  party: string;
  role: Office;
  signatory: Person;
  reason: string;
  occurredAt: Date;
}

export function rejectDecision(state: DecisionState, command: RejectDecision, context: DecisionContext<DecisionFacts>): DecisionEvent[] | LedgerError {
  const refusal = refuseUnlessDecisionOpen(state, command.decisionId) ?? refuseUnlessRequiredApprover(state, command) ??
    refuseIfBeforeRequired(state, command, 'the rejection') ??
    refuseUnlessOfficeHolder(command, context.facts);
  if (refusal) return refusal;
  return [{ type: 'DecisionRejected', data: { party: command.party, role: command.role, approver: command.signatory, reason: command.reason }, occurredAt: command.occurredAt }];
}
