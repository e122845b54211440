import type { Action } from '#identity';
import type { LedgerError } from '#shared-kernel';
import { refuseIfActPrecedes } from '../../acts-on.js';
import { type DecisionContext, refuse } from '../../decider.js';
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
  const refusal = refuseUnlessTracked(state, command.benefitId) ?? refuseIfActPrecedes('the closure', command.occurredAt, 'the identification of the benefit', state.identifiedAt);
  if (refusal) return refusal;
  // Realised is a finding from measurements: at least one, dated on or before the closure.
  if (command.outcome === 'realised' && !state.measurements.some((m) => new Date(m.recordedFor) <= command.occurredAt)) {
    return refuse('NoMeasurementsToRealise', 'a benefit is closed as realised on the evidence of its measurements, and none is recorded on or before the closure: measure it first, or close it as partly or not realised', {
      measurements: state.measurements.length,
    });
  }
  return [{ type: 'BenefitClosed', data: { outcome: command.outcome, note: command.note }, occurredAt: command.occurredAt }];
}
