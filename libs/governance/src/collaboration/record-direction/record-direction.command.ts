import type { Action } from '#identity';
import type { LedgerError } from '#shared-kernel';
import { type DecisionContext, day, notFound, refuse } from '../../decider.js';
import { type CollaborationEvent, DIRECTION_SECTION } from '../collaboration.events.js';
import type { CollaborationState } from '../collaboration.state.js';

export const RECORD_DIRECTION: Action = { name: 'record-direction', kind: 'collaboration-work', roles: ['collaboration-manager'] };

/**
 * A direction by the Secretary of State about the collaboration agreement under Police Act 1996
 * s23G (not s23FA, which is the power to specify functions by order). With `continueUntil` it has
 * effect: the collaboration stays in force until then whatever notices say — no withdrawal can
 * take effect, and so end it, before that date (as West Mercia and Warwickshire's alliance was
 * continued on 8 October 2019). It is recorded even after termination, as history.
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
  if (state.proposedAt && command.occurredAt < state.proposedAt) {
    return refuse('ActPrecedesWhatItActsOn', `the collaboration was proposed on ${day(state.proposedAt)}; a direction about it cannot come before`);
  }
  if (command.continueUntil && command.continueUntil <= day(command.occurredAt)) {
    return refuse('ContinuationNotAfterDirection', `a direction to continue must run beyond its own date (${day(command.occurredAt)}), not to ${command.continueUntil}`, { continueUntil: command.continueUntil });
  }
  if (state.terminatedAt && command.continueUntil && command.occurredAt > state.terminatedAt) {
    return refuse('CollaborationTerminated', `the collaboration ended on ${day(state.terminatedAt)}; a direction made after that cannot continue it`);
  }
  return [
    {
      type: 'DirectionIssued',
      data: { reference: command.reference, direction: command.direction, continueUntil: command.continueUntil ?? null, statutoryBasis: DIRECTION_SECTION },
      occurredAt: command.occurredAt,
    },
  ];
}
