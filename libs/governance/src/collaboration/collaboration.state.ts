import { LedgerError } from '#shared-kernel';
import { notFound, refuse } from '../decider.js';
import type { Office, Person } from '../office/office.events.js';
import type {
  AgreementPublished,
  AnnualBudgetSet,
  CollaborationEvent,
  CollaborationProposed,
  CollaborationRiskAppetiteAgreed,
  DelegationRule,
  DirectionIssued,
  ReviewCompleted,
  Signature,
} from './collaboration.events.js';

export type CollaborationStatus = 'none' | 'proposed' | 'in-force' | 'terminated';

export interface Variation {
  variationId: string;
  summary: string;
  changes: string;
  proposedAt: string;
  signatures: Signature[];
  agreedAt: string | null;
}

export interface CollaborationState {
  status: CollaborationStatus;
  terms?: CollaborationProposed['data'];
  proposedAt?: Date;
  signatures: Signature[];
  cameIntoForceAt?: Date;
  purposeHistory: Array<{ purpose: string; from: string; reason: string | null }>;
  variations: Variation[];
  delegationScheme: DelegationRule[] | null;
  riskAppetite: CollaborationRiskAppetiteAgreed['data'] | null;
  budgets: AnnualBudgetSet['data'][];
  publication: (AgreementPublished['data'] & { publishedAt: string }) | null;
  withdrawalNotices: Array<{ party: string; reason: string; effectiveOn: string; givenAt: string; rescinded: boolean }>;
  withdrawnParties: string[];
  reviews: Array<ReviewCompleted['data'] & { completedAt: string }>;
  directions: Array<DirectionIssued['data'] & { issuedAt: string }>;
  keyRoles: Record<string, { person: Person; trainedInCollaboration: boolean; trainedInChangeManagement: boolean; since: string }>;
  terminatedAt?: Date;
}

export const initialCollaborationState: CollaborationState = {
  status: 'none',
  signatures: [],
  purposeHistory: [],
  variations: [],
  delegationScheme: null,
  riskAppetite: null,
  budgets: [],
  publication: null,
  withdrawalNotices: [],
  withdrawnParties: [],
  reviews: [],
  directions: [],
  keyRoles: {},
};

