import type { Action } from '#identity';
import type { LedgerError } from '#shared-kernel';
import { type DecisionContext, refuse } from '../../decider.js';
import type { Office, Person } from '../../office/office.events.js';
import { refuseUnlessBodyExisted } from '../../office/policing-body.rule.js';
import type { PolicingBodyKind } from '../../reference-data/policing-bodies.js';
import type { CollaborationEvent, SignatoryRole } from '../collaboration.events.js';
import { type CollaborationState, allPartiesSigned, hasSigned, lastSignedAt, refuseUnlessActive, refuseUnlessRemainingParty } from '../collaboration.state.js';

export const SIGN_AGREEMENT: Action = { name: 'sign-agreement', kind: 'force-act', roles: ['chief-officer', 'policing-body'] };

/** A party force's chief officer or policing body signs the agreement. */
export interface SignAgreement {
  kind: 'SignAgreement';
  collaborationId: string;
  party: string;
  role: Office;
  signatory: Person;
  /** When it was signed: the signatory must have held the office then. */
  occurredAt: Date;
}

/** Looked up by the handler from the office's stream: who held it when the agreement was signed. */
export interface SignatureFacts {
  holderThen?: Person;
  /** The policing body that holder held office in (policing-body office), from their tenure. */
  holderBodyThen?: PolicingBodyKind | null;
  /** The bodies the signatory ever held this office in (policing-body office), from their tenures. */
  signatoryBodies?: PolicingBodyKind[];
}

export function signAgreement(state: CollaborationState, command: SignAgreement, context: DecisionContext<SignatureFacts>): CollaborationEvent[] | LedgerError {
  const notHolder = refuseUnlessOfficeHolder(command, context.facts);
  return signedAgreement(state, command, notHolder);
}

/**
 * A party's signature on the proposal, and when it is the last one owed by a remaining party, the
 * agreement made (s22A(3)), dated by its latest signature. `refusal` is the signer's own check.
 */
export function signedAgreement(
  state: CollaborationState,
  command: { collaborationId: string; party: string; role: SignatoryRole; signatory: Person; occurredAt: Date },
  refusal?: LedgerError,
): CollaborationEvent[] | LedgerError {
  const { party, role, signatory } = command;
  const inactive = refuseUnlessActive(state, command.collaborationId) ?? refuseUnlessRemainingParty(state, party);
  if (inactive) return inactive;
  if (hasSigned(state, party, role)) return refuse('AlreadySigned', `the ${role} of ${party} has already signed this agreement`, { party, role });
  if (refusal) return refusal;
  if (state.proposedAt && command.occurredAt < state.proposedAt) {
    return refuse('SignedBeforeProposed', `the agreement was proposed on ${state.proposedAt.toISOString().slice(0, 10)}; it cannot be signed before then`);
  }

  const signed: CollaborationEvent = { type: 'AgreementSigned', data: { party, role, signatory }, occurredAt: command.occurredAt };
  const after: CollaborationState = {
    ...state,
    signatures: [...state.signatures, { party, role, signatory, signedAt: command.occurredAt.toISOString() }],
  };
  if (state.status !== 'proposed' || !allPartiesSigned(after)) return [signed];
  const signatures = after.signatures.filter((s) => !after.withdrawnParties.includes(s.party));
  return [signed, { type: 'AgreementCameIntoForce', data: { signatures }, occurredAt: lastSignedAt(signatures) }];
}

/**
 * A signature (or an approval) counts only from the person who held the office on its date, and,
 * for a policing body, only while the body they held office in existed that day: a police
 * authority's holder cannot sign after 22 November 2012 (PRSRA 2011 s1(9)), a PCC's before it
 * (s1, Sch 1; SI 2012/2892), Greater Manchester's PCC after 8 May 2017 (SI 2016/448 art 4) —
 * reference-data/policing-bodies.ts.
 */
export function refuseUnlessOfficeHolder(
  command: { party: string; role: Office; signatory: Person; occurredAt: Date },
  facts: SignatureFacts,
): LedgerError | undefined {
  const holder = facts.holderThen;
  if (holder && holder.personId === command.signatory.personId) {
    return command.role === 'policing-body' ? refuseUnlessBodyExisted(command.party, facts.holderBodyThen, command.occurredAt, holder) : undefined;
  }
  // Someone who held the office only in bodies that did not exist that day (a PCC signing in 2008).
  const bodies = command.role === 'policing-body' ? (facts.signatoryBodies ?? []) : [];
  if (bodies.length > 0 && bodies.every((body) => refuseUnlessBodyExisted(command.party, body, command.occurredAt, command.signatory))) {
    return refuseUnlessBodyExisted(command.party, bodies.at(-1)!, command.occurredAt, command.signatory);
  }
  return refuse(
    'SignerNotOfficeHolder',
    `${command.signatory.name} did not hold the ${command.role} office of ${command.party} on ${command.occurredAt.toISOString().slice(0, 10)}` +
      (holder ? ` (${holder.name} did)` : ' (no holder is recorded for that date)'),
    { party: command.party, role: command.role, holderThen: holder ?? null },
  );
}
