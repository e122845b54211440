import type { Action } from '#identity';
import type { LedgerError } from '#shared-kernel';
import { type DecisionContext, refuse } from '../../decider.js';
import type { RiskCategory, RiskLevel } from '../../risk.js';
import { type RiskAppetiteEvent, remitOf } from '../risk-appetite.events.js';
import { type RiskAppetiteState, entryFor } from '../risk-appetite.state.js';

export const DECLARE_RISK_APPETITE: Action = { name: 'declare-risk-appetite', kind: 'force-act', roles: ['chief-officer', 'policing-body'] };

/** A force's chief officer (operational remit) or policing body (strategic remit) declares its appetite in a category. */
export interface DeclareRiskAppetite {
  kind: 'DeclareRiskAppetite';
  forceCode: string;
  category: RiskCategory;
  level: RiskLevel;
  statement: string;
  occurredAt: Date;
}

export function declareRiskAppetite(state: RiskAppetiteState, command: DeclareRiskAppetite, context: DecisionContext<unknown>): RiskAppetiteEvent[] | LedgerError {
  const remit = remitOf(context.principal.role);
  const existing = entryFor(state, remit, command.category);
  if (existing) return refuse('AppetiteAlreadyDeclared', `the ${remit} appetite for ${command.category} is declared (${existing.level}); revise it instead`, { level: existing.level });
  const by = { personId: context.principal.personId, name: context.principal.name };
  return [
    {
      type: 'RiskAppetiteDeclared',
      data: { forceCode: command.forceCode, remit, category: command.category, level: command.level, statement: command.statement, by },
      occurredAt: command.occurredAt,
    },
  ];
}
