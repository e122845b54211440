import type { CollaborationEvent } from '#governance';
import { type Projection, idFromStream } from '../projection.js';
import { RegisterEntry } from './register.entity.js';

type RegisterEvent = Extract<
  CollaborationEvent,
  {
    type:
      | 'CollaborationProposed'
      | 'AgreementSigned'
      | 'AgreementCameIntoForce'
      | 'PurposeRestated'
      | 'LeadForceChanged'
      | 'AnnualBudgetSet'
      | 'AgreementPublished'
      | 'PartyWithdrew'
      | 'CollaborationTerminated'
      | 'CollaborationRiskAppetiteAgreed'
      | 'WithdrawalNoticeGiven'
      | 'WithdrawalNoticeRescinded';
  }
>;

/** 1. The national register: one row per collaboration, as it stands. */
export const registerProjection: Projection<RegisterEntry, RegisterEvent> = {
  name: 'register.v3',
  entity: RegisterEntry,
  groupBy: 'collaborationId',
  eventTypes: [
    'CollaborationProposed',
    'AgreementSigned',
    'AgreementCameIntoForce',
    'PurposeRestated',
    'LeadForceChanged',
    'AnnualBudgetSet',
    'AgreementPublished',
    'PartyWithdrew',
    'CollaborationTerminated',
    'CollaborationRiskAppetiteAgreed',
    'WithdrawalNoticeGiven',
    'WithdrawalNoticeRescinded',
  ],
  groupOf: (event) => idFromStream(event.streamId, 'collaboration'),

  evolve(rows, event) {
    if (event.type === 'CollaborationProposed') {
      const d = event.data;
      return [
        {
          collaborationId: idFromStream(event.streamId, 'collaboration'),
          name: d.name,
          purpose: d.purpose,
          functions: d.functions,
          parties: d.parties,
          withdrawnParties: [],
          withdrawals: [],
          leadForce: d.leadForce,
          status: 'proposed',
          proposedAt: event.occurredAt,
          cameIntoForceAt: null,
          terminatedAt: null,
          publicationLevel: null,
          publicationReason: null,
          budgets: {},
          signatures: 0,
          agreedAppetites: [],
          notices: [],
        },
      ];
    }
    const [entry] = rows;
    if (!entry) return [];
    return [{ ...entry, ...change(entry, event) }];
  },
};

function change(entry: RegisterEntry, event: Exclude<RegisterEvent, { type: 'CollaborationProposed' }> & { globalPosition: number }): Partial<RegisterEntry> {
  switch (event.type) {
    case 'AgreementSigned':
      return { signatures: entry.signatures + 1 };
    case 'AgreementCameIntoForce':
      return { status: 'in-force', cameIntoForceAt: event.occurredAt };
    case 'PurposeRestated':
      return { purpose: event.data.purpose };
    case 'LeadForceChanged':
      return { leadForce: event.data.to };
    case 'AnnualBudgetSet':
      return { budgets: { ...entry.budgets, [event.data.financialYear]: { totalGbp: event.data.totalGbp, contributions: event.data.contributions } } };
    case 'AgreementPublished':
      return { publicationLevel: event.data.level, publicationReason: event.data.reason };
    case 'PartyWithdrew':
      return {
        withdrawnParties: [...entry.withdrawnParties, event.data.party],
        withdrawals: [...(entry.withdrawals ?? []), { party: event.data.party, at: event.occurredAt.toISOString(), position: event.globalPosition }],
      };
    case 'CollaborationTerminated':
      return { status: 'terminated', terminatedAt: event.occurredAt };
    case 'WithdrawalNoticeGiven':
      return {
        notices: [...entry.notices, { party: event.data.party, givenAt: event.occurredAt.toISOString(), effectiveOn: event.data.effectiveOn, rescinded: false, position: event.globalPosition }],
      };
    case 'WithdrawalNoticeRescinded':
      return { notices: entry.notices.map((n) => (n.party === event.data.party && !n.rescinded ? { ...n, rescinded: true } : n)) };
    case 'CollaborationRiskAppetiteAgreed':
      return { agreedAppetites: [...entry.agreedAppetites, { from: event.occurredAt.toISOString(), appetite: event.data.appetite, position: event.globalPosition }] };
  }
}
