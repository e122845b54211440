import type { DomainEvent } from '../decider.js';
import type { Office, Person } from '../office/office.events.js';
import type { DecisionCategory, RiskCategory, RiskLevel } from '../risk.js';

export interface Signature {
  party: string;
  role: Office;
  signatory: Person;
  signedAt: string;
}

export type CollaborationProposed = DomainEvent<
  'CollaborationProposed',
  {
    collaborationId: string;
    name: string;
    purpose: string;
    functions: string[];
    parties: string[];
    leadForce: string;
    costSharing: string;
    noticePeriodMonths: number;
    reviewDate: string;
    proposedBy: Person;
  }
>;
export type AgreementSigned = DomainEvent<'AgreementSigned', { party: string; role: Office; signatory: Person }>;
/** Recorded when, for every party force, both its chief officer and its policing body have signed (s22A(3)). */
export type AgreementCameIntoForce = DomainEvent<'AgreementCameIntoForce', { signatures: Signature[] }>;
export type WithdrawalNoticeGiven = DomainEvent<
  'WithdrawalNoticeGiven',
  { party: string; reason: string; effectiveOn: string; givenBy: { role: Office; person: Person } }
>;

export type PurposeRestated = DomainEvent<'PurposeRestated', { purpose: string; previousPurpose: string; reason: string }>;
export type VariationProposed = DomainEvent<'VariationProposed', { variationId: string; summary: string; changes: string; proposedBy: Person }>;
export type VariationSigned = DomainEvent<'VariationSigned', { variationId: string; party: string; role: Office; signatory: Person }>;
/** s23C: a variation takes effect when every remaining party's chief officer and policing body have signed it. */
export type VariationAgreed = DomainEvent<'VariationAgreed', { variationId: string; signatures: Signature[] }>;
export type LeadForceChanged = DomainEvent<'LeadForceChanged', { from: string; to: string; reason: string }>;

export interface DelegationRule {
  category: DecisionCategory;
  /** The lead force may decide alone up to this value in pounds (0: never alone). */
  leadForceAloneUpToGbp: number;
  /** Above it: every party's chief officer, or their policing bodies too. */
  aboveLimit: 'all-chief-officers' | 'all-chief-officers-and-policing-bodies';
}
export type DelegationSchemeAdopted = DomainEvent<'DelegationSchemeAdopted', { rules: DelegationRule[] }>;
export type CollaborationRiskAppetiteAgreed = DomainEvent<
  'CollaborationRiskAppetiteAgreed',
  { appetite: Array<{ category: RiskCategory; level: RiskLevel }>; statement: string }
>;
export type AnnualBudgetSet = DomainEvent<
  'AnnualBudgetSet',
  { financialYear: string; totalGbp: number; contributions: Array<{ party: string; amountGbp: number }> }
>;
/** s23E: what of the agreement the public may see. */
export type PublicationLevel = 'full' | 'redacted' | 'title-only';
export type AgreementPublished = DomainEvent<'AgreementPublished', { level: PublicationLevel; reason: string | null }>;
export type WithdrawalNoticeRescinded = DomainEvent<'WithdrawalNoticeRescinded', { party: string; reason: string }>;
export type PartyWithdrew = DomainEvent<'PartyWithdrew', { party: string }>;
export type ReviewCompleted = DomainEvent<
  'ReviewCompleted',
  { outcome: 'continue' | 'vary' | 'terminate'; findings: string; nextReviewDate: string | null }
>;
/** s23FA: a direction by the Home Secretary, e.g. extending a collaboration past its termination date. */
export type DirectionIssued = DomainEvent<'DirectionIssued', { reference: string; direction: string; continueUntil: string | null }>;
export type CollaborationTerminated = DomainEvent<
  'CollaborationTerminated',
  { basis: 'agreement-of-all-parties' | 'withdrawal-leaving-one-party'; reason: string; remainingParties: string[] }
>;
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

export const collaborationStreamId = (collaborationId: string) => `collaboration-${collaborationId}`;
