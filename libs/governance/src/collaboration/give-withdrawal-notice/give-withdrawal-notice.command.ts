import type { Action } from '#identity';
import type { LedgerError } from '#shared-kernel';
import { type DecisionContext, refuse } from '../../decider.js';
import type { Office } from '../../office/office.events.js';
import type { CollaborationEvent } from '../collaboration.events.js';
import { type CollaborationState, outstandingNotice, refuseUnlessActive, refuseUnlessRemainingParty } from '../collaboration.state.js';

export const GIVE_WITHDRAWAL_NOTICE: Action = { name: 'give-withdrawal-notice', kind: 'force-act', roles: ['chief-officer', 'policing-body'] };

/** A party force (its chief officer or policing body) gives notice that it will withdraw. */
export interface GiveWithdrawalNotice {
  kind: 'GiveWithdrawalNotice';
  collaborationId: string;
  party: string;
  role: Office;
  reason: string;
  /** YYYY-MM-DD: not before the agreement's notice period has run from the notice's date. */
  effectiveOn: string;
  occurredAt: Date;
}

export function giveWithdrawalNotice(state: CollaborationState, command: GiveWithdrawalNotice, context: DecisionContext<unknown>): CollaborationEvent[] | LedgerError {
  const inactive = refuseUnlessActive(state, command.collaborationId) ?? refuseUnlessRemainingParty(state, command.party);
  if (inactive) return inactive;
  const terms = state.terms!;
  if (state.status !== 'in-force') {
    return refuse('AgreementNotInForce', 'notice runs under an agreement in force; a party may leave a proposal it has not agreed by recording its withdrawal, without notice');
  }
  if (command.occurredAt < state.cameIntoForceAt!) {
    return refuse('ActPrecedesWhatItActsOn', `the agreement came into force on ${state.cameIntoForceAt!.toISOString().slice(0, 10)}; notice under it cannot be given before then`);
  }
  if (outstandingNotice(state, command.party)) {
    return refuse('NoticeAlreadyGiven', `${command.party} has already given notice of withdrawal`);
  }
  const earliest = addMonths(command.occurredAt, terms.noticePeriodMonths);
  if (command.effectiveOn < earliest) {
    return refuse(
      'NoticeShorterThanPeriod',
      `the agreement requires ${terms.noticePeriodMonths} months' notice: notice given on ${command.occurredAt.toISOString().slice(0, 10)} can take effect on ${earliest} at the earliest`,
      { earliestEffectiveOn: earliest },
    );
  }
  return [
    {
      type: 'WithdrawalNoticeGiven',
      data: {
        party: command.party,
        reason: command.reason,
        effectiveOn: command.effectiveOn,
        givenBy: { role: command.role, person: { personId: context.principal.personId, name: context.principal.name } },
      },
      occurredAt: command.occurredAt,
    },
  ];
}

/** YYYY-MM-DD, `months` calendar months after `from` (clamped to the month's last day). */
export function addMonths(from: Date, months: number): string {
  const y = from.getUTCFullYear();
  const m = from.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(from.getUTCDate(), lastDay))).toISOString().slice(0, 10);
}
