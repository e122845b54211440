import type { Action } from '#identity';
import type { LedgerError } from '#shared-kernel';
import { refuseIfActPrecedes } from '../../acts-on.js';
import { type DecisionContext, notFound, refuse } from '../../decider.js';
import type { Office, Person } from '../../office/office.events.js';
import { refuseUnlessOfficeHolder } from '../../collaboration/sign-agreement/sign-agreement.command.js';
import type { DecisionEvent } from '../decision.events.js';
import type { DecisionFacts } from '../decision.facts.js';
import { type DecisionState, sameApprover } from '../decision.state.js';

export const RATIFY_DECISION: Action = { name: 'ratify-decision', kind: 'force-act', roles: ['chief-officer', 'policing-body'] };

/** An approver an urgent decision skipped ratifies it; when all have, it stands ratified. */
export interface RatifyDecision {
  kind: 'RatifyDecision';
  decisionId: string;
  party: string;
  role: Office;
  signatory: Person;
  occurredAt: Date;
}

export function refuseUnlessSkippedApprover(state: DecisionState, command: { decisionId: string; party: string; role: Office }): LedgerError | undefined {
  if (state.status === 'none') return notFound('DecisionNotFound', `There is no decision ${command.decisionId}.`);
  if (state.status !== 'taken-under-urgency') return refuse('NotAwaitingRatification', `the decision is ${state.status}; only a decision taken under urgency awaits ratification`);
  if (!state.urgency!.skippedApprovals.some((s) => sameApprover(s, command))) {
    return refuse('NotASkippedApprover', `the urgent decision did not skip the ${command.role} of ${command.party}`, { skippedApprovals: state.urgency!.skippedApprovals });
  }
  return undefined;
}

/** A ratification or rescission acts on the urgent decision: dated on or after it. */
export function refuseIfBeforeUrgency(state: DecisionState, command: { occurredAt: Date }, act: string): LedgerError | undefined {
  return refuseIfActPrecedes(act, command.occurredAt, 'the decision taken under urgency', state.urgency?.at);
}

export function ratifyDecision(state: DecisionState, command: RatifyDecision, context: DecisionContext<DecisionFacts>): DecisionEvent[] | LedgerError {
  const refusal = refuseUnlessSkippedApprover(state, command) ?? refuseIfBeforeUrgency(state, command, 'the ratification');
  if (refusal) return refusal;
  if (state.ratifications.some((r) => sameApprover(r, command))) return refuse('AlreadyRatified', `the ${command.role} of ${command.party} has already ratified this decision`);
  const notHolder = refuseUnlessOfficeHolder(command, context.facts);
  if (notHolder) return notHolder;
  const complete = state.urgency!.skippedApprovals.every((s) => sameApprover(s, command) || state.ratifications.some((r) => sameApprover(r, s)));
  return [{ type: 'DecisionRatified', data: { party: command.party, role: command.role, ratifier: command.signatory, complete }, occurredAt: command.occurredAt }];
}
