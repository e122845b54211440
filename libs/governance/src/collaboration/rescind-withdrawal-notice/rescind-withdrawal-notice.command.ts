import type { Action } from '#identity';
import type { LedgerError } from '#shared-kernel';
import { type DecisionContext, refuse } from '../../decider.js';
import type { CollaborationEvent } from '../collaboration.events.js';
import { type CollaborationState, outstandingNotice, refuseUnlessActive, refuseUnlessRemainingParty } from '../collaboration.state.js';

export const RESCIND_WITHDRAWAL_NOTICE: Action = { name: 'rescind-withdrawal-notice', kind: 'force-act', roles: ['chief-officer', 'policing-body'] };

export interface RescindWithdrawalNotice {
  kind: 'RescindWithdrawalNotice';
  collaborationId: string;
  party: string;
  reason: string;
  occurredAt: Date;
}

export function rescindWithdrawalNotice(state: CollaborationState, command: RescindWithdrawalNotice, _context: DecisionContext<unknown>): CollaborationEvent[] | LedgerError {
  const inactive = refuseUnlessActive(state, command.collaborationId) ?? refuseUnlessRemainingParty(state, command.party);
  if (inactive) return inactive;
  if (!outstandingNotice(state, command.party)) return refuse('NoNoticeToRescind', `${command.party} has no outstanding notice of withdrawal`);
  return [{ type: 'WithdrawalNoticeRescinded', data: { party: command.party, reason: command.reason }, occurredAt: command.occurredAt }];
}
