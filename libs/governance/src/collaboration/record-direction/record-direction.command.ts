import type { Action } from '#identity';
import type { LedgerError } from '#shared-kernel';
import { type DecisionContext, notFound } from '../../decider.js';
import type { CollaborationEvent } from '../collaboration.events.js';
import type { CollaborationState } from '../collaboration.state.js';

export const RECORD_DIRECTION: Action = { name: 'record-direction', kind: 'collaboration-work', roles: ['collaboration-manager'] };

/**
 * A Home Secretary's direction (s23FA), e.g. that a collaboration continue past its termination
 * date. It is recorded even after termination: a direction can keep a terminated arrangement going.
 */
export interface RecordDirection {
  kind: 'RecordDirection';
  collaborationId: string;
  reference: string;
  direction: string;
  continueUntil?: string;
  occurredAt: Date;
}

export function recordDirection(state: CollaborationState, command: RecordDirection, _context: DecisionContext<unknown>): CollaborationEvent[] | LedgerError {
  if (state.status === 'none') return notFound('CollaborationNotFound', `There is no collaboration ${command.collaborationId}.`);
  return [
    {
      type: 'DirectionIssued',
      data: { reference: command.reference, direction: command.direction, continueUntil: command.continueUntil ?? null },
      occurredAt: command.occurredAt,
    },
  ];
}
