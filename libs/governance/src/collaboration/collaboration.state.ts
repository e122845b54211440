import type { Office } from '../office/office.events.js';
import type { CollaborationEvent, CollaborationProposed, Signature } from './collaboration.events.js';

export type CollaborationStatus = 'none' | 'proposed' | 'in-force' | 'terminated';

export interface CollaborationState {
  status: CollaborationStatus;
  terms?: CollaborationProposed['data'];
  proposedAt?: Date;
  signatures: Signature[];
  cameIntoForceAt?: Date;
  withdrawalNotices: Array<{ party: string; reason: string; effectiveOn: string; givenAt: string }>;
  withdrawnParties: string[];
}

export const initialCollaborationState: CollaborationState = { status: 'none', signatures: [], withdrawalNotices: [], withdrawnParties: [] };

export function evolveCollaboration(state: CollaborationState, event: CollaborationEvent): CollaborationState {
  switch (event.type) {
    case 'CollaborationProposed':
      return { ...state, status: 'proposed', terms: event.data, proposedAt: event.occurredAt };
    case 'AgreementSigned':
      return { ...state, signatures: [...state.signatures, { ...event.data, signedAt: event.occurredAt.toISOString() }] };
    case 'AgreementCameIntoForce':
      return { ...state, status: 'in-force', cameIntoForceAt: event.occurredAt };
    case 'WithdrawalNoticeGiven':
      return {
        ...state,
        withdrawalNotices: [
          ...state.withdrawalNotices,
          { party: event.data.party, reason: event.data.reason, effectiveOn: event.data.effectiveOn, givenAt: event.occurredAt.toISOString() },
        ],
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
