import type { Action } from '#identity';
import type { LedgerError } from '#shared-kernel';
import { type DecisionContext, refuse } from '../../decider.js';
import type { Person } from '../../office/office.events.js';
import type { CollaborationEvent } from '../collaboration.events.js';
import type { CollaborationState } from '../collaboration.state.js';
import { signedAgreement } from '../sign-agreement/sign-agreement.command.js';
import { signedVariation, variationToSign } from '../sign-variation/sign-variation.command.js';

export const RECORD_OTHER_PARTY_SIGNATURE: Action = { name: 'record-other-party-signature', kind: 'collaboration-work', roles: ['collaboration-manager'] };

/**
 * s22A(6): a party other than a force or a policing body (a local authority, a fire and rescue
 * authority, another public body) signs by its own authorised signatory. It has no office in the
 * ledger, so the lead force's collaboration manager records the signature, naming the signatory;
 * the agreement (or, with `variationId`, the variation) is made only when this party has signed too.
 */
export interface RecordOtherPartySignature {
  kind: 'RecordOtherPartySignature';
  collaborationId: string;
  party: string;
  signatory: Person;
  variationId?: string;
  occurredAt: Date;
}

export function recordOtherPartySignature(state: CollaborationState, command: RecordOtherPartySignature, context: DecisionContext<unknown>): CollaborationEvent[] | LedgerError {
  if (state.terms && !state.terms.otherParties.some((p) => p.partyId === command.party)) {
    return refuse('NotAnOtherParty', `${command.party} is not one of this agreement’s other parties (s22A(6)); forces sign through their own chief officer and policing body`, { party: command.party });
  }
  const signing = { ...command, role: 'authorised-signatory' as const };
  if (!command.variationId) return signedAgreement(state, signing);
  const variation = variationToSign(state, { ...signing, variationId: command.variationId });
  if (variation instanceof Error) return variation;
  return signedVariation(state, variation, { ...signing, variationId: command.variationId }, context.receivedAt);
}
