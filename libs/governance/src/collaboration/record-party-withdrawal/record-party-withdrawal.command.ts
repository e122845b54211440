import type { Action } from '#identity';
import type { LedgerError } from '#shared-kernel';
import { type DecisionContext, day, refuse } from '../../decider.js';
import type { CollaborationEvent } from '../collaboration.events.js';
import {
  type CollaborationState,
  allPartiesSigned,
  directionContinuingOn,
  lastSignedAt,
  outstandingNotice,
  refuseUnlessActive,
  refuseUnlessRemainingParty,
  remainingParties,
} from '../collaboration.state.js';

export const RECORD_PARTY_WITHDRAWAL: Action = { name: 'record-party-withdrawal', kind: 'force-act', roles: ['chief-officer', 'policing-body'] };

/**
 * A party leaves.
 * - From an agreement in force: its notice has run (notice is contractual: the statute has no
 *   withdrawal, only variation and termination by agreement, s23C(4)–(5)), and no direction under
 *   s23G continues the collaboration beyond that day. If fewer than two forces remain, it ends.
 * - From a proposal not yet in force: no notice is owed. The proposal is never left stuck: if the
 *   remaining parties (two or more forces, the lead among them) have all signed, the agreement is
 *   made among them now; if fewer than two remain, or the lead leaves, the proposal lapses.
 */
export interface RecordPartyWithdrawal {
  kind: 'RecordPartyWithdrawal';
  collaborationId: string;
  party: string;
  occurredAt: Date;
}

export function recordPartyWithdrawal(state: CollaborationState, command: RecordPartyWithdrawal, _context: DecisionContext<unknown>): CollaborationEvent[] | LedgerError {
  const inactive = refuseUnlessActive(state, command.collaborationId) ?? refuseUnlessRemainingParty(state, command.party);
  if (inactive) return inactive;
  if (state.proposedAt && command.occurredAt < state.proposedAt) {
    return refuse('ActPrecedesWhatItActsOn', `the collaboration was proposed on ${day(state.proposedAt)}; no party can leave it before then`);
  }
  return state.status === 'proposed' ? leaveProposal(state, command) : leaveAgreement(state, command);
}

function leaveAgreement(state: CollaborationState, command: RecordPartyWithdrawal): CollaborationEvent[] | LedgerError {
  const notice = outstandingNotice(state, command.party);
  if (!notice) return refuse('NoNoticeGiven', `${command.party} has given no notice of withdrawal`);
  const on = day(command.occurredAt);
  if (on < notice.effectiveOn) {
    return refuse('NoticeNotYetRun', `${command.party}'s notice takes effect on ${notice.effectiveOn}`, { effectiveOn: notice.effectiveOn });
  }
  const direction = directionContinuingOn(state, on);
  if (direction) {
    return refuse('DirectionContinuesCollaboration', `a direction under s23G (${direction.reference}) continues the collaboration until ${direction.continueUntil}, whatever notices say`, {
      continueUntil: direction.continueUntil,
      basis: direction.statutoryBasis,
    });
  }
  const remaining = remainingParties(state).filter((p) => p !== command.party);
  if (remaining.length > 1 && command.party === state.terms!.leadForce) {
    return refuse('LeadForceMustBeReplacedFirst', `${command.party} leads the collaboration: the remaining parties first agree a new lead force by a variation`);
  }
  const withdrew: CollaborationEvent = { type: 'PartyWithdrew', data: { party: command.party }, occurredAt: command.occurredAt };
  if (remaining.length > 1) return [withdrew];
  return [
    withdrew,
    {
      type: 'CollaborationTerminated',
      data: { basis: 'withdrawal-leaving-one-party', reason: `${command.party} withdrew, leaving one party`, remainingParties: remaining },
      occurredAt: command.occurredAt,
    },
  ];
}

function leaveProposal(state: CollaborationState, command: RecordPartyWithdrawal): CollaborationEvent[] {
  const withdrew: CollaborationEvent = { type: 'PartyWithdrew', data: { party: command.party }, occurredAt: command.occurredAt };
  const after: CollaborationState = { ...state, withdrawnParties: [...state.withdrawnParties, command.party] };
  const remaining = remainingParties(after);
  if (remaining.length < 2 || command.party === state.terms!.leadForce) {
    const why = remaining.length < 2 ? 'leaving fewer than two forces' : 'and it was to lead';
    return [
      withdrew,
      {
        type: 'CollaborationTerminated',
        data: { basis: 'lapsed-before-coming-into-force', reason: `${command.party} withdrew from the proposal before it came into force, ${why}: the proposal lapsed`, remainingParties: remaining },
        occurredAt: command.occurredAt,
      },
    ];
  }
  if (!allPartiesSigned(after)) return [withdrew];
  const signatures = after.signatures.filter((s) => !after.withdrawnParties.includes(s.party));
  const madeAt = new Date(Math.max(lastSignedAt(signatures).getTime(), command.occurredAt.getTime()));
  return [withdrew, { type: 'AgreementCameIntoForce', data: { signatures }, occurredAt: madeAt }];
}
