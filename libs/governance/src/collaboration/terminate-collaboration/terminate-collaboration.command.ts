import type { Action } from '#identity';
import type { LedgerError } from '#shared-kernel';
import type { DecisionContext } from '../../decider.js';
import type { CollaborationEvent } from '../collaboration.events.js';
import { type CollaborationState, refuseUnlessActive, remainingParties } from '../collaboration.state.js';

export const TERMINATE_COLLABORATION: Action = { name: 'terminate-collaboration', kind: 'collaboration-work', roles: ['collaboration-manager'] };

/** The parties agree to end the collaboration. After it, the collaboration can only be read. */
export interface TerminateCollaboration {
  kind: 'TerminateCollaboration';
  collaborationId: string;
  reason: string;
  occurredAt: Date;
}

export function terminateCollaboration(state: CollaborationState, command: TerminateCollaboration, _context: DecisionContext<unknown>): CollaborationEvent[] | LedgerError {
  const inactive = refuseUnlessActive(state, command.collaborationId);
  if (inactive) return inactive;
  return [
    {
      type: 'CollaborationTerminated',
      data: { basis: 'agreement-of-all-parties', reason: command.reason, remainingParties: remainingParties(state) },
      occurredAt: command.occurredAt,
    },
  ];
}
