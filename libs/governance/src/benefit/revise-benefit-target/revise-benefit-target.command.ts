import type { Action } from '#identity';
import type { LedgerError } from '#shared-kernel';
import { latestOf, refuseIfActPrecedes } from '../../acts-on.js';
import { type DecisionContext, refuse } from '../../decider.js';
import type { BenefitEvent } from '../benefit.events.js';
import { type BenefitState, refuseUnlessTracked } from '../benefit.state.js';

export const REVISE_BENEFIT_TARGET: Action = { name: 'revise-benefit-target', kind: 'collaboration-work', roles: ['collaboration-manager'] };

export interface ReviseBenefitTarget {
  kind: 'ReviseBenefitTarget';
  benefitId: string;
  target: number;
  targetDate?: string;
  reason: string;
  occurredAt: Date;
}

export function reviseBenefitTarget(state: BenefitState, command: ReviseBenefitTarget, _context: DecisionContext<unknown>): BenefitEvent[] | LedgerError {
  const refusal = refuseUnlessTracked(state, command.benefitId);
  if (refusal) return refusal;
  // It revises the target as it then stood: dated on or after the identification and any earlier revision.
  const revised = state.targetRevisions.length > 0;
  const dated = refuseIfActPrecedes('the target revision', command.occurredAt, revised ? 'the earlier target revision' : 'the identification of the benefit', latestOf([state.identifiedAt, ...state.targetRevisions.map((r) => r.at)]));
  if (dated) return dated;
  const targetDate = command.targetDate ?? state.targetDate!;
  if (command.target === state.target && targetDate === state.targetDate) return refuse('TargetUnchanged', 'the revised target and date are the current ones');
  return [{ type: 'BenefitTargetRevised', data: { from: state.target!, to: command.target, targetDate, reason: command.reason }, occurredAt: command.occurredAt }];
}
