import type { Action } from '#identity';
import type { LedgerError } from '#shared-kernel';
import { type DecisionContext, refuse } from '../../decider.js';
import type { CollaborationEvent } from '../collaboration.events.js';
import { type CollaborationState, refuseUnlessActive } from '../collaboration.state.js';

export const RESTATE_PURPOSE: Action = { name: 'restate-purpose', kind: 'collaboration-work', roles: ['collaboration-manager'] };

/** The purpose stays at the fore and is updated as needed (HMICFRS); the earlier wording stays on record. */
export interface RestatePurpose {
  kind: 'RestatePurpose';
  collaborationId: string;
  purpose: string;
  reason: string;
  occurredAt: Date;
}

export function restatePurpose(state: CollaborationState, command: RestatePurpose, _context: DecisionContext<unknown>): CollaborationEvent[] | LedgerError {
  const inactive = refuseUnlessActive(state, command.collaborationId);
  if (inactive) return inactive;
  const previousPurpose = state.terms!.purpose;
  if (command.purpose.trim() === previousPurpose.trim()) return refuse('PurposeUnchanged', 'the restated purpose is the same as the current one');
  return [{ type: 'PurposeRestated', data: { purpose: command.purpose, previousPurpose, reason: command.reason }, occurredAt: command.occurredAt }];
}
