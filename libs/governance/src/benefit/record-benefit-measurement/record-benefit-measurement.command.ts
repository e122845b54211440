import type { Action } from '#identity';
import type { LedgerError } from '#shared-kernel';
import { type DecisionContext, refuse } from '../../decider.js';
import type { BenefitEvent } from '../benefit.events.js';
import { type BenefitState, currentValue, refuseUnlessTracked } from '../benefit.state.js';

export const RECORD_BENEFIT_MEASUREMENT: Action = { name: 'record-benefit-measurement', kind: 'collaboration-work', roles: ['collaboration-manager'] };

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

export function recordBenefitMeasurement(state: BenefitState, command: RecordBenefitMeasurement, _context: DecisionContext<unknown>): BenefitEvent[] | LedgerError {
  const refusal = refuseUnlessTracked(state, command.benefitId);
  if (refusal) return refusal;
  if (state.status === 'identified') return refuse('ProfileNotApproved', 'measure a benefit once its profile is approved');
  const earlier = state.measurements.find((m) => m.period === command.period);
  if (!earlier) {
    if (command.correctionReason) return refuse('NothingToCorrect', `period ${command.period} has no measurement to correct`);
    return [{ type: 'BenefitMeasured', data: { period: command.period, value: command.value, evidence: command.evidence }, occurredAt: command.occurredAt }];
  }
  if (!command.correctionReason?.trim()) {
    return refuse('PeriodAlreadyMeasured', `period ${command.period} is measured (${currentValue(earlier)}); give a correctionReason to correct it`, { value: currentValue(earlier) });
  }
  return [
    {
      type: 'BenefitMeasurementCorrected',
      data: { period: command.period, value: command.value, evidence: command.evidence, reason: command.correctionReason, previousValue: currentValue(earlier) },
      occurredAt: command.occurredAt,
    },
  ];
}
