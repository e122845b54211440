import { LedgerError } from '#shared-kernel';
import { notFound, refuse } from '../decider.js';
import type { Person } from '../office/office.events.js';
import type { Approver, DecisionEvent, DecisionProposed } from './decision.events.js';

export type DecisionStatus = 'none' | 'open' | 'taken' | 'rejected' | 'taken-under-urgency' | 'ratified' | 'rescinded';

export interface DecisionState {
  status: DecisionStatus;
  proposal?: DecisionProposed['data'];
  proposedAt?: string;
  requiredApprovals: Approver[];
  approvals: Array<Approver & { approver: Person; approvedAt: string }>;
  rejections: Array<Approver & { approver: Person; reason: string; rejectedAt: string }>;
  escalations: Array<{ to: string; reason: string; automatic: boolean; requiredApprovals: Approver[]; at: string }>;
  urgency: { takenBy: Approver & { person: Person }; justification: string; skippedApprovals: Approver[]; at: string } | null;
  ratifications: Array<Approver & { ratifier: Person; at: string }>;
  decidedAt: string | null;
}

export const initialDecisionState: DecisionState = {
  status: 'none',
  requiredApprovals: [],
  approvals: [],
  rejections: [],
  escalations: [],
  urgency: null,
  ratifications: [],
  decidedAt: null,
};

export const sameApprover = (a: Approver, b: Approver) => a.party === b.party && a.role === b.role;

export function evolveDecision(state: DecisionState, event: DecisionEvent): DecisionState {
  const at = event.occurredAt.toISOString();
  switch (event.type) {
    case 'DecisionProposed':
      return { ...state, status: 'open', proposal: event.data, proposedAt: at, requiredApprovals: event.data.requiredApprovals };
    case 'DecisionApproved':
      return { ...state, approvals: [...state.approvals, { party: event.data.party, role: event.data.role, approver: event.data.approver, approvedAt: at }] };
    case 'DecisionRejected':
      return {
        ...state,
        status: 'rejected',
        decidedAt: at,
        rejections: [...state.rejections, { party: event.data.party, role: event.data.role, approver: event.data.approver, reason: event.data.reason, rejectedAt: at }],
      };
    case 'DecisionTaken':
      return { ...state, status: 'taken', decidedAt: at };
    case 'DecisionEscalated':
      return {
        ...state,
        requiredApprovals: event.data.requiredApprovals,
        escalations: [...state.escalations, { to: event.data.to, reason: event.data.reason, automatic: event.data.automatic, requiredApprovals: event.data.requiredApprovals, at }],
      };
    case 'DecisionTakenUnderUrgency':
      return { ...state, status: 'taken-under-urgency', decidedAt: at, urgency: { ...event.data, at } };
    case 'DecisionRatified':
      return {
        ...state,
        status: event.data.complete ? 'ratified' : state.status,
        ratifications: [...state.ratifications, { party: event.data.party, role: event.data.role, ratifier: event.data.ratifier, at }],
      };
    case 'DecisionRescinded':
      return { ...state, status: 'rescinded' };
    default:
      return state;
  }
}

export const outstandingApprovals = (state: DecisionState) => state.requiredApprovals.filter((r) => !state.approvals.some((a) => sameApprover(a, r)));

/**
 * Since when an approver's act was needed: the proposal, if it required them from the start, or
 * the escalation that first required them. Their approval or rejection acts on that.
 */
export function requiredSince(state: DecisionState, approver: Approver): { what: string; at: string | undefined } {
  if (state.proposal?.requiredApprovals.some((r) => sameApprover(r, approver))) return { what: 'the proposal', at: state.proposedAt };
  const escalation = state.escalations.find((e) => e.requiredApprovals.some((r) => sameApprover(r, approver)));
  return escalation ? { what: 'the escalation that required it', at: escalation.at } : { what: 'the proposal', at: state.proposedAt };
}

export const refuseUnlessDecisionExists = (state: DecisionState, decisionId: string): LedgerError | undefined =>
  state.status === 'none' ? notFound('DecisionNotFound', `There is no decision ${decisionId}.`) : undefined;

export function refuseUnlessDecisionOpen(state: DecisionState, decisionId: string): LedgerError | undefined {
  const missing = refuseUnlessDecisionExists(state, decisionId);
  if (missing) return missing;
  if (state.status !== 'open') return refuse('DecisionNotOpen', `the decision is ${state.status}, no longer open`, { status: state.status });
  return undefined;
}
