import type { AnnualBudget, CollaborationEvent } from '#governance';
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
      | 'WithdrawalNoticeRescinded'
      | 'VariationAgreed';
  }
>;

/** 1. The national register: one row per collaboration, as it stands. */
export const registerProjection: Projection<RegisterEntry, RegisterEvent> = {
  name: 'register.v4',
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
    'VariationAgreed',
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
          budgets: d.annualBudget ? withBudget({}, d.annualBudget) : {},
          signatures: 0,
          agreedAppetites: [],
          notices: [],
          proposedTerms: { publication: d.publication, riskAppetite: d.riskAppetite },
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
    case 'AgreementCameIntoForce': {
      // The proposal's publication (s23E) and risk appetite apply from the day the agreement is made.
      const { publication, riskAppetite } = entry.proposedTerms ?? { publication: null, riskAppetite: null };
      return {
        status: 'in-force',
        cameIntoForceAt: event.occurredAt,
        ...(publication ? { publicationLevel: publication.level, publicationReason: publication.reason } : {}),
        ...(riskAppetite ? { agreedAppetites: [...entry.agreedAppetites, { from: event.occurredAt.toISOString(), appetite: riskAppetite.appetite, position: event.globalPosition }] } : {}),
      };
    }
    case 'VariationAgreed': {
      // s23C(4): the terms the variation changes, from its last signature.
      const t = event.data.terms;
      return {
        ...(t.functions ? { functions: t.functions } : {}),
        ...(t.leadForce ? { leadForce: t.leadForce } : {}),
        ...(t.annualBudget ? { budgets: withBudget(entry.budgets, t.annualBudget) } : {}),
        ...(t.publication ? { publicationLevel: t.publication.level, publicationReason: t.publication.reason } : {}),
        ...(t.riskAppetite ? { agreedAppetites: [...entry.agreedAppetites, { from: event.occurredAt.toISOString(), appetite: t.riskAppetite.appetite, position: event.globalPosition }] } : {}),
      };
    }
    case 'PurposeRestated':
      return { purpose: event.data.purpose };
    case 'LeadForceChanged':
      return { leadForce: event.data.to };
    case 'AnnualBudgetSet':
      return { budgets: withBudget(entry.budgets, event.data) };
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

/** The register's budgets by financial year, with this year's budget set (a later one for the same year replaces it). */
const withBudget = (budgets: RegisterEntry['budgets'], b: AnnualBudget): RegisterEntry['budgets'] => ({ ...budgets, [b.financialYear]: { totalGbp: b.totalGbp, contributions: b.contributions } });
