import type { LedgerError } from '#shared-kernel';
import { notFound, refuse } from '../decider.js';
import type { Person } from '../office/office.events.js';
import type { RecommendationEvent, RecommendationRaised } from './recommendation.events.js';

export type RecommendationStatus = 'none' | 'open' | 'closure-proposed' | 'closed';

export interface RecommendationState {
  status: RecommendationStatus;
  raised?: RecommendationRaised['data'];
  raisedAt?: string;
  dueDate?: string;
  dueDateRevisions: Array<{ from: string; to: string; reason: string; at: string; slip: boolean }>;
  actions: Array<{ action: string; owner: Person; dueDate: string; at: string }>;
  progress: Array<{ note: string; by: Person; at: string }>;
  evidence: Array<{ reference: string; description: string; by: Person; at: string }>;
  closureHistory: Array<{ step: 'proposed' | 'accepted' | 'rejected'; by: Person; note: string; at: string }>;
  closedAt: string | null;
  policingBodyResponse: { response: string; by: Person; chiefOfficerComments: string | null; deadline: string | null; late: boolean; at: string } | null;
}

export const initialRecommendationState: RecommendationState = {
  status: 'none',
  dueDateRevisions: [],
  actions: [],
  progress: [],
  evidence: [],
  closureHistory: [],
  closedAt: null,
  policingBodyResponse: null,
};

export function evolveRecommendation(state: RecommendationState, event: RecommendationEvent): RecommendationState {
  const at = event.occurredAt.toISOString();
  switch (event.type) {
    case 'RecommendationRaised':
      return { ...state, status: 'open', raised: event.data, raisedAt: at, dueDate: event.data.dueDate };
    case 'ActionPlanned':
      return { ...state, actions: [...state.actions, { ...event.data, at }] };
    case 'ProgressReported':
      return { ...state, progress: [...state.progress, { ...event.data, at }] };
    case 'DueDateRevised':
      return { ...state, dueDate: event.data.to, dueDateRevisions: [...state.dueDateRevisions, { ...event.data, at, slip: event.data.to > event.data.from }] };
    case 'EvidenceSubmitted':
      return { ...state, evidence: [...state.evidence, { ...event.data, at }] };
    case 'ClosureProposed':
      return { ...state, status: 'closure-proposed', closureHistory: [...state.closureHistory, { step: 'proposed', by: event.data.by, note: event.data.note, at }] };
    case 'ClosureAccepted':
      return { ...state, status: 'closed', closedAt: at, closureHistory: [...state.closureHistory, { step: 'accepted', by: event.data.by, note: event.data.note, at }] };
    case 'ClosureRejected':
      return { ...state, status: 'open', closureHistory: [...state.closureHistory, { step: 'rejected', by: event.data.by, note: event.data.reason, at }] };
    case 'PolicingBodyResponsePublished':
      return { ...state, policingBodyResponse: { ...event.data, at } };
    default:
      return state;
  }
}

export function refuseUnlessRecommendationOpen(state: RecommendationState, recommendationId: string): LedgerError | undefined {
  if (state.status === 'none') return notFound('RecommendationNotFound', `There is no recommendation ${recommendationId}.`);
  if (state.status === 'closed') return refuse('RecommendationClosed', 'the recommendation is closed: it can only be read');
  return undefined;
}

/** Accepting or rejecting closure needs a closure proposed. */
export function refuseUnlessClosureProposed(state: RecommendationState, recommendationId: string): LedgerError | undefined {
  const closed = refuseUnlessRecommendationOpen(state, recommendationId);
  if (closed) return closed;
  return state.status === 'closure-proposed' ? undefined : refuse('ClosureNotProposed', 'no closure is proposed');
}

/** Nothing happens to a recommendation that was never raised. */
export const refuseUnlessRaised = (state: RecommendationState, recommendationId: string): LedgerError | undefined =>
  state.status === 'none' ? notFound('RecommendationNotFound', `There is no recommendation ${recommendationId}.`) : undefined;

/** The latest closure proposal's date, when one awaits the scrutiny body. */
export const closureProposedAt = (state: RecommendationState): string | undefined => state.closureHistory.filter((c) => c.step === 'proposed').at(-1)?.at;
