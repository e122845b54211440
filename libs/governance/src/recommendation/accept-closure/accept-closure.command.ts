import type { Action } from '#identity';
import type { LedgerError } from '#shared-kernel';
import { refuseIfActPrecedes } from '../../acts-on.js';
import { type DecisionContext, personOf } from '../../decider.js';
import type { RecommendationEvent } from '../recommendation.events.js';
import { type RecommendationState, closureProposedAt, refuseUnlessClosureProposed } from '../recommendation.state.js';

export const ACCEPT_CLOSURE: Action = { name: 'accept-recommendation-closure', kind: 'force-act', roles: ['policing-body', 'registrar'] };

/** The scrutiny body (the force's policing body) accepts the proposed closure. */
export interface AcceptClosure {
  kind: 'AcceptClosure';
  recommendationId: string;
  note: string;
  occurredAt: Date;
}

export function acceptClosure(state: RecommendationState, command: AcceptClosure, context: DecisionContext<unknown>): RecommendationEvent[] | LedgerError {
  const refusal = refuseUnlessClosureProposed(state, command.recommendationId) ?? refuseIfActPrecedes('the acceptance of closure', command.occurredAt, 'the closure proposal', closureProposedAt(state));
  if (refusal) return refusal;
  return [{ type: 'ClosureAccepted', data: { by: personOf(context), note: command.note }, occurredAt: command.occurredAt }];
}
