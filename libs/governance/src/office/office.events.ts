import type { DomainEvent } from '../decider.js';

/** The two offices whose holders sign and approve for a force. */
export const OFFICES = ['chief-officer', 'policing-body'] as const;
export type Office = (typeof OFFICES)[number];

export interface Person {
  personId: string;
  name: string;
}

export type Basis = 'substantive' | 'acting';

/** Something an office holder had not yet done when the office changed hands. */
export interface PendingItem {
  kind: 'agreement-signature';
  collaborationId: string;
  name: string;
}

export type OfficeHolderAppointed = DomainEvent<'OfficeHolderAppointed', { forceCode: string; office: Office; holder: Person; basis: Basis }>;
export type OfficeHandedOver = DomainEvent<
  'OfficeHandedOver',
  { forceCode: string; office: Office; outgoing: Person; incoming: Person; basis: Basis; note: string; pending: PendingItem[] }
>;

export type ActingHolderDesignated = DomainEvent<
  'ActingHolderDesignated',
  { forceCode: string; office: Office; holder: Person; replaces: Person | null; reason: string; pending: PendingItem[] }
>;
export type OfficeVacated = DomainEvent<'OfficeVacated', { forceCode: string; office: Office; holder: Person; reason: string; pending: PendingItem[] }>;

export type OfficeEvent = OfficeHolderAppointed | OfficeHandedOver | ActingHolderDesignated | OfficeVacated;

export const officeStreamId = (forceCode: string, office: Office) => `office-${forceCode}-${office}`;
