import type { DomainEvent } from '../decider.js';
import type { Person } from '../office/office.events.js';

export type RecommendationSource = 'inspection-report' | 'internal-audit' | 'post-implementation-review';
export type RecommendationKind = 'recommendation' | 'area-for-improvement' | 'cause-of-concern';

export type RecommendationRaised = DomainEvent<
  'RecommendationRaised',
  {
    recommendationId: string;
    source: RecommendationSource;
    reference: string;
    kind: RecommendationKind;
    text: string;
    addressedTo: string;
    collaborationId: string | null;
    owner: Person;
    dueDate: string;
    raisedBy: Person;
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
export type PolicingBodyResponsePublished = DomainEvent<'PolicingBodyResponsePublished', { response: string; by: Person }>;

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
