import type { LedgerError } from '#shared-kernel';
import { notFound, refuse } from '../decider.js';
import type { Person } from '../office/office.events.js';
import type { BenefitEvent, BenefitIdentified, BenefitOutcome } from './benefit.events.js';

export type BenefitStatus = 'none' | 'identified' | 'approved' | 'business-as-usual' | 'closed';

export interface Measurement {
  period: string;
  value: number;
  evidence: string;
  recordedFor: string;
  corrections: Array<{ value: number; evidence: string; reason: string; at: string }>;
}

export interface BenefitState {
  status: BenefitStatus;
  profile?: BenefitIdentified['data'];
  /** When it was identified: the baseline's date. */
  identifiedAt?: string;
  /** When its profile was approved. */
  approvedAt?: string;
  originalTarget?: number;
  target?: number;
  targetDate?: string;
  targetRevisions: Array<{ from: number; to: number; targetDate: string; reason: string; at: string }>;
  measurements: Measurement[];
  businessAsUsualOwner: Person | null;
  postImplementationReviews: Array<{ findings: string; at: string }>;
  outcome: BenefitOutcome | null;
}

export const initialBenefitState: BenefitState = {
  status: 'none',
  targetRevisions: [],
  measurements: [],
  businessAsUsualOwner: null,
  postImplementationReviews: [],
  outcome: null,
};

export function evolveBenefit(state: BenefitState, event: BenefitEvent): BenefitState {
  const at = event.occurredAt.toISOString();
  switch (event.type) {
    case 'BenefitIdentified':
      return { ...state, status: 'identified', profile: event.data, identifiedAt: at, originalTarget: event.data.target, target: event.data.target, targetDate: event.data.targetDate };
    case 'BenefitProfileApproved':
      return { ...state, status: 'approved', approvedAt: at };
    case 'BenefitMeasured':
      return { ...state, measurements: [...state.measurements, { ...event.data, recordedFor: at, corrections: [] }] };
    case 'BenefitMeasurementCorrected':
      return {
        ...state,
        measurements: state.measurements.map((m) =>
          m.period === event.data.period ? { ...m, corrections: [...m.corrections, { value: event.data.value, evidence: event.data.evidence, reason: event.data.reason, at }] } : m,
        ),
      };
    case 'BenefitTargetRevised':
      return { ...state, target: event.data.to, targetDate: event.data.targetDate, targetRevisions: [...state.targetRevisions, { ...event.data, at }] };
    case 'BenefitHandedToBusinessAsUsual':
      return { ...state, status: 'business-as-usual', businessAsUsualOwner: event.data.owner };
    case 'PostImplementationReviewRecorded':
      return { ...state, postImplementationReviews: [...state.postImplementationReviews, { findings: event.data.findings, at }] };
    case 'BenefitClosed':
      return { ...state, status: 'closed', outcome: event.data.outcome };
    default:
      return state;
  }
}

/** The latest figure for a period: its last correction, or the first measurement. */
export const currentValue = (m: Measurement) => m.corrections.at(-1)?.value ?? m.value;

export function refuseUnlessTracked(state: BenefitState, benefitId: string): LedgerError | undefined {
  if (state.status === 'none') return notFound('BenefitNotFound', `There is no benefit ${benefitId}.`);
  if (state.status === 'closed') return refuse('BenefitClosed', 'the benefit is closed: it can only be read');
  return undefined;
}

/** The first instant after a month (YYYY-MM): the measured period has ended by then. */
export const endOfPeriod = (period: string): Date => {
  const [year, month] = period.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, month, 1));
};

/** A benefit's latest figure for a period is corrected by an act dated on or after that figure. */
export const latestFigureAt = (m: Measurement) => m.corrections.at(-1)?.at ?? m.recordedFor;
