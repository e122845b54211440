import type { Action } from '#identity';
import type { LedgerError } from '#shared-kernel';
import { type DecisionContext, notFound, personOf, refuse } from '../../decider.js';
import type { Person } from '../../office/office.events.js';
import type { RecommendationEvent, RecommendationKind, RecommendationSource } from '../recommendation.events.js';
import { type RecommendationState } from '../recommendation.state.js';

export const RAISE_RECOMMENDATION: Action = { name: 'raise-recommendation', kind: 'force-act', roles: ['collaboration-manager', 'chief-officer', 'policing-body'] };

/** The collaboration a recommendation names, as it stood on the recommendation's date: read by the command runner. */
export interface RecommendationFacts {
  collaboration?: { status: string; remainingParties: string[] };
}

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

export function raiseRecommendation(state: RecommendationState, command: RaiseRecommendation, context: DecisionContext<RecommendationFacts>): RecommendationEvent[] | LedgerError {
  if (state.status !== 'none') return refuse('RecommendationAlreadyRaised', `recommendation ${command.recommendationId} already exists`);
  if (command.collaborationId !== undefined) {
    // An id must name something: a recommendation about a collaboration that did not exist on its date is refused.
    const collaboration = context.facts.collaboration;
    if (!collaboration || collaboration.status === 'none') return notFound('CollaborationNotFound', `There is no collaboration ${command.collaborationId} on ${command.occurredAt.toISOString().slice(0, 10)}.`);
    if (!collaboration.remainingParties.includes(command.addressedTo)) {
      return refuse('AddresseeNotAParty', `${command.addressedTo} is not a party to collaboration ${command.collaborationId}: a recommendation about it is addressed to one of its parties`);
    }
  }
  const { recommendationId, source, reference, recommendationKind, text, addressedTo, collaborationId, owner, dueDate } = command;
  return [
    {
      type: 'RecommendationRaised',
      data: { recommendationId, source, reference, kind: recommendationKind, text, addressedTo, collaborationId: collaborationId ?? null, owner, dueDate, raisedBy: personOf(context) },
      occurredAt: command.occurredAt,
    },
  ];
}