export function evolveCollaboration(state: CollaborationState, event: CollaborationEvent): CollaborationState {
  const at = event.occurredAt.toISOString();
  switch (event.type) {
    case 'CollaborationProposed':
      return {
        ...state,
        status: 'proposed',
        terms: event.data,
        proposedAt: event.occurredAt,
        purposeHistory: [{ purpose: event.data.purpose, from: at, reason: null }],
      };
    case 'AgreementSigned':
      return { ...state, signatures: [...state.signatures, { ...event.data, signedAt: at }] };
    case 'AgreementCameIntoForce':
      return { ...state, status: 'in-force', cameIntoForceAt: event.occurredAt };
    case 'WithdrawalNoticeGiven':
      return {
        ...state,
        withdrawalNotices: [
          ...state.withdrawalNotices,
          { party: event.data.party, reason: event.data.reason, effectiveOn: event.data.effectiveOn, givenAt: at, rescinded: false },
        ],
      };
    case 'WithdrawalNoticeRescinded':
      return {
        ...state,
        withdrawalNotices: state.withdrawalNotices.map((n) => (n.party === event.data.party && !n.rescinded ? { ...n, rescinded: true } : n)),
      };
    case 'PartyWithdrew':
      return { ...state, withdrawnParties: [...state.withdrawnParties, event.data.party] };
    case 'PurposeRestated':
      return {
        ...state,
        terms: { ...state.terms!, purpose: event.data.purpose },
        purposeHistory: [...state.purposeHistory, { purpose: event.data.purpose, from: at, reason: event.data.reason }],
      };
    case 'VariationProposed':
      return {
        ...state,
        variations: [...state.variations, { variationId: event.data.variationId, summary: event.data.summary, changes: event.data.changes, proposedAt: at, signatures: [], agreedAt: null }],
      };
    case 'VariationSigned':
      return {
        ...state,
        variations: state.variations.map((v) =>
          v.variationId === event.data.variationId
            ? { ...v, signatures: [...v.signatures, { party: event.data.party, role: event.data.role, signatory: event.data.signatory, signedAt: at }] }
            : v,
        ),
      };
    case 'VariationAgreed':
      return { ...state, variations: state.variations.map((v) => (v.variationId === event.data.variationId ? { ...v, agreedAt: at } : v)) };
    case 'LeadForceChanged':
      return { ...state, terms: { ...state.terms!, leadForce: event.data.to } };
    case 'DelegationSchemeAdopted':
      return { ...state, delegationScheme: event.data.rules };
    case 'CollaborationRiskAppetiteAgreed':
      return { ...state, riskAppetite: event.data };
    case 'AnnualBudgetSet':
      return { ...state, budgets: [...state.budgets.filter((b) => b.financialYear !== event.data.financialYear), event.data] };
    case 'AgreementPublished':
      return { ...state, publication: { ...event.data, publishedAt: at } };
    case 'ReviewCompleted':
      return { ...state, reviews: [...state.reviews, { ...event.data, completedAt: at }] };
    case 'DirectionIssued':
      return { ...state, directions: [...state.directions, { ...event.data, issuedAt: at }] };
    case 'CollaborationTerminated':
      return { ...state, status: 'terminated', terminatedAt: event.occurredAt };
    case 'KeyRoleStaffed':
      return {
        ...state,
        keyRoles: {
          ...state.keyRoles,
          [event.data.keyRole]: {
            person: event.data.person,
            trainedInCollaboration: event.data.trainedInCollaboration,
            trainedInChangeManagement: event.data.trainedInChangeManagement,
            since: at,
          },
        },
      };
    default:
      return state;
  }
}

export const hasSigned = (state: CollaborationState, party: string, role: Office) =>
  state.signatures.some((s) => s.party === party && s.role === role);

/** s22A(3): every party's chief officer and policing body. */
export const allPartiesSigned = (state: CollaborationState) =>
  (state.terms?.parties ?? []).every((party) => hasSigned(state, party, 'chief-officer') && hasSigned(state, party, 'policing-body'));

/** The parties that have not withdrawn. */
export const remainingParties = (state: CollaborationState) => (state.terms?.parties ?? []).filter((p) => !state.withdrawnParties.includes(p));

export const outstandingNotice = (state: CollaborationState, party: string) => state.withdrawalNotices.find((n) => n.party === party && !n.rescinded);

/** Nothing happens to a collaboration that does not exist. */
export function refuseUnlessExists(state: CollaborationState, collaborationId: string): LedgerError | undefined {
  return state.status === 'none' ? notFound('CollaborationNotFound', `There is no collaboration ${collaborationId}.`) : undefined;
}

/** Nothing happens to a collaboration that does not exist, or after its termination (it can only be read). */
export function refuseUnlessActive(state: CollaborationState, collaborationId: string): LedgerError | undefined {
  const missing = refuseUnlessExists(state, collaborationId);
  if (missing) return missing;
  if (state.status === 'terminated') return refuse('CollaborationTerminated', 'the collaboration has been terminated: it can only be read');
  return undefined;
}

/** Refuses a force that is not (or no longer) a party. */
export function refuseUnlessRemainingParty(state: CollaborationState, party: string): LedgerError | undefined {
  if (!state.terms!.parties.includes(party)) return refuse('NotAParty', `${party} is not a party to ${state.terms!.name}`, { party });
  if (state.withdrawnParties.includes(party)) return refuse('PartyHasWithdrawn', `${party} has withdrawn from ${state.terms!.name} and acts in it no more`, { party });
  return undefined;
}
