import type { Action } from '#identity';
import type { LedgerError } from '#shared-kernel';
import { type DecisionContext, refuse } from '../../decider.js';
import type { CollaborationEvent } from '../collaboration.events.js';
import { type CollaborationState, outstandingNotice, refuseUnlessActive, refuseUnlessRemainingParty, remainingParties } from '../collaboration.state.js';

export const RECORD_PARTY_WITHDRAWAL: Action = { name: 'record-party-withdrawal', kind: 'force-act', roles: ['chief-officer', 'policing-body'] };

/** A party's notice has run: it leaves. If one party would remain, the collaboration ends. */
export interface RecordPartyWithdrawal {
  kind: 'RecordPartyWithdrawal';
  collaborationId: string;
  party: string;
  occurredAt: Date;
}

export function recordPartyWithdrawal(state: CollaborationState, command: RecordPartyWithdrawal, _context: DecisionContext<unknown>): CollaborationEvent[] | LedgerError {
  const inactive = refuseUnlessActive(state, command.collaborationId) ?? refuseUnlessRemainingParty(state, command.party);
  if (inactive) return inactive;
  const notice = outstandingNotice(state, command.party);
  if (!notice) return refuse('NoNoticeGiven', `${command.party} has given no notice of withdrawal`);
  if (command.occurredAt.toISOString().slice(0, 10) < notice.effectiveOn) {
    return refuse('NoticeNotYetRun', `${command.party}'s notice takes effect on ${notice.effectiveOn}`, { effectiveOn: notice.effectiveOn });
  }
  const withdrew: CollaborationEvent = { type: 'PartyWithdrew', data: { party: command.party }, occurredAt: command.occurredAt };
  const remaining = remainingParties(state).filter((p) => p !== command.party);
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
