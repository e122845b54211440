import { deciderOf } from '../decider.js';
import { APPROVE_BENEFIT_PROFILE, type ApproveBenefitProfile, approveBenefitProfile } from './approve-benefit-profile/approve-benefit-profile.command.js';
import type { BenefitEvent } from './benefit.events.js';
import { type BenefitState, evolveBenefit, initialBenefitState } from './benefit.state.js';
import { CLOSE_BENEFIT, type CloseBenefit, closeBenefit } from './close-benefit/close-benefit.command.js';
import { HAND_BENEFIT_TO_BUSINESS_AS_USUAL, type HandBenefitToBusinessAsUsual, handToBusinessAsUsual } from './hand-benefit-to-business-as-usual/hand-benefit-to-business-as-usual.command.js';
import { type BenefitFacts, IDENTIFY_BENEFIT, type IdentifyBenefit, identifyBenefit } from './identify-benefit/identify-benefit.command.js';
import { RECORD_BENEFIT_MEASUREMENT, type RecordBenefitMeasurement, recordBenefitMeasurement } from './record-benefit-measurement/record-benefit-measurement.command.js';
import { RECORD_POST_IMPLEMENTATION_REVIEW, type RecordPostImplementationReview, recordPostImplementationReview } from './record-post-implementation-review/record-post-implementation-review.command.js';
import { REVISE_BENEFIT_TARGET, type ReviseBenefitTarget, reviseBenefitTarget } from './revise-benefit-target/revise-benefit-target.command.js';

export type BenefitCommand =
  | IdentifyBenefit
  | ApproveBenefitProfile
  | RecordBenefitMeasurement
  | ReviseBenefitTarget
  | HandBenefitToBusinessAsUsual
  | RecordPostImplementationReview
  | CloseBenefit;

/** A benefit of a collaboration, tracked against plan (the benefits-tracking methodology). */
export const benefitDecider = deciderOf<BenefitState, BenefitCommand, BenefitEvent, BenefitFacts>(initialBenefitState, evolveBenefit, {
  IdentifyBenefit: { action: IDENTIFY_BENEFIT, decide: identifyBenefit },
  ApproveBenefitProfile: { action: APPROVE_BENEFIT_PROFILE, decide: approveBenefitProfile },
  RecordBenefitMeasurement: { action: RECORD_BENEFIT_MEASUREMENT, decide: recordBenefitMeasurement },
  ReviseBenefitTarget: { action: REVISE_BENEFIT_TARGET, decide: reviseBenefitTarget },
  HandBenefitToBusinessAsUsual: { action: HAND_BENEFIT_TO_BUSINESS_AS_USUAL, decide: handToBusinessAsUsual },
  RecordPostImplementationReview: { action: RECORD_POST_IMPLEMENTATION_REVIEW, decide: recordPostImplementationReview },
  CloseBenefit: { action: CLOSE_BENEFIT, decide: closeBenefit },
}, 'benefit');
