import type { Action } from '#identity';
import type { LedgerError } from '#shared-kernel';
import type { DecisionContext } from '../../decider.js';
import type { Person } from '../../office/office.events.js';
import type { CollaborationEvent } from '../collaboration.events.js';
import { type CollaborationState, refuseUnlessActive } from '../collaboration.state.js';

export const STAFF_KEY_ROLE: Action = { name: 'staff-key-role', kind: 'collaboration-work', roles: ['collaboration-manager'] };

/** Who fills a key role (senior responsible owner, programme lead…) and whether they are trained for it. */
export interface StaffKeyRole {
  kind: 'StaffKeyRole';
  collaborationId: string;
  keyRole: string;
  person: Person;
  trainedInCollaboration: boolean;
  trainedInChangeManagement: boolean;
  occurredAt: Date;
}

export function staffKeyRole(state: CollaborationState, command: StaffKeyRole, _context: DecisionContext<unknown>): CollaborationEvent[] | LedgerError {
  const inactive = refuseUnlessActive(state, command.collaborationId);
  if (inactive) return inactive;
  const { keyRole, person, trainedInCollaboration, trainedInChangeManagement } = command;
  return [{ type: 'KeyRoleStaffed', data: { keyRole, person, trainedInCollaboration, trainedInChangeManagement }, occurredAt: command.occurredAt }];
}
