import type { Decider } from '../decider.js';
import {
  type ApproveBenefitProfile,
  type BenefitFacts,
  type CloseBenefit,
  type HandBenefitToBusinessAsUsual,
  type IdentifyBenefit,
  type RecordBenefitMeasurement,
  type RecordPostImplementationReview,
  type ReviseBenefitTarget,
  approveBenefitProfile,
  closeBenefit,
  handToBusinessAsUsual,
  identifyBenefit,
  recordBenefitMeasurement,
  recordPostImplementationReview,
  reviseBenefitTarget,
} from './benefit.commands.js';
import type { BenefitEvent } from './benefit.events.js';
import { type BenefitState, evolveBenefit, initialBenefitState } from './benefit.state.js';

export type BenefitCommand =
  | IdentifyBenefit
  | ApproveBenefitProfile
  | RecordBenefitMeasurement
  | ReviseBenefitTarget
  | HandBenefitToBusinessAsUsual
  | RecordPostImplementationReview
  | CloseBenefit;

export const benefitDecider: Decider<BenefitState, BenefitCommand, BenefitEvent, BenefitFacts> = {
  initialState: initialBenefitState,
  evolve: evolveBenefit,
  decide: (state, command, context) => {
    switch (command.kind) {
      case 'IdentifyBenefit': return identifyBenefit(state, command, context);
      case 'ApproveBenefitProfile': return approveBenefitProfile(state, command, context);
      case 'RecordBenefitMeasurement': return recordBenefitMeasurement(state, command, context);
      case 'ReviseBenefitTarget': return reviseBenefitTarget(state, command, context);
      case 'HandBenefitToBusinessAsUsual': return handToBusinessAsUsual(state, command, context);
      case 'RecordPostImplementationReview': return recordPostImplementationReview(state, command, context);
      case 'CloseBenefit': return closeBenefit(state, command, context);
    }
  },
};
