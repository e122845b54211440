import type { Action } from '#identity';
import type { LedgerError } from '#shared-kernel';
import { type DecisionContext, refuse } from '../../decider.js';
import type { CollaborationEvent, PublicationLevel } from '../collaboration.events.js';
import { type CollaborationState, refuseUnlessActive } from '../collaboration.state.js';

export const PUBLISH_AGREEMENT: Action = { name: 'publish-agreement', kind: 'collaboration-work', roles: ['collaboration-manager'] };

/** s23E: the agreement is published in full, redacted, or by title only; anything less than full says why. */
export interface PublishAgreement {
  kind: 'PublishAgreement';
  collaborationId: string;
  level: PublicationLevel;
  reason?: string;
  occurredAt: Date;
}

export function publishAgreement(state: CollaborationState, command: PublishAgreement, _context: DecisionContext<unknown>): CollaborationEvent[] | LedgerError {
  const inactive = refuseUnlessActive(state, command.collaborationId);
  if (inactive) return inactive;
  if (command.level !== 'full' && !command.reason?.trim()) return refuse('PublicationReasonRequired', `publishing ${command.level} needs a reason`);
  return [{ type: 'AgreementPublished', data: { level: command.level, reason: command.reason?.trim() || null }, occurredAt: command.occurredAt }];
}
