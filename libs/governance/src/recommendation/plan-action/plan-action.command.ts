import type { Action } from '#identity';
import type { LedgerError } from '#shared-kernel';
import { type DecisionContext } from '../../decider.js';
import type { Person } from '../../office/office.events.js';
import type { RecommendationEvent } from '../recommendation.events.js';
import { type RecommendationState, refuseUnlessRecommendationOpen } from '../recommendation.state.js';

export const PLAN_ACTION: Action = { name: 'plan-recommendation-action', kind: 'force-act', roles: ['collaboration-manager', 'chief-officer'] };

/** An action planned against the recommendation, with its owner and due date. */
export interface PlanAction {
  kind: 'PlanAction';
  recommendationId: string;
  action: string;
  owner: Person;
  dueDate: string;
  occurredAt: Date;
}

export function planAction(state: RecommendationState, command: PlanAction, _context: DecisionContext<unknown>): RecommendationEvent[] | LedgerError {
  const closed = refuseUnlessRecommendationOpen(state, command.recommendationId);
  if (closed) return closed;
  return [{ type: 'ActionPlanned', data: { action: command.action, owner: command.owner, dueDate: command.dueDate }, occurredAt: command.occurredAt }];
}
