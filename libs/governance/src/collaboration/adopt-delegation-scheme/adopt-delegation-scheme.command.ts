import type { Action } from '#identity';
import type { LedgerError } from '#shared-kernel';
import { type DecisionContext, refuse } from '../../decider.js';
import type { CollaborationEvent, DelegationRule } from '../collaboration.events.js';
import { type CollaborationState, refuseUnlessActive } from '../collaboration.state.js';

export const ADOPT_DELEGATION_SCHEME: Action = { name: 'adopt-delegation-scheme', kind: 'collaboration-work', roles: ['collaboration-manager'] };

/** Which decisions the lead force may take alone, up to what value, and who decides above it. */
export interface AdoptDelegationScheme {
  kind: 'AdoptDelegationScheme';
  collaborationId: string;
  rules: DelegationRule[];
  occurredAt: Date;
}

export function adoptDelegationScheme(state: CollaborationState, command: AdoptDelegationScheme, _context: DecisionContext<unknown>): CollaborationEvent[] | LedgerError {
  const inactive = refuseUnlessActive(state, command.collaborationId);
  if (inactive) return inactive;
  const categories = command.rules.map((r) => r.category);
  if (new Set(categories).size !== categories.length) return refuse('CategoryListedTwice', 'each decision category has one rule in a scheme');
  return [{ type: 'DelegationSchemeAdopted', data: { rules: command.rules }, occurredAt: command.occurredAt }];
}
