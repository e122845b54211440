import type { Action } from '#identity';
import type { LedgerError } from '#shared-kernel';
import { refuseIfActPrecedes } from '../../acts-on.js';
import { type DecisionContext, day, refuse } from '../../decider.js';
import type { BenefitEvent } from '../benefit.events.js';
import { type BenefitState, currentValue, endOfPeriod, latestFigureAt, refuseUnlessTracked } from '../benefit.state.js';

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
  const dates = refuseUnlessPastPeriodSinceBaseline(state, command);
  if (dates) return dates;
  const earlier = state.measurements.find((m) => m.period === command.period);
  if (!earlier) {
    if (command.correctionReason) return refuse('NothingToCorrect', `period ${command.period} has no measurement to correct`);
    return [{ type: 'BenefitMeasured', data: { period: command.period, value: command.value, evidence: command.evidence }, occurredAt: command.occurredAt }];
  }
  if (!command.correctionReason?.trim()) {
    return refuse('PeriodAlreadyMeasured', `period ${command.period} is measured (${currentValue(earlier)}); give a correctionReason to correct it`, { value: currentValue(earlier) });
  }
  // A correction acts on the figure it corrects.
  const correction = refuseIfActPrecedes('the correction', command.occurredAt, `the figure for ${command.period} it corrects`, latestFigureAt(earlier));
  if (correction) return correction;
  return [
    {
      type: 'BenefitMeasurementCorrected',
      data: { period: command.period, value: command.value, evidence: command.evidence, reason: command.correctionReason, previousValue: currentValue(earlier) },
      occurredAt: command.occurredAt,
    },
  ];
}

/**
 * A measurement is of a past period, within the benefit's life:
 *  - the month measured has ended on or before the measurement's date (MeasurementPeriodNotEnded);
 *  - it is not before the baseline: the month the benefit was identified, with its baseline, is the
 *    first that can be measured (MeasurementBeforeBaseline);
 *  - it is dated on or after the profile's approval, which it measures against (ActPrecedesWhatItActsOn).
 */
function refuseUnlessPastPeriodSinceBaseline(state: BenefitState, command: RecordBenefitMeasurement): LedgerError | undefined {
  const ends = endOfPeriod(command.period);
  if (command.occurredAt.getTime() < ends.getTime()) {
    return refuse('MeasurementPeriodNotEnded', `period ${command.period} ends on ${day(new Date(ends.getTime() - 1))}; a measurement dated ${day(command.occurredAt)} cannot measure it yet`, {
      period: command.period,
      periodEndsAt: ends.toISOString(),
      occurredAt: command.occurredAt.toISOString(),
    });
  }
  const baselineMonth = state.identifiedAt!.slice(0, 7);
  if (command.period < baselineMonth) {
    return refuse('MeasurementBeforeBaseline', `period ${command.period} is before the baseline, set when the benefit was identified on ${state.identifiedAt!.slice(0, 10)}`, {
      period: command.period,
      baselineAt: state.identifiedAt,
    });
  }
  return refuseIfActPrecedes('the measurement', command.occurredAt, 'the approval of the benefit profile', state.approvedAt);
}
