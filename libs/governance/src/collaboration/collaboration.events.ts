import type { DomainEvent } from '../decider.js';
import type { Office, Person } from '../office/office.events.js';

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

export type CollaborationEvent = CollaborationProposed | AgreementSigned | AgreementCameIntoForce | WithdrawalNoticeGiven;

export const collaborationStreamId = (collaborationId: string) => `collaboration-${collaborationId}`;
