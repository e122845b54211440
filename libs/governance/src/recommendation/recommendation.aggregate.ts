import { type Aggregate, noFacts } from '../aggregate.js';
import { type RecommendationCommand, recommendationDecider } from './recommendation.decider.js';
import { type RecommendationEvent, recommendationStreamId } from './recommendation.events.js';
import { type RecommendationState, refuseUnlessRaised } from './recommendation.state.js';

export const recommendationAggregate: Aggregate<RecommendationState, RecommendationCommand, RecommendationEvent, undefined> = {
  streamType: 'recommendation',
  decider: recommendationDecider,
  streamId: (command) => recommendationStreamId(command.recommendationId),
  facts: noFacts,

  // The force a recommendation is addressed to acts on it: its managers and chief officer, its policing body as scrutiny.
  target(state, command) {
    if (command.kind === 'RaiseRecommendation') return { force: command.addressedTo };
    return refuseUnlessRaised(state, command.recommendationId) ?? { force: state.raised!.addressedTo };
  },

  location: (command) => `/recommendations/${command.recommendationId}`,
};
