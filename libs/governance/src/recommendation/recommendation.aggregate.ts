import type { Aggregate } from '../aggregate.js';
import { notFound } from '../decider.js';
import { collaborationAsAt } from '../collaboration/collaboration.aggregate.js';
import type { RecommendationFacts } from './raise-recommendation/raise-recommendation.command.js';
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
  target(state, command, facts) {
    if (command.kind === 'RaiseRecommendation') {
      if (command.collaborationId !== undefined && (!facts.collaboration || facts.collaboration.status === 'none')) {
        return notFound('CollaborationNotFound', `There is no collaboration ${command.collaborationId}.`);
      }
      return { force: command.addressedTo };
    }
    return refuseUnlessRaised(state, command.recommendationId) ?? { force: state.raised!.addressedTo };
  },

  location: (command) => `/recommendations/${command.recommendationId}`,
};
