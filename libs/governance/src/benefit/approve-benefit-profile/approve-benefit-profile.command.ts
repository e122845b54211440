import type { Action } from '#identity';
import type { LedgerError } from '#shared-kernel';
import { refuseIfActPrecedes } from '../../acts-on.js';
import { type DecisionContext, refuse, personOf } from '../../decider.js';
import type { BenefitEvent } from '../benefit.events.js';
import { type BenefitState, refuseUnlessTracked } from '../benefit.state.js';

export const APPROVE_BENEFIT_PROFILE: Action = { name: 'approve-benefit-profile', kind: 'force-act', roles: ['chief-officer'] };

export interface ApproveBenefitProfile {
  kind: 'ApproveBenefitProfile';
  benefitId: string;
  occurredAt: Date;
}

export function approveBenefitProfile(state: BenefitState, command: ApproveBenefitProfile, context: DecisionContext<unknown>): BenefitEvent[] | LedgerError {
  const refusal = refuseUnlessTracked(state, command.benefitId);
  if (refusal) return refusal;
  if (state.status !== 'identified') return refuse('ProfileAlreadyApproved', 'the benefit profile is already approved');
  const dated = refuseIfActPrecedes('the approval of the profile', command.occurredAt, 'the identification of the benefit', state.identifiedAt);
  if (dated) return dated;
  return [{ type: 'BenefitProfileApproved', data: { approvedBy: personOf(context) }, occurredAt: command.occurredAt }];
}
