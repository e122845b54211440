import type { Action } from '#identity';
import type { LedgerError } from '#shared-kernel';
import type { DecisionContext } from '../../decider.js';
import type { Office, Person } from '../../office/office.events.js';
import { refuseUnlessOfficeHolder } from '../../collaboration/sign-agreement/sign-agreement.command.js';
import type { DecisionEvent } from '../decision.events.js';
import type { DecisionFacts } from '../decision.facts.js';
import type { DecisionState } from '../decision.state.js';
import { refuseIfBeforeUrgency, refuseUnlessSkippedApprover } from '../ratify-decision/ratify-decision.command.js';

export const RESCIND_DECISION: Action = { name: 'rescind-decision', kind: 'force-act', roles: ['chief-officer', 'policing-body'] };

/** An approver an urgent decision skipped refuses to ratify it: the decision is rescinded. */
export interface RescindDecision {
  kind: 'RescindDecision';
  decisionId: string;
  party: string;
  role: Office;
  signatory: Person;
  reason: string;
  occurredAt: Date;
}

export function rescindDecision(state: DecisionState, command: RescindDecision, context: DecisionContext<DecisionFacts>): DecisionEvent[] | LedgerError {
  const refusal = refuseUnlessSkippedApprover(state, command) ?? refuseIfBeforeUrgency(state, command, 'the rescission') ?? refuseUnlessOfficeHolder(command, context.facts);
  if (refusal) return refusal;
  return [{ type: 'DecisionRescinded', data: { by: command.signatory, reason: command.reason }, occurredAt: command.occurredAt }];
}
