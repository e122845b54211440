import type { LedgerError } from '#shared-kernel';
import { type DecisionContext, notFound, refuse } from '../decider.js';
import type { Person } from '../office/office.events.js';
import type { BenefitEvent, BenefitIdentified, BenefitOutcome } from './benefit.events.js';
import { type BenefitState, currentValue, refuseUnlessTracked } from './benefit.state.js';

/** The collaboration a benefit belongs to, as it stands: read by the handler. */
export interface BenefitFacts {
  collaboration?: { status: string; leadForce: string; remainingParties: string[] };
}

type Ctx = DecisionContext<BenefitFacts>;
const person = (context: Ctx): Person => ({ personId: context.principal.personId, name: context.principal.name });
const at = (occurredAt: Date) => ({ occurredAt });

/** A benefit's profile as identified: what BenefitIdentified records, less the lead force (taken from the collaboration). */
export type IdentifyBenefit = { kind: 'IdentifyBenefit'; occurredAt: Date } & Omit<BenefitIdentified['data'], 'leadForce'>;

export function identifyBenefit(state: BenefitState, command: IdentifyBenefit, context: Ctx): BenefitEvent[] | LedgerError {
  if (state.status !== 'none') return refuse('BenefitAlreadyIdentified', `benefit ${command.benefitId} already exists`);
  const collaboration = context.facts.collaboration;
  if (!collaboration || collaboration.status === 'none') return notFound('CollaborationNotFound', `There is no collaboration ${command.collaborationId}.`);
  if (collaboration.status === 'terminated') return refuse('CollaborationTerminated', 'the collaboration has been terminated');
  const strangers = command.sharePerForce.filter((s) => !collaboration.remainingParties.includes(s.party)).map((s) => s.party);
  if (strangers.length) return refuse('NotAParty', `${strangers.join(', ')} ${strangers.length === 1 ? 'is not a party' : 'are not parties'}`);
  const total = command.sharePerForce.reduce((sum, s) => sum + Math.round(s.percent * 100), 0);
  if (total !== 10_000) return refuse('SharesDoNotAddUp', `the shares per force add up to ${total / 100}%, not 100%`);
  const { kind: _kind, occurredAt, ...profile } = command;
  return [{ type: 'BenefitIdentified', data: { ...profile, leadForce: collaboration.leadForce }, ...at(occurredAt) }];
}

export interface ApproveBenefitProfile {
  kind: 'ApproveBenefitProfile';
  benefitId: string;
  occurredAt: Date;
}

export function approveBenefitProfile(state: BenefitState, command: ApproveBenefitProfile, context: Ctx): BenefitEvent[] | LedgerError {
  const refusal = refuseUnlessTracked(state, command.benefitId);
  if (refusal) return refusal;
  if (state.status !== 'identified') return refuse('ProfileAlreadyApproved', 'the benefit profile is already approved');
  return [{ type: 'BenefitProfileApproved', data: { approvedBy: person(context) }, ...at(command.occurredAt) }];
}

export interface RecordBenefitMeasurement {
  kind: 'RecordBenefitMeasurement';
  benefitId: string;
  period: string;
  value: number;
  evidence: string;
  /** Required when the period was measured before: the correction is kept beside the first figure. */
  correctionReason?: string;
  occurredAt: Date;
}

export function recordBenefitMeasurement(state: BenefitState, command: RecordBenefitMeasurement, _context: Ctx): BenefitEvent[] | LedgerError {
  const refusal = refuseUnlessTracked(state, command.benefitId);
  if (refusal) return refusal;
  if (state.status === 'identified') return refuse('ProfileNotApproved', 'measure a benefit once its profile is approved');
  const earlier = state.measurements.find((m) => m.period === command.period);
  if (!earlier) {
    if (command.correctionReason) return refuse('NothingToCorrect', `period ${command.period} has no measurement to correct`);
    return [{ type: 'BenefitMeasured', data: { period: command.period, value: command.value, evidence: command.evidence }, ...at(command.occurredAt) }];
  }
  if (!command.correctionReason?.trim()) {
    return refuse('PeriodAlreadyMeasured', `period ${command.period} is measured (${currentValue(earlier)}); give a correctionReason to correct it`, { value: currentValue(earlier) });
  }
  return [
    {
      type: 'BenefitMeasurementCorrected',
      data: { period: command.period, value: command.value, evidence: command.evidence, reason: command.correctionReason, previousValue: currentValue(earlier) },
      ...at(command.occurredAt),
    },
  ];
}

export interface ReviseBenefitTarget {
  kind: 'ReviseBenefitTarget';
  benefitId: string;
  target: number;
  targetDate?: string;
  reason: string;
  occurredAt: Date;
}

export function reviseBenefitTarget(state: BenefitState, command: ReviseBenefitTarget, _context: Ctx): BenefitEvent[] | LedgerError {
  const refusal = refuseUnlessTracked(state, command.benefitId);
  if (refusal) return refusal;
  const targetDate = command.targetDate ?? state.targetDate!;
  if (command.target === state.target && targetDate === state.targetDate) return refuse('TargetUnchanged', 'the revised target and date are the current ones');
  return [{ type: 'BenefitTargetRevised', data: { from: state.target!, to: command.target, targetDate, reason: command.reason }, ...at(command.occurredAt) }];
}

export interface HandBenefitToBusinessAsUsual {
  kind: 'HandBenefitToBusinessAsUsual';
  benefitId: string;
  owner: Person;
  note: string;
  occurredAt: Date;
}

export function handToBusinessAsUsual(state: BenefitState, command: HandBenefitToBusinessAsUsual, _context: Ctx): BenefitEvent[] | LedgerError {
  const refusal = refuseUnlessTracked(state, command.benefitId);
  if (refusal) return refusal;
  if (state.status !== 'approved') return refuse('NotReadyForBusinessAsUsual', `a benefit is handed to business as usual once approved and measured, not while ${state.status}`);
  return [{ type: 'BenefitHandedToBusinessAsUsual', data: { owner: command.owner, note: command.note }, ...at(command.occurredAt) }];
}

export interface RecordPostImplementationReview {
  kind: 'RecordPostImplementationReview';
  benefitId: string;
  findings: string;
  occurredAt: Date;
}

export function recordPostImplementationReview(state: BenefitState, command: RecordPostImplementationReview, _context: Ctx): BenefitEvent[] | LedgerError {
  const refusal = refuseUnlessTracked(state, command.benefitId);
  if (refusal) return refusal;
  return [{ type: 'PostImplementationReviewRecorded', data: { findings: command.findings }, ...at(command.occurredAt) }];
}

export interface CloseBenefit {
  kind: 'CloseBenefit';
  benefitId: string;
  outcome: BenefitOutcome;
  note: string;
  occurredAt: Date;
}

export function closeBenefit(state: BenefitState, command: CloseBenefit, _context: Ctx): BenefitEvent[] | LedgerError {
  const refusal = refuseUnlessTracked(state, command.benefitId);
  if (refusal) return refusal;
  return [{ type: 'BenefitClosed', data: { outcome: command.outcome, note: command.note }, ...at(command.occurredAt) }];
}
