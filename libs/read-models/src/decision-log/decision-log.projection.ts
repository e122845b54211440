import type { DecisionEvent } from '#governance';
import { type Projection, days, idFromStream } from '../projection.js';
import { DecisionLogEntry } from './decision-log.entity.js';

/** 4. The decision log: approvals, time to decide, escalations, urgency and ratification. */
export const decisionLogProjection: Projection<DecisionLogEntry, DecisionEvent> = {
  name: 'decision-log.v4', // v4: indexed by collaboration_id
  entity: DecisionLogEntry,
  groupBy: 'decisionId',
  eventTypes: ['DecisionProposed', 'DecisionApproved', 'DecisionRejected', 'DecisionTaken', 'DecisionEscalated', 'DecisionTakenUnderUrgency', 'DecisionRatified', 'DecisionRescinded'],
  groupOf: (event) => idFromStream(event.streamId, 'decision'),

  evolve(rows, event) {
    if (event.type === 'DecisionProposed') {
      const d = event.data;
      return [
        {
          decisionId: idFromStream(event.streamId, 'decision'),
          collaborationId: d.collaborationId,
          title: d.title,
          category: d.category,
          valueGbp: d.valueGbp,
          leadForce: d.leadForce,
          basis: d.basis,
          status: 'open',
          proposedAt: event.occurredAt,
          decidedAt: null,
          daysToDecide: null,
          escalations: 0,
          escalationsRequired: 0,
          escalationsChosen: 0,
          takenUnderDelegation: false,
          urgent: false,
          ratified: false,
          approvals: [],
          rejections: [],
          eventPositions: [event.globalPosition],
        },
      ];
    }
    const [before] = rows;
    if (!before) return [];
    const entry = { ...before, eventPositions: [...before.eventPositions, event.globalPosition] };
    const decided = { decidedAt: event.occurredAt, daysToDecide: days(entry.proposedAt, event.occurredAt) };
    switch (event.type) {
      case 'DecisionEscalated':
        return [
          {
            ...entry,
            escalations: entry.escalations + 1,
            // Required by the scheme (recorded with the proposal) or chosen by the proposer (EscalateDecision).
            ...(event.data.automatic ? { escalationsRequired: entry.escalationsRequired + 1 } : { escalationsChosen: entry.escalationsChosen + 1 }),
            basis: event.data.to,
          },
        ];
      case 'DecisionApproved':
        return [{ ...entry, approvals: [...entry.approvals, { party: event.data.party, role: event.data.role, approver: event.data.approver, at: event.occurredAt }] }];
      case 'DecisionRejected': {
        const { party, role, approver, reason } = event.data;
        return [{ ...entry, rejections: [...entry.rejections, { party, role, approver, reason, at: event.occurredAt }], status: 'rejected', ...decided }];
      }
      case 'DecisionTaken':
        return [{ ...entry, status: 'taken', takenUnderDelegation: event.data.basis === 'lead-force-alone', ...decided }];
      case 'DecisionTakenUnderUrgency':
        return [{ ...entry, status: 'taken-under-urgency', urgent: true, ...decided }];
      case 'DecisionRatified':
        return [event.data.complete ? { ...entry, status: 'ratified', ratified: true } : entry];
      case 'DecisionRescinded':
        return [{ ...entry, status: 'rescinded' }];
    }
  },
};
