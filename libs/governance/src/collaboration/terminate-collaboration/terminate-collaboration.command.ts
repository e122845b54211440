import type { Action } from '#identity';
import type { LedgerError } from '#shared-kernel';
import { type DecisionContext, day, refuse } from '../../decider.js';
import type { CollaborationEvent } from '../collaboration.events.js';
import { type CollaborationState, refuseUnlessActive } from '../collaboration.state.js';
import { agreedEndInstant, terminationByAgreement } from '../sign-variation/sign-variation.command.js';

export const TERMINATE_COLLABORATION: Action = { name: 'terminate-collaboration', kind: 'collaboration-work', roles: ['collaboration-manager'] };

/**
 * Records that the end the parties agreed (s23C(5): "brought to an end by agreement between the
 * parties", a variation every remaining party signed with `endsOn`) has come. No one ends a
 * collaboration on their own word: without such an agreement this is refused. (An agreed end
 * that had already come when it was agreed is recorded with the agreement itself; withdrawals
 * that leave fewer than two parties end it too.)
 */
export interface TerminateCollaboration {
  kind: 'TerminateCollaboration';
  collaborationId: string;
  reason: string;
  occurredAt: Date;
}

export function terminateCollaboration(state: CollaborationState, command: TerminateCollaboration, _context: DecisionContext<unknown>): CollaborationEvent[] | LedgerError {
  const inactive = refuseUnlessActive(state, command.collaborationId);
  if (inactive) return inactive;
  const agreed = state.agreedEnd;
  if (!agreed) {
    return refuse('NoAgreedEnd', 'a collaboration ends by agreement of all the parties (s23C(5)): propose a variation with endsOn and have every remaining party sign it', { basis: 'Police Act 1996 s23C(5)' });
  }
  if (day(command.occurredAt) < agreed.endsOn) {
    return refuse('AgreedEndNotYetCome', `the parties agreed to end the collaboration on ${agreed.endsOn}`, { endsOn: agreed.endsOn });
  }
  const variation = state.variations.find((v) => v.variationId === agreed.variationId)!;
  const event = terminationByAgreement(state, `${variation.summary}. ${command.reason}`, agreedEndInstant(agreed.endsOn, new Date(variation.agreedAt!)));
  return [event];
}
