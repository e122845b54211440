import type { DomainEvent, Upcaster } from '../decider.js';
import type { Office, Person } from '../office/office.events.js';
import type { AgreedRiskAppetite, AgreementTerms, AnnualBudget, DelegationRule, OtherParty, PublicationLevel, TermsChange } from './terms.js';

export type { DelegationRule, PublicationLevel } from './terms.js';

/** Who signs for a party: a force's chief officer or policing body (s22A(3)), or another party's own signatory (s22A(6)). */
export type SignatoryRole = Office | 'authorised-signatory';

export interface Signature {
  party: string;
  role: SignatoryRole;
  signatory: Person;
  signedAt: string;
}

/** v2: the proposal carries every term the parties sign (terms.ts); v1 proposals had no scheme, budget, appetite, publication or other parties. */
export type CollaborationProposed = DomainEvent<
  'CollaborationProposed',
  AgreementTerms & {
    collaborationId: string;
    name: string;
    purpose: string;
    parties: string[];
    otherParties: OtherParty[];
    proposedBy: Person;
  }
>;
export type AgreementSigned = DomainEvent<'AgreementSigned', { party: string; role: SignatoryRole; signatory: Person }>;
/** Recorded when every remaining party has signed: each force's chief officer and policing body (s22A(3)), each other party's signatory. */
export type AgreementCameIntoForce = DomainEvent<'AgreementCameIntoForce', { signatures: Signature[] }>;
export type WithdrawalNoticeGiven = DomainEvent<
  'WithdrawalNoticeGiven',
  { party: string; reason: string; effectiveOn: string; givenBy: { role: Office; person: Person } }
>;

export type PurposeRestated = DomainEvent<'PurposeRestated', { purpose: string; previousPurpose: string; reason: string }>;
/** v2: `terms` is what the variation changes (terms.ts); v1 variations described their change in words only, and changed nothing. */
export type VariationProposed = DomainEvent<'VariationProposed', { variationId: string; summary: string; changes: string; terms: TermsChange; proposedBy: Person }>;
export type VariationSigned = DomainEvent<'VariationSigned', { variationId: string; party: string; role: SignatoryRole; signatory: Person }>;
/**
 * s23C(4): a variation is a later agreement. It takes effect, changing `terms`, on the date of its
 * last signature, once every remaining party has signed it.
 */
export type VariationAgreed = DomainEvent<'VariationAgreed', { variationId: string; signatures: Signature[]; terms: TermsChange }>;
/** Recorded by earlier versions, when the lead force's manager alone could change these terms; read as recorded, no longer written. */
export type LeadForceChanged = DomainEvent<'LeadForceChanged', { from: string; to: string; reason: string }>;
/** No longer written: see LeadForceChanged. */
export type DelegationSchemeAdopted = DomainEvent<'DelegationSchemeAdopted', { rules: DelegationRule[] }>;
/** No longer written: see LeadForceChanged. */
export type CollaborationRiskAppetiteAgreed = DomainEvent<'CollaborationRiskAppetiteAgreed', AgreedRiskAppetite>;
/** No longer written: see LeadForceChanged. */
export type AnnualBudgetSet = DomainEvent<'AnnualBudgetSet', AnnualBudget>;
/** No longer written: see LeadForceChanged. */
export type AgreementPublished = DomainEvent<'AgreementPublished', { level: PublicationLevel; reason: string | null }>;
export type WithdrawalNoticeRescinded = DomainEvent<'WithdrawalNoticeRescinded', { party: string; reason: string }>;
export type PartyWithdrew = DomainEvent<'PartyWithdrew', { party: string }>;
export type ReviewCompleted = DomainEvent<
  'ReviewCompleted',
  { outcome: 'continue' | 'vary' | 'terminate'; findings: string; nextReviewDate: string | null }
>;
/**
 * Police Act 1996 s23G: a direction by the Secretary of State about a collaboration agreement, e.g.
 * that it continue until a date whatever notices say (West Mercia and Warwickshire, 8 October 2019).
 * (s23FA is the power to specify functions by order, not this one.) v2 names the section.
 */
export type DirectionIssued = DomainEvent<'DirectionIssued', { reference: string; direction: string; continueUntil: string | null; statutoryBasis: string }>;
/**
 * How a collaboration ends: by agreement of all the parties (s23C(5)), by withdrawals leaving fewer
 * than two parties, or, before it came into force, by withdrawals leaving fewer than two (it lapses).
 */
export type TerminationBasis = 'agreement-of-all-parties' | 'withdrawal-leaving-one-party' | 'lapsed-before-coming-into-force';
export type CollaborationTerminated = DomainEvent<'CollaborationTerminated', { basis: TerminationBasis; reason: string; remainingParties: string[] }>;
/** The skills theme: who fills a key role, and whether they are trained for collaboration and change. */
export type KeyRoleStaffed = DomainEvent<
  'KeyRoleStaffed',
  { keyRole: string; person: Person; trainedInCollaboration: boolean; trainedInChangeManagement: boolean }
>;

export type CollaborationEvent =
  | CollaborationProposed
  | AgreementSigned
  | AgreementCameIntoForce
  | WithdrawalNoticeGiven
  | PurposeRestated
  | VariationProposed
  | VariationSigned
  | VariationAgreed
  | LeadForceChanged
  | DelegationSchemeAdopted
  | CollaborationRiskAppetiteAgreed
  | AnnualBudgetSet
  | AgreementPublished
  | WithdrawalNoticeRescinded
  | PartyWithdrew
  | ReviewCompleted
  | DirectionIssued
  | CollaborationTerminated
  | KeyRoleStaffed;

/** The direction power is s23G (see DirectionIssued). */
export const DIRECTION_SECTION = 'Police Act 1996 s23G';

export const COLLABORATION_UPCASTERS: Upcaster[] = [
  // v1 proposals set only the core terms; a manager adopted the rest alone, by events still read as recorded.
  { type: 'CollaborationProposed', fromVersion: 1, up: (data) => ({ otherParties: [], delegationScheme: [], annualBudget: null, riskAppetite: null, publication: null, ...data }) },
  // v1 variations described their change in words only and changed no term.
  { type: 'VariationProposed', fromVersion: 1, up: (data) => ({ terms: {}, ...data }) },
  { type: 'VariationAgreed', fromVersion: 1, up: (data) => ({ terms: {}, ...data }) },
  // v1 directions named no section; the power to direct was always s23G.
  { type: 'DirectionIssued', fromVersion: 1, up: (data) => ({ statutoryBasis: DIRECTION_SECTION, ...data }) },
];

export const collaborationStreamId = (collaborationId: string) => `collaboration-${collaborationId}`;
