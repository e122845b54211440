import type { DomainEvent, Upcaster } from '../decider.js';
import { type PolicingBodyKind, policingBodyOn } from '../reference-data/policing-bodies.js';

/** The two offices whose holders sign and approve for a force. */
export const OFFICES = ['chief-officer', 'policing-body'] as const;
export type Office = (typeof OFFICES)[number];

export interface Person {
  personId: string;
  name: string;
}

export type Basis = 'substantive' | 'acting';

/**
 * Something that awaited the office when it changed hands, as at that date (pending-for-office.ts):
 * `name` is what people read (the agreement's name, the variation's summary, the decision's title,
 * the report's reference); `since` is when it began to await the office (occurred time), null in
 * events recorded before it was kept (schema version 1, office.upcasters.ts).
 */
export type PendingItem =
  /** A proposed agreement the force is a remaining party to, not yet signed by this office (s22A(3)). */
  | { kind: 'agreement-signature'; collaborationId: string; name: string; since: string | null }
  /** A variation of an agreement in force, not yet agreed, not yet signed by this office (s23C(4)). */
  | { kind: 'variation-signature'; collaborationId: string; collaborationName: string; variationId: string; name: string; since: string | null }
  /** An open decision whose required approvals, under the delegation rule it was judged by, include this office's. */
  | { kind: 'decision-approval'; collaborationId: string; collaborationName: string; decisionId: string; name: string; since: string | null }
  /** A decision taken under urgency that skipped this office's approval, not yet ratified by it. */
  | { kind: 'ratification'; collaborationId: string; collaborationName: string; decisionId: string; name: string; since: string | null }
  /**
   * A recommendation addressed to the force, not closed: the chief officer's to implement (actions,
   * evidence, closure proposal); the policing body's to decide a proposed closure, or to publish its
   * s55 response.
   */
  | {
      kind: 'recommendation-action';
      recommendationId: string;
      collaborationId: string | null;
      name: string;
      awaiting: RecommendationAwaiting;
      dueDate: string;
      since: string | null;
    };
export type RecommendationAwaiting = 'implementation' | 'closure-decision' | 's55-response';
export const PENDING_KINDS = ['agreement-signature', 'variation-signature', 'decision-approval', 'ratification', 'recommendation-action'] as const;

/**
 * `body`: for the policing-body office, the kind of policing body the holder holds office in (a police
 * authority, a PCC, a PFCC, a mayor, MOPAC, the Common Council…: reference-data/policing-bodies.ts);
 * null for the chief-officer office. Schema version 2 of the three events below; version 1 events
 * read with the body the reference data gives for the force on the event's date (OFFICE_UPCASTERS).
 */
export type OfficeHolderAppointed = DomainEvent<'OfficeHolderAppointed', { forceCode: string; office: Office; holder: Person; basis: Basis; body: PolicingBodyKind | null }>;
export type OfficeHandedOver = DomainEvent<
  'OfficeHandedOver',
  { forceCode: string; office: Office; outgoing: Person; incoming: Person; basis: Basis; body: PolicingBodyKind | null; note: string; pending: PendingItem[] }
>;

export type ActingHolderDesignated = DomainEvent<
  'ActingHolderDesignated',
  { forceCode: string; office: Office; holder: Person; body: PolicingBodyKind | null; replaces: Person | null; reason: string; pending: PendingItem[] }
>;
export type OfficeVacated = DomainEvent<'OfficeVacated', { forceCode: string; office: Office; holder: Person; reason: string; pending: PendingItem[] }>;

export type OfficeEvent = OfficeHolderAppointed | OfficeHandedOver | ActingHolderDesignated | OfficeVacated;

/**
 * A version 1 appointment, handover or acting designation named no body: it is read as naming the
 * body the reference data gives for its force on its date (null for the chief-officer office, or
 * where the reference data has none).
 */
const inferBody: Upcaster['up'] = (data, { occurredAt }) => ({
  ...data,
  body: data.office === 'policing-body' ? (policingBodyOn(String(data.forceCode), occurredAt)?.kind ?? null) : null,
});

export const OFFICE_UPCASTERS: Upcaster[] = [
  { type: 'OfficeHolderAppointed', fromVersion: 1, up: inferBody },
  { type: 'OfficeHandedOver', fromVersion: 1, up: inferBody },
  { type: 'ActingHolderDesignated', fromVersion: 1, up: inferBody },
];

export const officeStreamId = (forceCode: string, office: Office) => `office-${forceCode}-${office}`;
