import type { Action } from '#identity';
import type { LedgerError } from '#shared-kernel';
import { type DecisionContext, refuse } from '../../decider.js';
import type { Office, Person } from '../../office/office.events.js';
import { refuseUnlessOfficeHolder } from '../../collaboration/sign-agreement/sign-agreement.command.js';
import type { DecisionEvent } from '../decision.events.js';
import type { DecisionFacts } from '../decision.facts.js';
import { refuseIfActPrecedes, latestOf } from '../../acts-on.js';
import { type DecisionState, outstandingApprovals, refuseUnlessDecisionOpen, requiredSince, sameApprover } from '../decision.state.js';

export const APPROVE_DECISION: Action = { name: 'approve-decision', kind: 'force-act', roles: ['chief-officer', 'policing-body'] };

/** An approver the decision needs gives approval for their force; when the last one does, the decision is taken. */
export interface ApproveDecision {
  kind: 'ApproveDecision';
  decisionId: string;
  party: string;
  role: Office;
  signatory: Person;
  occurredAt: Date;
}

export function refuseUnlessRequiredApprover(state: DecisionState, command: { party: string; role: Office }): LedgerError | undefined {
  if (!state.requiredApprovals.some((r) => sameApprover(r, command))) {
    return refuse('ApprovalNotRequired', `this decision does not need the approval of the ${command.role} of ${command.party}`, {
      requiredApprovals: state.requiredApprovals,
    });
  }
  if (state.approvals.some((a) => sameApprover(a, command))) return refuse('AlreadyApproved', `the ${command.role} of ${command.party} has already approved this decision`);
  return undefined;
}

/** An approval or rejection is dated on or after what asked for it: the proposal, or the escalation that required this approver. */
export function refuseIfBeforeRequired(state: DecisionState, command: { party: string; role: Office; occurredAt: Date }, act: string): LedgerError | undefined {
  const since = requiredSince(state, command);
  return refuseIfActPrecedes(act, command.occurredAt, since.what, since.at);
}

export function approveDecision(state: DecisionState, command: ApproveDecision, context: DecisionContext<DecisionFacts>): DecisionEvent[] | LedgerError {
  const refusal = refuseUnlessDecisionOpen(state, command.decisionId) ?? refuseUnlessRequiredApprover(state, command) ??
    refuseIfBeforeRequired(state, command, 'the approval') ??
    refuseUnlessOfficeHolder(command, context.facts);
  if (refusal) return refusal;
  const { party, role, signatory } = command;
  const approved: DecisionEvent = { type: 'DecisionApproved', data: { party, role, approver: signatory }, occurredAt: command.occurredAt };
  if (outstandingApprovals(state).length > 1) return [approved];
  const approvals = [...state.approvals, { party, role, approver: signatory, approvedAt: command.occurredAt.toISOString() }];
  // Taken on the date of the latest approval, whatever order the approvals were entered in.
  const takenAt = new Date(latestOf(approvals.map((a) => a.approvedAt))!);
  return [approved, { type: 'DecisionTaken', data: { basis: state.proposal!.basis, approvals }, occurredAt: takenAt }];
}
