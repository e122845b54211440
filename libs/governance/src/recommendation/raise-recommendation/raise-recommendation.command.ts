import type { Action } from '#identity';
import type { LedgerError } from '#shared-kernel';
import { type DecisionContext, personOf, refuse } from '../../decider.js';
import type { Person } from '../../office/office.events.js';
import type { RecommendationEvent, RecommendationKind, RecommendationSource } from '../recommendation.events.js';
import { type RecommendationState } from '../recommendation.state.js';

export const RAISE_RECOMMENDATION: Action = { name: 'raise-recommendation', kind: 'force-act', roles: ['collaboration-manager', 'chief-officer', 'policing-body'] };

/** A recommendation, area for improvement or cause of concern, recorded against the force it is addressed to. */
export interface RaiseRecommendation {
  kind: 'RaiseRecommendation';
  recommendationId: string;
  source: RecommendationSource;
  reference: string;
  recommendationKind: RecommendationKind;
  text: string;
  addressedTo: string;
  collaborationId?: string;
  owner: Person;
  dueDate: string;
  occurredAt: Date;
}

export function raiseRecommendation(state: RecommendationState, command: RaiseRecommendation, context: DecisionContext<unknown>): RecommendationEvent[] | LedgerError {
  if (state.status !== 'none') return refuse('RecommendationAlreadyRaised', `recommendation ${command.recommendationId} already exists`);
  const { recommendationId, source, reference, recommendationKind, text, addressedTo, collaborationId, owner, dueDate } = command;
  return [
    {
      type: 'RecommendationRaised',
      data: { recommendationId, source, reference, kind: recommendationKind, text, addressedTo, collaborationId: collaborationId ?? null, owner, dueDate, raisedBy: personOf(context) },
      occurredAt: command.occurredAt,
    },
  ];
}
