import type { Action } from '#identity';
import type { LedgerError } from '#shared-kernel';
import { latestOf, refuseIfActPrecedes } from '../../acts-on.js';
import { type DecisionContext, refuse } from '../../decider.js';
import type { RecommendationEvent } from '../recommendation.events.js';
import { type RecommendationState, refuseUnlessRecommendationOpen } from '../recommendation.state.js';

export const REVISE_DUE_DATE: Action = { name: 'revise-recommendation-due-date', kind: 'force-act', roles: ['collaboration-manager', 'chief-officer', 'registrar'] };

/** The due date moves; a later date is a slip, and every slip is kept. */
export interface ReviseDueDate {
  kind: 'ReviseDueDate';
  recommendationId: string;
  dueDate: string;
  reason: string;
  occurredAt: Date;
}

export function reviseDueDate(state: RecommendationState, command: ReviseDueDate, _context: DecisionContext<unknown>): RecommendationEvent[] | LedgerError {
  const closed = refuseUnlessRecommendationOpen(state, command.recommendationId);
  if (closed) return closed;
  // It moves the due date as it then stood: dated on or after the recommendation and any earlier revision.
  const revisedBefore = state.dueDateRevisions.length > 0;
  const dated = refuseIfActPrecedes('the due-date revision', command.occurredAt, revisedBefore ? 'the earlier due-date revision' : 'the recommendation', latestOf([state.raisedAt, ...state.dueDateRevisions.map((r) => r.at)]));
  if (dated) return dated;
  if (command.dueDate === state.dueDate) return refuse('DueDateUnchanged', `the due date is already ${state.dueDate}`);
  return [{ type: 'DueDateRevised', data: { from: state.dueDate!, to: command.dueDate, reason: command.reason }, occurredAt: command.occurredAt }];
}
