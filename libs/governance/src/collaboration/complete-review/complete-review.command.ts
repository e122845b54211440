import type { Action } from '#identity';
import type { LedgerError } from '#shared-kernel';
import { type DecisionContext, refuse } from '../../decider.js';
import type { CollaborationEvent, ReviewCompleted } from '../collaboration.events.js';
import { type CollaborationState, refuseUnlessActive } from '../collaboration.state.js';

export const COMPLETE_REVIEW: Action = { name: 'complete-review', kind: 'collaboration-work', roles: ['collaboration-manager'] };

export interface CompleteReview {
  kind: 'CompleteReview';
  collaborationId: string;
  outcome: ReviewCompleted['data']['outcome'];
  findings: string;
  nextReviewDate?: string;
  occurredAt: Date;
}

export function completeReview(state: CollaborationState, command: CompleteReview, _context: DecisionContext<unknown>): CollaborationEvent[] | LedgerError {
  const inactive = refuseUnlessActive(state, command.collaborationId);
  if (inactive) return inactive;
  if (command.outcome === 'continue' && !command.nextReviewDate) return refuse('NextReviewDateRequired', 'a collaboration that continues needs its next review date');
  return [
    {
      type: 'ReviewCompleted',
      data: { outcome: command.outcome, findings: command.findings, nextReviewDate: command.nextReviewDate ?? null },
      occurredAt: command.occurredAt,
    },
  ];
}
