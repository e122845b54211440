import type { Action } from '#identity';
import type { LedgerError } from '#shared-kernel';
import { refuseIfActPrecedes } from '../../acts-on.js';
import { type DecisionContext, personOf } from '../../decider.js';
import type { RecommendationEvent } from '../recommendation.events.js';
import { type RecommendationState, refuseUnlessRecommendationOpen } from '../recommendation.state.js';

export const SUBMIT_EVIDENCE: Action = { name: 'submit-recommendation-evidence', kind: 'force-act', roles: ['collaboration-manager', 'chief-officer', 'registrar'] };

/** Evidence that the recommendation is being, or has been, met. */
export interface SubmitEvidence {
  kind: 'SubmitEvidence';
  recommendationId: string;
  reference: string;
  description: string;
  occurredAt: Date;
}

export function submitEvidence(state: RecommendationState, command: SubmitEvidence, context: DecisionContext<unknown>): RecommendationEvent[] | LedgerError {
  const closed = refuseUnlessRecommendationOpen(state, command.recommendationId) ?? refuseIfActPrecedes('the evidence', command.occurredAt, 'the recommendation', state.raisedAt);
  if (closed) return closed;
  return [{ type: 'EvidenceSubmitted', data: { reference: command.reference, description: command.description, by: personOf(context) }, occurredAt: command.occurredAt }];
}
