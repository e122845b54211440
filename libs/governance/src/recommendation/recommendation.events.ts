import type { DomainEvent, Upcaster } from '../decider.js';
import type { Person } from '../office/office.events.js';

export type RecommendationSource = 'inspection-report' | 'internal-audit' | 'post-implementation-review';
export type RecommendationKind = 'recommendation' | 'area-for-improvement' | 'cause-of-concern';
/** A recommendation is addressed to a force (its code) or to a national body (national-bodies.ts). */
export type AddresseeKind = 'force' | 'national-body';

export type RecommendationRaised = DomainEvent<
  'RecommendationRaised',
  {
    recommendationId: string;
    source: RecommendationSource;
    reference: string;
    kind: RecommendationKind;
    text: string;
    /** A force code, or a national body's code (see addresseeKind). */
    addressedTo: string;
    /** Since schema version 2; version 1 events were all addressed to forces. */
    addresseeKind: AddresseeKind;
    collaborationId: string | null;
    owner: Person;
    dueDate: string;
    raisedBy: Person;
    /** Since version 2: the day the report that made it was published (the s55 clock starts then), when given. */
    reportPublishedOn: string | null;
    /**
     * Since version 2: the last day for the policing body's published response under Police Act 1996
     * s55(5A) — 56 days beginning with the report's publication day — for an inspection report
     * addressed to a force and published on or after 2 May 2017; null when none applies.
     */
    responseDeadline: string | null;
  }
>;
export type ActionPlanned = DomainEvent<'ActionPlanned', { action: string; owner: Person; dueDate: string }>;
export type ProgressReported = DomainEvent<'ProgressReported', { note: string; by: Person }>;
/** A slip (or an advance) of the due date; every one is kept. */
export type DueDateRevised = DomainEvent<'DueDateRevised', { from: string; to: string; reason: string }>;
export type EvidenceSubmitted = DomainEvent<'EvidenceSubmitted', { reference: string; description: string; by: Person }>;
export type ClosureProposed = DomainEvent<'ClosureProposed', { note: string; by: Person }>;
export type ClosureAccepted = DomainEvent<'ClosureAccepted', { by: Person; note: string }>;
export type ClosureRejected = DomainEvent<'ClosureRejected', { by: Person; reason: string }>;
/**
 * The local policing body's published response to the report, with the chief officer's comments
 * (s55(5), (5A)). Since version 2: chiefOfficerComments, the deadline it was due by, and whether it
 * was late (a late response is recorded, never refused).
 */
export type PolicingBodyResponsePublished = DomainEvent<
  'PolicingBodyResponsePublished',
  { response: string; by: Person; chiefOfficerComments: string | null; deadline: string | null; late: boolean }
>;

export type RecommendationEvent =
  | RecommendationRaised
  | ActionPlanned
  | ProgressReported
  | DueDateRevised
  | EvidenceSubmitted
  | ClosureProposed
  | ClosureAccepted
  | ClosureRejected
  | PolicingBodyResponsePublished;

export const recommendationStreamId = (recommendationId: string) => `recommendation-${recommendationId}`;

/**
 * RecommendationRaised v1 could only be addressed to a force and recorded no report publication
 * date, so no s55 deadline; PolicingBodyResponsePublished v1 recorded no chief officer's comments
 * and, with no deadline known, was not late.
 */
export const RECOMMENDATION_UPCASTERS: Upcaster[] = [
  { type: 'RecommendationRaised', fromVersion: 1, up: (data) => ({ ...data, addresseeKind: 'force', reportPublishedOn: null, responseDeadline: null }) },
  { type: 'PolicingBodyResponsePublished', fromVersion: 1, up: (data) => ({ ...data, chiefOfficerComments: null, deadline: null, late: false }) },
];
