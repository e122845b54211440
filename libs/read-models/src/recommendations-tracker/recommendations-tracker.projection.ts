import type { RecommendationEvent } from '#governance';
import { type Projection, idFromStream } from '../projection.js';
import { RecommendationTrack } from './recommendations-tracker.entity.js';

type TrackedEvent = Extract<
  RecommendationEvent,
  { type: 'RecommendationRaised' | 'DueDateRevised' | 'EvidenceSubmitted' | 'ClosureProposed' | 'ClosureAccepted' | 'ClosureRejected' | 'PolicingBodyResponsePublished' }
>;

/** 8. The recommendations tracker: open, overdue, slipped, closed with evidence. */
export const recommendationsProjection: Projection<RecommendationTrack, TrackedEvent> = {
  name: 'recommendations.v3',
  entity: RecommendationTrack,
  groupBy: 'recommendationId',
  eventTypes: ['RecommendationRaised', 'DueDateRevised', 'EvidenceSubmitted', 'ClosureProposed', 'ClosureAccepted', 'ClosureRejected', 'PolicingBodyResponsePublished'],
  groupOf: (event) => idFromStream(event.streamId, 'recommendation'),

  evolve(rows, event) {
    if (event.type === 'RecommendationRaised') {
      const d = event.data;
      return [
        {
          recommendationId: idFromStream(event.streamId, 'recommendation'),
          addressedTo: d.addressedTo,
          collaborationId: d.collaborationId,
          kind: d.kind,
          source: d.source,
          reference: d.reference,
          text: d.text,
          originalDueDate: d.dueDate,
          dueDate: d.dueDate,
          slips: 0,
          slipEvents: [],
          evidenceItems: 0,
          status: 'open',
          closedAt: null,
          addresseeKind: d.addresseeKind,
          reportPublishedOn: d.reportPublishedOn,
          responseDeadline: d.responseDeadline,
          responsePublishedAt: null,
          responseLate: null,
          eventPositions: [event.globalPosition],
        },
      ];
    }
    const [before] = rows;
    if (!before) return [];
    const entry = { ...before, eventPositions: [...before.eventPositions, event.globalPosition] };
    switch (event.type) {
      case 'DueDateRevised': {
        const { from, to } = event.data;
        // A later date is a slip; an earlier one is not, and is not counted as one.
        const slipped = to > from ? { slips: entry.slips + 1, slipEvents: [...entry.slipEvents, { at: event.occurredAt.toISOString(), from, to, position: event.globalPosition }] } : {};
        return [{ ...entry, ...slipped, dueDate: to }];
      }
      case 'EvidenceSubmitted':
        return [{ ...entry, evidenceItems: entry.evidenceItems + 1 }];
      case 'ClosureProposed':
        return [{ ...entry, status: 'closure-proposed' }];
      case 'ClosureRejected':
        return [{ ...entry, status: 'open' }];
      case 'ClosureAccepted':
        return [{ ...entry, status: 'closed', closedAt: event.occurredAt }];
      case 'PolicingBodyResponsePublished':
        return [{ ...entry, responsePublishedAt: event.occurredAt, responseLate: event.data.late }];
    }
  },
};
