import type { Action } from '#identity';
import type { LedgerError } from '#shared-kernel';
import { type DecisionContext, notFound, refuse } from '../../decider.js';
import type { Office, Person } from '../../office/office.events.js';
import type { CollaborationEvent, Signature, SignatoryRole } from '../collaboration.events.js';
import { type CollaborationState, type Variation, lastSignedAt, refuseUnlessActive, refuseUnlessRemainingParty, remainingParties, signedByAll } from '../collaboration.state.js';
import { type SignatureFacts, refuseUnlessOfficeHolder } from '../sign-agreement/sign-agreement.command.js';

export const SIGN_VARIATION: Action = { name: 'sign-variation', kind: 'force-act', roles: ['chief-officer', 'policing-body'] };

/** A remaining party's chief officer or policing body signs a variation. */
export interface SignVariation {
  kind: 'SignVariation';
  collaborationId: string;
  variationId: string;
  party: string;
  role: Office;
  signatory: Person;
  occurredAt: Date;
}

export function signVariation(state: CollaborationState, command: SignVariation, context: DecisionContext<SignatureFacts>): CollaborationEvent[] | LedgerError {
  const found = variationToSign(state, command);
  if (found instanceof Error) return found;
  const notHolder = refuseUnlessOfficeHolder(command, context.facts);
  if (notHolder) return notHolder;
  return signedVariation(state, found, command, context.receivedAt);
}

/** The open variation a party signs, or why it cannot: every signature is dated on or after the variation it signs. */
export function variationToSign(state: CollaborationState, command: { collaborationId: string; variationId: string; party: string; role: SignatoryRole; occurredAt: Date }): Variation | LedgerError {
  const { party, role, variationId } = command;
  const inactive = refuseUnlessActive(state, command.collaborationId) ?? refuseUnlessRemainingParty(state, party);
  if (inactive) return inactive;
  const variation = state.variations.find((v) => v.variationId === variationId);
  if (!variation) return notFound('VariationNotFound', `There is no variation ${variationId} of this collaboration.`);
  if (variation.agreedAt) return refuse('VariationAlreadyAgreed', `variation ${variationId} was agreed on ${variation.agreedAt.slice(0, 10)}`);
  if (variation.signatures.some((s) => s.party === party && s.role === role)) return refuse('AlreadySigned', `the ${role} of ${party} has already signed this variation`);
  if (command.occurredAt.toISOString() < variation.proposedAt) {
    return refuse('SignedBeforeProposed', `variation ${variationId} was proposed on ${variation.proposedAt.slice(0, 10)}; it cannot be signed before then`, { proposedAt: variation.proposedAt });
  }
  return variation;
}

/**
 * The signature, and when it is the last one a remaining party owed, the variation agreed: its
 * terms take effect from the latest signature's date (s23C(4)). An agreed end (s23C(5)) that has
 * come by then ends the collaboration at once; a later one is recorded when it comes.
 */
export function signedVariation(
  state: CollaborationState,
  variation: Variation,
  command: { variationId: string; party: string; role: SignatoryRole; signatory: Person; occurredAt: Date },
  receivedAt: Date,
): CollaborationEvent[] | LedgerError {
  const { party, role, signatory, variationId } = command;
  if (variation.terms.leadForce && !remainingParties(state).includes(variation.terms.leadForce)) {
    return refuse('LeadForceNotAParty', `the variation makes ${variation.terms.leadForce} the lead force, but it has withdrawn; propose another variation`);
  }
  const signatures: Signature[] = [...variation.signatures, { party, role, signatory, signedAt: command.occurredAt.toISOString() }];
  const signed: CollaborationEvent = { type: 'VariationSigned', data: { variationId, party, role, signatory }, occurredAt: command.occurredAt };
  if (!signedByAll(state, signatures)) return [signed];
  const agreedAt = lastSignedAt(signatures);
  const agreed: CollaborationEvent = { type: 'VariationAgreed', data: { variationId, signatures, terms: variation.terms }, occurredAt: agreedAt };
  const endsAt = variation.terms.endsOn ? agreedEndInstant(variation.terms.endsOn, agreedAt) : undefined;
  if (!endsAt || endsAt > receivedAt) return [signed, agreed];
  return [signed, agreed, terminationByAgreement(state, variation.summary, endsAt)];
}

/** An agreed end takes effect at the start of its day (UTC), never before the agreement to it. */
export const agreedEndInstant = (endsOn: string, agreedAt: Date) => new Date(Math.max(Date.parse(`${endsOn}T00:00:00Z`), agreedAt.getTime()));

export const terminationByAgreement = (state: CollaborationState, summary: string, at: Date): CollaborationEvent => ({
  type: 'CollaborationTerminated',
  data: { basis: 'agreement-of-all-parties', reason: `Ended by agreement of all the parties (s23C(5)): ${summary}`, remainingParties: remainingParties(state) },
  occurredAt: at,
});

