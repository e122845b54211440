import type { Action } from '#identity';
import type { LedgerError } from '#shared-kernel';
import { refuseIfActPrecedes } from '../../acts-on.js';
import { type DecisionContext, day, personOf, refuse } from '../../decider.js';
import type { RecommendationEvent } from '../recommendation.events.js';
import { type RecommendationState, refuseUnlessRaised } from '../recommendation.state.js';

export const PUBLISH_POLICING_BODY_RESPONSE: Action = { name: 'publish-policing-body-response', kind: 'force-act', roles: ['policing-body'] };

/**
 * The local policing body's published response to the report, with the chief officer's comments
 * (Police Act 1996 s55(4)–(5A)); it may follow closure. Published after the s55(5A) deadline, it is
 * recorded and marked late, never refused: late responses happen, and the record must show them.
 */
export interface PublishPolicingBodyResponse {
  kind: 'PublishPolicingBodyResponse';
  recommendationId: string;
  response: string;
  /** The chief officer's comments, published with the response (s55(5)). */
  chiefOfficerComments?: string;
  occurredAt: Date;
}

export function publishPolicingBodyResponse(state: RecommendationState, command: PublishPolicingBodyResponse, context: DecisionContext<unknown>): RecommendationEvent[] | LedgerError {
  const missing = refuseUnlessRaised(state, command.recommendationId);
  if (missing) return missing;
  if (state.policingBodyResponse) return refuse('ResponseAlreadyPublished', `the policing body's response was published on ${state.policingBodyResponse.at.slice(0, 10)}`);
  const dated = refuseIfActPrecedes('the response', command.occurredAt, 'the recommendation', state.raisedAt);
  if (dated) return dated;
  const deadline = state.raised!.responseDeadline;
  return [
    {
      type: 'PolicingBodyResponsePublished',
      data: { response: command.response, by: personOf(context), chiefOfficerComments: command.chiefOfficerComments ?? null, deadline, late: deadline !== null && day(command.occurredAt) > deadline },
      occurredAt: command.occurredAt,
    },
  ];
}
