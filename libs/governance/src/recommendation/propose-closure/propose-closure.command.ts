import type { Action } from '#identity';
import type { LedgerError } from '#shared-kernel';
import { latestOf, refuseIfActPrecedes } from '../../acts-on.js';
import { type DecisionContext, personOf, refuse } from '../../decider.js';
import type { RecommendationEvent } from '../recommendation.events.js';
import { type RecommendationState, refuseUnlessRecommendationOpen } from '../recommendation.state.js';

export const PROPOSE_CLOSURE: Action = { name: 'propose-recommendation-closure', kind: 'force-act', roles: ['collaboration-manager', 'chief-officer', 'registrar'] };

/** The force proposes closing the recommendation; the scrutiny body accepts or rejects. */
export interface ProposeClosure {
  kind: 'ProposeClosure';
  recommendationId: string;
  note: string;
  occurredAt: Date;
}

export function proposeClosure(state: RecommendationState, command: ProposeClosure, context: DecisionContext<unknown>): RecommendationEvent[] | LedgerError {
  const closed = refuseUnlessRecommendationOpen(state, command.recommendationId);
  if (closed) return closed;
  if (state.status === 'closure-proposed') return refuse('ClosureAlreadyProposed', 'closure is already proposed and awaits the scrutiny body');
  if (state.evidence.length === 0) return refuse('NoEvidence', 'submit evidence before proposing closure');
  // It proposes closure on the evidence and after the recommendation's last closure step: dated on or after both.
  const earliestEvidence = state.evidence.map((e) => e.at).sort()[0];
  const lastStep = latestOf([state.raisedAt, ...state.closureHistory.map((c) => c.at)]);
  const dated =
    refuseIfActPrecedes('the closure proposal', command.occurredAt, state.closureHistory.length ? 'the last closure decision' : 'the recommendation', lastStep) ??
    refuseIfActPrecedes('the closure proposal', command.occurredAt, 'the evidence it rests on', earliestEvidence);
  if (dated) return dated;
  return [{ type: 'ClosureProposed', data: { note: command.note, by: personOf(context) }, occurredAt: command.occurredAt }];
}
