import type { Action } from '#identity';
import type { LedgerError } from '#shared-kernel';
import { type DecisionContext, refuse } from '../../decider.js';
import type { CollaborationEvent } from '../collaboration.events.js';
import { type CollaborationState, refuseUnlessActive, refuseUnlessRemainingParty } from '../collaboration.state.js';

export const CHANGE_LEAD_FORCE: Action = { name: 'change-lead-force', kind: 'collaboration-work', roles: ['collaboration-manager'] };

export interface ChangeLeadForce {
  kind: 'ChangeLeadForce';
  collaborationId: string;
  to: string;
  reason: string;
  occurredAt: Date;
}

export function changeLeadForce(state: CollaborationState, command: ChangeLeadForce, _context: DecisionContext<unknown>): CollaborationEvent[] | LedgerError {
  const inactive = refuseUnlessActive(state, command.collaborationId) ?? refuseUnlessRemainingParty(state, command.to);
  if (inactive) return inactive;
  const from = state.terms!.leadForce;
  if (from === command.to) return refuse('AlreadyLeadForce', `${command.to} already leads this collaboration`);
  return [{ type: 'LeadForceChanged', data: { from, to: command.to, reason: command.reason }, occurredAt: command.occurredAt }];
}
