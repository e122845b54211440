import type { Action } from '#identity';
import type { LedgerError } from '#shared-kernel';
import { refuseIfActPrecedes } from '../../acts-on.js';
import { type DecisionContext } from '../../decider.js';
import type { Person } from '../../office/office.events.js';
import type { RecommendationEvent } from '../recommendation.events.js';
import { type RecommendationState, refuseUnlessRecommendationOpen } from '../recommendation.state.js';

export const PLAN_ACTION: Action = { name: 'plan-recommendation-action', kind: 'force-act', roles: ['collaboration-manager', 'chief-officer', 'registrar'] };

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
  const closed = refuseUnlessRecommendationOpen(state, command.recommendationId) ?? refuseIfActPrecedes('the planned action', command.occurredAt, 'the recommendation', state.raisedAt);
  if (closed) return closed;
  return [{ type: 'ActionPlanned', data: { action: command.action, owner: command.owner, dueDate: command.dueDate }, occurredAt: command.occurredAt }];
}
