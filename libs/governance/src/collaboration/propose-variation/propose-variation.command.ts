import type { Action } from '#identity';
import type { LedgerError } from '#shared-kernel';
import { type DecisionContext, refuse } from '../../decider.js';
import type { CollaborationEvent } from '../collaboration.events.js';
import { type CollaborationState, refuseUnlessActive } from '../collaboration.state.js';

export const PROPOSE_VARIATION: Action = { name: 'propose-variation', kind: 'collaboration-work', roles: ['collaboration-manager'] };

/** A variation of an agreement in force (s23C), to be signed by every remaining party. */
export interface ProposeVariation {
  kind: 'ProposeVariation';
  collaborationId: string;
  variationId: string;
  summary: string;
  changes: string;
  occurredAt: Date;
}

export function proposeVariation(state: CollaborationState, command: ProposeVariation, context: DecisionContext<unknown>): CollaborationEvent[] | LedgerError {
  const inactive = refuseUnlessActive(state, command.collaborationId);
  if (inactive) return inactive;
  if (state.status !== 'in-force') return refuse('AgreementNotInForce', 'only an agreement in force can be varied; amend the proposal by agreement instead');
  if (state.variations.some((v) => v.variationId === command.variationId)) return refuse('VariationAlreadyProposed', `variation ${command.variationId} already exists`);
  return [
    {
      type: 'VariationProposed',
      data: {
        variationId: command.variationId,
        summary: command.summary,
        changes: command.changes,
        proposedBy: { personId: context.principal.personId, name: context.principal.name },
      },
      occurredAt: command.occurredAt,
    },
  ];
}
