import type { Action } from '#identity';
import type { LedgerError } from '#shared-kernel';
import { type DecisionContext, personOf, refuse } from '../../decider.js';
import type { RecommendationEvent } from '../recommendation.events.js';
import { type RecommendationState, refuseUnlessRaised } from '../recommendation.state.js';

export const PUBLISH_POLICING_BODY_RESPONSE: Action = { name: 'publish-policing-body-response', kind: 'force-act', roles: ['policing-body'] };

/** The policing body's published response to the report; it may follow closure. */
export interface PublishPolicingBodyResponse {
  kind: 'PublishPolicingBodyResponse';
  recommendationId: string;
  response: string;
  occurredAt: Date;
}

export function publishPolicingBodyResponse(state: RecommendationState, command: PublishPolicingBodyResponse, context: DecisionContext<unknown>): RecommendationEvent[] | LedgerError {
  const missing = refuseUnlessRaised(state, command.recommendationId);
  if (missing) return missing;
  if (state.policingBodyResponse) return refuse('ResponseAlreadyPublished', `the policing body's response was published on ${state.policingBodyResponse.at.slice(0, 10)}`);
  return [{ type: 'PolicingBodyResponsePublished', data: { response: command.response, by: personOf(context) }, occurredAt: command.occurredAt }];
}
