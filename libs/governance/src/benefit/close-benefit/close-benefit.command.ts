import type { Action } from '#identity';
import type { LedgerError } from '#shared-kernel';
import { type DecisionContext } from '../../decider.js';
import type { BenefitEvent, BenefitOutcome } from '../benefit.events.js';
import { type BenefitState, refuseUnlessTracked } from '../benefit.state.js';

export const CLOSE_BENEFIT: Action = { name: 'close-benefit', kind: 'collaboration-work', roles: ['collaboration-manager'] };

export interface CloseBenefit {
  kind: 'CloseBenefit';
  benefitId: string;
  outcome: BenefitOutcome;
  note: string;
  occurredAt: Date;
}

export function closeBenefit(state: BenefitState, command: CloseBenefit, _context: DecisionContext<unknown>): BenefitEvent[] | LedgerError {
  const refusal = refuseUnlessTracked(state, command.benefitId);
  if (refusal) return refusal;
  return [{ type: 'BenefitClosed', data: { outcome: command.outcome, note: command.note }, occurredAt: command.occurredAt }];
}
