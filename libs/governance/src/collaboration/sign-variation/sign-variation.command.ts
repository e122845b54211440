import type { Action } from '#identity';
import type { LedgerError } from '#shared-kernel';
import { type DecisionContext, notFound, refuse } from '../../decider.js';
import type { Office, Person } from '../../office/office.events.js';
import type { CollaborationEvent } from '../collaboration.events.js';
import { type CollaborationState, refuseUnlessActive, refuseUnlessRemainingParty, remainingParties } from '../collaboration.state.js';
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
  const { party, role, signatory, variationId } = command;
  const inactive = refuseUnlessActive(state, command.collaborationId) ?? refuseUnlessRemainingParty(state, party);
  if (inactive) return inactive;
  const variation = state.variations.find((v) => v.variationId === variationId);
  if (!variation) return notFound('VariationNotFound', `There is no variation ${variationId} of this collaboration.`);
  if (variation.agreedAt) return refuse('VariationAlreadyAgreed', `variation ${variationId} was agreed on ${variation.agreedAt.slice(0, 10)}`);
  if (variation.signatures.some((s) => s.party === party && s.role === role)) return refuse('AlreadySigned', `the ${role} of ${party} has already signed this variation`);
  const notHolder = refuseUnlessOfficeHolder(command, context.facts);
  if (notHolder) return notHolder;

  const signatures = [...variation.signatures, { party, role, signatory, signedAt: command.occurredAt.toISOString() }];
  const signed: CollaborationEvent = { type: 'VariationSigned', data: { variationId, party, role, signatory }, occurredAt: command.occurredAt };
  const complete = remainingParties(state).every((p) => ['chief-officer', 'policing-body'].every((r) => signatures.some((s) => s.party === p && s.role === r)));
  if (!complete) return [signed];
  const lastSignedAt = new Date(Math.max(...signatures.map((s) => Date.parse(s.signedAt))));
  return [signed, { type: 'VariationAgreed', data: { variationId, signatures }, occurredAt: lastSignedAt }];
}
