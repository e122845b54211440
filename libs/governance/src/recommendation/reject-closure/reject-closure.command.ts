import type { Action } from '#identity';
import type { LedgerError } from '#shared-kernel';
import { refuseIfActPrecedes } from '../../acts-on.js';
import { type DecisionContext, personOf } from '../../decider.js';
import type { RecommendationEvent } from '../recommendation.events.js';
import { type RecommendationState, closureProposedAt, refuseUnlessClosureProposed } from '../recommendation.state.js';

export const REJECT_CLOSURE: Action = { name: 'reject-recommendation-closure', kind: 'force-act', roles: ['policing-body', 'registrar'] };

/** The scrutiny body rejects the proposed closure, with the reason: the recommendation is open again. */
export interface RejectClosure {
  kind: 'RejectClosure';
  recommendationId: string;
  reason: string;
  occurredAt: Date;
}

export function rejectClosure(state: RecommendationState, command: RejectClosure, context: DecisionContext<unknown>): RecommendationEvent[] | LedgerError {
  const refusal = refuseUnlessClosureProposed(state, command.recommendationId) ?? refuseIfActPrecedes('the rejection of closure', command.occurredAt, 'the closure proposal', closureProposedAt(state));
  if (refusal) return refusal;
  return [{ type: 'ClosureRejected', data: { by: personOf(context), reason: command.reason }, occurredAt: command.occurredAt }];
}
