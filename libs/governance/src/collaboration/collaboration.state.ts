import { LedgerError } from '#shared-kernel';
import { notFound, refuse } from '../decider.js';
import type { Person } from '../office/office.events.js';
import type { CollaborationEvent, CollaborationProposed, DirectionIssued, ReviewCompleted, Signature, SignatoryRole } from './collaboration.events.js';
import { type AgreedRiskAppetite, type AnnualBudget, type DelegationRule, type Publication, type TermsChange, applyTermsChange } from './terms.js';

export type CollaborationStatus = 'none' | 'proposed' | 'in-force' | 'terminated';

export interface Variation {
  variationId: string;
  summary: string;
  changes: string;
  /** What it changes once agreed (terms.ts); empty for variations recorded before terms could be varied. */
  terms: TermsChange;
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
  /** The terms in force (or proposed), kept beside `terms` as the views have always shown them. */
  delegationScheme: DelegationRule[] | null;
  riskAppetite: AgreedRiskAppetite | null;
  budgets: AnnualBudget[];
  publication: (Publication & { publishedAt: string }) | null;
  /** An end the parties agreed by a variation (s23C(5)), from this date. */
  agreedEnd: { endsOn: string; variationId: string } | null;
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
  agreedEnd: null,
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
        delegationScheme: event.data.delegationScheme.length > 0 ? event.data.delegationScheme : null,
        riskAppetite: event.data.riskAppetite,
        budgets: event.data.annualBudget ? [event.data.annualBudget] : [],
      };
    case 'AgreementSigned':
      return { ...state, signatures: [...state.signatures, { ...event.data, signedAt: at }] };
    case 'AgreementCameIntoForce':
      // The agreed publication (s23E) applies from the day the agreement is made.
      return { ...state, status: 'in-force', cameIntoForceAt: event.occurredAt, publication: state.terms?.publication ? { ...state.terms.publication, publishedAt: at } : state.publication };
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
        variations: [
          ...state.variations,
          { variationId: event.data.variationId, summary: event.data.summary, changes: event.data.changes, terms: event.data.terms, proposedAt: at, signatures: [], agreedAt: null },
        ],
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
      return agreeVariation(state, event.data.variationId, event.data.terms, at);
    case 'LeadForceChanged':
      return { ...state, terms: { ...state.terms!, leadForce: event.data.to } };
    case 'DelegationSchemeAdopted':
      return { ...state, delegationScheme: event.data.rules };
    case 'CollaborationRiskAppetiteAgreed':
      return { ...state, riskAppetite: event.data };
    case 'AnnualBudgetSet':
      return { ...state, budgets: withBudget(state.budgets, event.data) };
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

/** The budgets by financial year, with this one set: a later budget for the same year replaces the earlier. */
const withBudget = (budgets: AnnualBudget[], budget: AnnualBudget) => [...budgets.filter((b) => b.financialYear !== budget.financialYear), budget];

/** s23C(4): from the date of its last signature, the variation's terms are the agreement's. */
function agreeVariation(state: CollaborationState, variationId: string, change: TermsChange, at: string): CollaborationState {
  const variations = state.variations.map((v) => (v.variationId === variationId ? { ...v, agreedAt: at } : v));
  if (!state.terms) return { ...state, variations };
  const terms = applyTermsChange(state.terms, change);
  return {
    ...state,
    variations,
    terms,
    delegationScheme: change.delegationScheme ? (change.delegationScheme.length > 0 ? change.delegationScheme : null) : state.delegationScheme,
    riskAppetite: change.riskAppetite !== undefined ? change.riskAppetite : state.riskAppetite,
    budgets: change.annualBudget ? withBudget(state.budgets, change.annualBudget) : state.budgets,
    publication: change.publication !== undefined ? (change.publication ? { ...change.publication, publishedAt: at } : null) : state.publication,
    agreedEnd: change.endsOn ? { endsOn: change.endsOn, variationId } : state.agreedEnd,
  };
}

export const hasSigned = (state: CollaborationState, party: string, role: SignatoryRole) =>
  state.signatures.some((s) => s.party === party && s.role === role);

/** The parties that have not withdrawn: forces, then other parties (s22A(6)). */
export const remainingParties = (state: CollaborationState) => (state.terms?.parties ?? []).filter((p) => !state.withdrawnParties.includes(p));
export const remainingOtherParties = (state: CollaborationState) => (state.terms?.otherParties ?? []).filter((p) => !state.withdrawnParties.includes(p.partyId));

/** Who must sign for every remaining party: each force's chief officer and policing body (s22A(3)), each other party's signatory (s22A(6)). */
export function requiredSignatories(state: CollaborationState): Array<{ party: string; role: SignatoryRole }> {
  return [
    ...remainingParties(state).flatMap((party) => [
      { party, role: 'chief-officer' as const },
      { party, role: 'policing-body' as const },
    ]),
    ...remainingOtherParties(state).map((p) => ({ party: p.partyId, role: 'authorised-signatory' as const })),
  ];
}

/** Whether these signatures are those of every remaining party. */
export const signedByAll = (state: CollaborationState, signatures: readonly Pick<Signature, 'party' | 'role'>[]) =>
  requiredSignatories(state).every((r) => signatures.some((s) => s.party === r.party && s.role === r.role));

/** s22A(3): the agreement is made when every remaining party has signed it. */
export const allPartiesSigned = (state: CollaborationState) => signedByAll(state, state.signatures);

/** The instant of the latest of these signatures: when an agreement or a variation is made. */
export const lastSignedAt = (signatures: readonly Pick<Signature, 'signedAt'>[]) => new Date(Math.max(...signatures.map((s) => Date.parse(s.signedAt))));

/** The party named, a force or another party, if it is one of this agreement's. */
export const isParty = (state: CollaborationState, party: string) =>
  (state.terms?.parties ?? []).includes(party) || (state.terms?.otherParties ?? []).some((p) => p.partyId === party);

/** The latest direction (s23G) that keeps the collaboration going beyond a day, if any. */
export const directionContinuingOn = (state: CollaborationState, day: string) =>
  state.directions.filter((d) => d.continueUntil !== null && d.continueUntil > day).sort((a, b) => b.continueUntil!.localeCompare(a.continueUntil!))[0];

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
  if (!isParty(state, party)) return refuse('NotAParty', `${party} is not a party to ${state.terms!.name}`, { party });
  if (state.withdrawnParties.includes(party)) return refuse('PartyHasWithdrawn', `${party} has withdrawn from ${state.terms!.name} and acts in it no more`, { party });
  return undefined;
}
