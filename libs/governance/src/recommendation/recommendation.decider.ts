import type { Decider } from '../decider.js';
import { type RecommendationCommand, decideRecommendation } from './recommendation.commands.js';
import type { RecommendationEvent } from './recommendation.events.js';
import { type RecommendationState, evolveRecommendation, initialRecommendationState } from './recommendation.state.js';

export const recommendationDecider: Decider<RecommendationState, RecommendationCommand, RecommendationEvent, unknown> = {
  initialState: initialRecommendationState,
  evolve: evolveRecommendation,
  decide: decideRecommendation,
};
