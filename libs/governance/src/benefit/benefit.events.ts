import type { DomainEvent, Upcaster } from '../decider.js';
import type { Person } from '../office/office.events.js';

export type BenefitCategory = 'economic' | 'efficiency' | 'effectiveness';
export type BenefitOutcome = 'realised' | 'partly-realised' | 'not-realised';
/**
 * How a benefit's monthly figure reads: the amount of that month alone (per-period), the running
 * total since the baseline (cumulative), or the yearly rate reached that month (annualised-run-rate).
 */
export const MEASURE_KINDS = ['per-period', 'cumulative', 'annualised-run-rate'] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];

export type BenefitIdentified = DomainEvent<
  'BenefitIdentified',
  {
    benefitId: string;
    collaborationId: string;
    leadForce: string;
    title: string;
    category: BenefitCategory;
    measure: string;
    unit: string;
    /** Since schema version 2. */
    measureKind: MeasureKind;
    baseline: number;
    target: number;
    targetDate: string;
    owner: Person;
    sharePerForce: Array<{ party: string; percent: number }>;
  }
>;
export type BenefitProfileApproved = DomainEvent<'BenefitProfileApproved', { approvedBy: Person }>;
export type BenefitMeasured = DomainEvent<'BenefitMeasured', { period: string; value: number; evidence: string }>;
/** A later figure for a period already measured; the first stays on record. */
export type BenefitMeasurementCorrected = DomainEvent<'BenefitMeasurementCorrected', { period: string; value: number; evidence: string; reason: string; previousValue: number }>;
export type BenefitTargetRevised = DomainEvent<'BenefitTargetRevised', { from: number; to: number; targetDate: string; reason: string }>;
export type BenefitHandedToBusinessAsUsual = DomainEvent<'BenefitHandedToBusinessAsUsual', { owner: Person; note: string }>;
export type PostImplementationReviewRecorded = DomainEvent<'PostImplementationReviewRecorded', { findings: string }>;
export type BenefitClosed = DomainEvent<'BenefitClosed', { outcome: BenefitOutcome; note: string }>;

export type BenefitEvent =
  | BenefitIdentified
  | BenefitProfileApproved
  | BenefitMeasured
  | BenefitMeasurementCorrected
  | BenefitTargetRevised
  | BenefitHandedToBusinessAsUsual
  | PostImplementationReviewRecorded
  | BenefitClosed;

export const benefitStreamId = (benefitId: string) => `benefit-${benefitId}`;

/**
 * BenefitIdentified v1 recorded no measure kind; the ledger then read every monthly figure as that
 * month's own amount. v1 therefore reads as per-period, which is how it was always counted.
 */
export const BENEFIT_UPCASTERS: Upcaster[] = [{ type: 'BenefitIdentified', fromVersion: 1, up: (data) => ({ ...data, measureKind: 'per-period' }) }];
