import type { Action } from '#identity';
import type { LedgerError } from '#shared-kernel';
import { refuseIfActPrecedes } from '../../acts-on.js';
import { type DecisionContext, refuse } from '../../decider.js';
import type { Person } from '../../office/office.events.js';
import type { BenefitEvent } from '../benefit.events.js';
import { type BenefitState, refuseUnlessTracked } from '../benefit.state.js';

export const HAND_BENEFIT_TO_BUSINESS_AS_USUAL: Action = { name: 'hand-benefit-to-business-as-usual', kind: 'collaboration-work', roles: ['collaboration-manager'] };

export interface HandBenefitToBusinessAsUsual {
  kind: 'HandBenefitToBusinessAsUsual';
  benefitId: string;
  owner: Person;
  note: string;
  occurredAt: Date;
}

export function handToBusinessAsUsual(state: BenefitState, command: HandBenefitToBusinessAsUsual, _context: DecisionContext<unknown>): BenefitEvent[] | LedgerError {
  const refusal = refuseUnlessTracked(state, command.benefitId);
  if (refusal) return refusal;
  if (state.status !== 'approved') return refuse('NotReadyForBusinessAsUsual', `a benefit is handed to business as usual once approved and measured, not while ${state.status}`);
  const dated = refuseIfActPrecedes('the handover to business as usual', command.occurredAt, 'the approval of the benefit profile', state.approvedAt);
  if (dated) return dated;
  return [{ type: 'BenefitHandedToBusinessAsUsual', data: { owner: command.owner, note: command.note }, occurredAt: command.occurredAt }];
}
