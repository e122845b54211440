import type { Action } from '#identity';
import type { LedgerError } from '#shared-kernel';
import { type DecisionContext, refuse } from '../../decider.js';
import type { CollaborationEvent } from '../collaboration.events.js';
import { type CollaborationState, refuseUnlessActive, remainingParties } from '../collaboration.state.js';

export const SET_ANNUAL_BUDGET: Action = { name: 'set-annual-budget', kind: 'collaboration-work', roles: ['collaboration-manager'] };

/** What the collaboration costs in a financial year, and what each party contributes. */
export interface SetAnnualBudget {
  kind: 'SetAnnualBudget';
  collaborationId: string;
  financialYear: string;
  totalGbp: number;
  contributions: Array<{ party: string; amountGbp: number }>;
  occurredAt: Date;
}

export function setAnnualBudget(state: CollaborationState, command: SetAnnualBudget, _context: DecisionContext<unknown>): CollaborationEvent[] | LedgerError {
  const inactive = refuseUnlessActive(state, command.collaborationId);
  if (inactive) return inactive;
  const [start, end] = command.financialYear.split('/').map(Number);
  if (!start || end !== (start + 1) % 100) return refuse('InvalidFinancialYear', `a financial year is written like 2019/20, not ${command.financialYear}`);
  const parties = remainingParties(state);
  const named = command.contributions.map((c) => c.party);
  const strangers = named.filter((p) => !parties.includes(p));
  if (strangers.length) return refuse('NotAParty', `${strangers.join(', ')} ${strangers.length === 1 ? 'is not a party' : 'are not parties'}`, { parties: strangers });
  const missing = parties.filter((p) => !named.includes(p));
  if (missing.length || new Set(named).size !== named.length) {
    return refuse('ContributionsIncomplete', `every remaining party contributes once (missing: ${missing.join(', ') || 'none'})`);
  }
  const pence = (gbp: number) => Math.round(gbp * 100);
  const sum = command.contributions.reduce((total, c) => total + pence(c.amountGbp), 0);
  if (sum !== pence(command.totalGbp)) {
    return refuse('ContributionsDoNotAddUp', `the contributions add up to £${(sum / 100).toFixed(2)}, not the total of £${command.totalGbp.toFixed(2)}`);
  }
  return [
    {
      type: 'AnnualBudgetSet',
      data: { financialYear: command.financialYear, totalGbp: command.totalGbp, contributions: command.contributions },
      occurredAt: command.occurredAt,
    },
  ];
}
