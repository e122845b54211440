import type { Action } from '#identity';
import type { LedgerError } from '#shared-kernel';
import { refuseIfActPrecedes } from '../../acts-on.js';
import { type DecisionContext, refuse } from '../../decider.js';
import type { RiskCategory, RiskLevel } from '../../risk.js';
import { type RiskAppetiteEvent, remitOf } from '../risk-appetite.events.js';
import { type RiskAppetiteState, entryFor } from '../risk-appetite.state.js';

export const REVISE_RISK_APPETITE: Action = { name: 'revise-risk-appetite', kind: 'force-act', roles: ['chief-officer', 'policing-body'] };

/** A declared appetite moves to another level, with the reason; the earlier level stays on record. */
export interface ReviseRiskAppetite {
  kind: 'ReviseRiskAppetite';
  forceCode: string;
  category: RiskCategory;
  level: RiskLevel;
  statement: string;
  reason: string;
  occurredAt: Date;
}

export function reviseRiskAppetite(state: RiskAppetiteState, command: ReviseRiskAppetite, context: DecisionContext<unknown>): RiskAppetiteEvent[] | LedgerError {
  const remit = remitOf(context.principal.role);
  const existing = entryFor(state, remit, command.category);
  if (!existing) return refuse('AppetiteNotDeclared', `no ${remit} appetite for ${command.category} is declared yet; declare it first`);
  // It revises the level as it then stood: dated on or after the declaration and any earlier revision.
  const revisedBefore = existing.history.length > 1;
  const dated = refuseIfActPrecedes('the revision', command.occurredAt, revisedBefore ? 'the earlier revision of this appetite' : 'the declaration of this appetite', existing.since);
  if (dated) return dated;
  if (existing.level === command.level) return refuse('AppetiteUnchanged', `the ${remit} appetite for ${command.category} is already ${command.level}`);
  const by = { personId: context.principal.personId, name: context.principal.name };
  return [
    {
      type: 'RiskAppetiteRevised',
      data: { forceCode: command.forceCode, remit, category: command.category, from: existing.level, to: command.level, statement: command.statement, reason: command.reason, by },
      occurredAt: command.occurredAt,
    },
  ];
}
