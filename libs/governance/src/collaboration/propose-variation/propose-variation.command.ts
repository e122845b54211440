import type { Action } from '#identity';
import type { LedgerError } from '#shared-kernel';
import { type DecisionContext, day, personOf, refuse } from '../../decider.js';
import type { CollaborationEvent } from '../collaboration.events.js';
import { type CollaborationState, refuseUnlessActive, remainingParties } from '../collaboration.state.js';
import { type TermsChange, isEmptyChange, refuseInvalidTerms } from '../terms.js';

export const PROPOSE_VARIATION: Action = { name: 'propose-variation', kind: 'collaboration-work', roles: ['collaboration-manager'] };

/**
 * A variation of an agreement in force: a later agreement (s23C(4)) that changes its terms — or,
 * with `endsOn`, ends it by agreement of the parties (s23C(5)) — once every remaining party has
 * signed it. A collaboration manager proposes it; nothing changes on the manager's word alone.
 */
export interface ProposeVariation {
  kind: 'ProposeVariation';
  collaborationId: string;
  variationId: string;
  summary: string;
  changes: string;
  terms: TermsChange;
  occurredAt: Date;
}

export function proposeVariation(state: CollaborationState, command: ProposeVariation, context: DecisionContext<unknown>): CollaborationEvent[] | LedgerError {
  const inactive = refuseUnlessActive(state, command.collaborationId);
  if (inactive) return inactive;
  if (state.status !== 'in-force') return refuse('AgreementNotInForce', 'only an agreement in force can be varied; until it is made, its parties sign the proposal as it stands or a new one');
  if (state.variations.some((v) => v.variationId === command.variationId)) return refuse('VariationAlreadyProposed', `variation ${command.variationId} already exists`);
  if (isEmptyChange(command.terms)) return refuse('VariationChangesNothing', 'a variation must change at least one term, or agree an end (endsOn); describe-only variations change nothing');
  if (command.terms.leadForce === state.terms!.leadForce) return refuse('AlreadyLeadForce', `${command.terms.leadForce} already leads the collaboration`);
  const invalid = refuseInvalidTerms(command.terms, remainingParties(state));
  if (invalid) return invalid;
  if (command.terms.endsOn && command.terms.endsOn < day(command.occurredAt)) {
    return refuse('EndBeforeAgreement', `an agreed end (${command.terms.endsOn}) cannot come before the variation that agrees it (${day(command.occurredAt)})`, { endsOn: command.terms.endsOn });
  }
  if (state.cameIntoForceAt && command.occurredAt < state.cameIntoForceAt) {
    return refuse('ActPrecedesWhatItActsOn', `the agreement came into force on ${day(state.cameIntoForceAt)}; it cannot be varied before then`, { cameIntoForceAt: state.cameIntoForceAt.toISOString() });
  }
  return [
    {
      type: 'VariationProposed',
      data: { variationId: command.variationId, summary: command.summary, changes: command.changes, terms: command.terms, proposedBy: personOf(context) },
      occurredAt: command.occurredAt,
    },
  ];
}
