import type { Aggregate } from '../aggregate.js';
import { notFound } from '../decider.js';
import { collaborationAsAt } from '../collaboration/collaboration.aggregate.js';
import { type RecommendationFacts, addresseeKindOf } from './raise-recommendation/raise-recommendation.command.js';
import { type RecommendationCommand, recommendationDecider } from './recommendation.decider.js';
import { type RecommendationEvent, recommendationStreamId } from './recommendation.events.js';
import { type RecommendationState, refuseUnlessRaised } from './recommendation.state.js';

export const recommendationAggregate: Aggregate<RecommendationState, RecommendationCommand, RecommendationEvent, RecommendationFacts> = {
  streamType: 'recommendation',
  decider: recommendationDecider,
  streamId: (command) => recommendationStreamId(command.recommendationId),
  facts: async (store, command) =>
    command.kind === 'RaiseRecommendation' && command.collaborationId !== undefined
      ? { collaboration: await collaborationAsAt(store, command.collaborationId, command.occurredAt) }
      : {},

  // The force a recommendation is addressed to acts on it: its managers and chief officer, its policing body as scrutiny.
  // A recommendation addressed to a national body (NPCC, College of Policing, Home Office, APCC) is recorded by a registrar.
  target(state, command, facts) {
    if (command.kind === 'RaiseRecommendation') {
      if (command.collaborationId !== undefined && (!facts.collaboration || facts.collaboration.status === 'none')) {
        return notFound('CollaborationNotFound', `There is no collaboration ${command.collaborationId}.`);
      }
      return addresseeKindOf(command.addressedTo) === 'national-body' ? { nationalBody: command.addressedTo } : { force: command.addressedTo };
    }
    const missing = refuseUnlessRaised(state, command.recommendationId);
    if (missing) return missing;
    const { addressedTo, addresseeKind } = state.raised!;
    return addresseeKind === 'national-body' ? { nationalBody: addressedTo } : { force: addressedTo };
  },

  location: (command) => `/recommendations/${command.recommendationId}`,
};
