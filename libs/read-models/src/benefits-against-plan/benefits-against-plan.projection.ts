import type { BenefitEvent } from '#governance';
import { type Projection, idFromStream } from '../projection.js';
import { BenefitAgainstPlan } from './benefits-against-plan.entity.js';

/** 7. Benefits against plan: original and current target, monthly figures, corrections, revisions. */
export const benefitsProjection: Projection<BenefitAgainstPlan, BenefitEvent> = {
  name: 'benefits.v4', // v4: indexed by collaboration_id
  entity: BenefitAgainstPlan,
  groupBy: 'benefitId',
  eventTypes: [
    'BenefitIdentified',
    'BenefitProfileApproved',
    'BenefitMeasured',
    'BenefitMeasurementCorrected',
    'BenefitTargetRevised',
    'BenefitHandedToBusinessAsUsual',
    'PostImplementationReviewRecorded',
    'BenefitClosed',
  ],
  groupOf: (event) => idFromStream(event.streamId, 'benefit'),

  evolve(rows, event) {
    if (event.type === 'BenefitIdentified') {
      const d = event.data;
      return [
        {
          benefitId: idFromStream(event.streamId, 'benefit'),
          collaborationId: d.collaborationId,
          title: d.title,
          category: d.category,
          unit: d.unit,
          measureKind: d.measureKind,
          baseline: d.baseline,
          sharePerForce: d.sharePerForce,
          originalTarget: d.target,
          target: d.target,
          targetDate: d.targetDate,
          status: 'identified',
          outcome: null,
          measurements: {},
          corrections: 0,
          targetRevisions: 0,
          eventPositions: [event.globalPosition],
        },
      ];
    }
    const [before] = rows;
    if (!before) return [];
    const entry = { ...before, eventPositions: [...before.eventPositions, event.globalPosition] };
    switch (event.type) {
      case 'BenefitProfileApproved':
        return [{ ...entry, status: 'approved' }];
      case 'BenefitMeasured':
        return [{ ...entry, measurements: { ...entry.measurements, [event.data.period]: event.data.value } }];
      case 'BenefitMeasurementCorrected':
        return [{ ...entry, measurements: { ...entry.measurements, [event.data.period]: event.data.value }, corrections: entry.corrections + 1 }];
      case 'BenefitTargetRevised':
        return [{ ...entry, target: event.data.to, targetDate: event.data.targetDate, targetRevisions: entry.targetRevisions + 1 }];
      case 'BenefitHandedToBusinessAsUsual':
        return [{ ...entry, status: 'business-as-usual' }];
      case 'BenefitClosed':
        return [{ ...entry, status: 'closed', outcome: event.data.outcome }];
      case 'PostImplementationReviewRecorded':
        return [entry];
    }
  },
};
