import type { Action } from '#identity';
import type { LedgerError } from '#shared-kernel';
import { type DecisionContext, refuse } from '../../decider.js';
import type { RiskCategory, RiskLevel } from '../../risk.js';
import type { CollaborationEvent } from '../collaboration.events.js';
import { type CollaborationState, refuseUnlessActive } from '../collaboration.state.js';

export const AGREE_RISK_APPETITE: Action = { name: 'agree-collaboration-risk-appetite', kind: 'collaboration-work', roles: ['collaboration-manager'] };

/** The risk appetite the partners agreed for the collaboration, per category. */
export interface AgreeCollaborationRiskAppetite {
  kind: 'AgreeCollaborationRiskAppetite';
  collaborationId: string;
  appetite: Array<{ category: RiskCategory; level: RiskLevel }>;
  statement: string;
  occurredAt: Date;
}

export function agreeRiskAppetite(state: CollaborationState, command: AgreeCollaborationRiskAppetite, _context: DecisionContext<unknown>): CollaborationEvent[] | LedgerError {
  const inactive = refuseUnlessActive(state, command.collaborationId);
  if (inactive) return inactive;
  const categories = command.appetite.map((a) => a.category);
  if (new Set(categories).size !== categories.length) return refuse('CategoryListedTwice', 'each risk category has one level');
  return [{ type: 'CollaborationRiskAppetiteAgreed', data: { appetite: command.appetite, statement: command.statement }, occurredAt: command.occurredAt }];
}
