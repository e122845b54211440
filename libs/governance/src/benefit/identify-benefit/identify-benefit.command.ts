import type { Action } from '#identity';
import type { LedgerError } from '#shared-kernel';
import { type DecisionContext, notFound, refuse } from '../../decider.js';
import type { BenefitEvent, BenefitIdentified } from '../benefit.events.js';
import type { BenefitState } from '../benefit.state.js';

export const IDENTIFY_BENEFIT: Action = { name: 'identify-benefit', kind: 'collaboration-work', roles: ['collaboration-manager'] };

/** The collaboration a benefit belongs to, as it stood on the benefit's date: read by the command runner. */
export interface BenefitFacts {
  collaboration?: { status: string; leadForce: string; remainingParties: string[] };
}

/** A benefit's profile as identified: what BenefitIdentified records, less the lead force (taken from the collaboration). */
export type IdentifyBenefit = { kind: 'IdentifyBenefit'; occurredAt: Date } & Omit<BenefitIdentified['data'], 'leadForce'>;

export function identifyBenefit(state: BenefitState, command: IdentifyBenefit, context: DecisionContext<BenefitFacts>): BenefitEvent[] | LedgerError {
  if (state.status !== 'none') return refuse('BenefitAlreadyIdentified', `benefit ${command.benefitId} already exists`);
  const collaboration = context.facts.collaboration;
  if (!collaboration || collaboration.status === 'none') return notFound('CollaborationNotFound', `There is no collaboration ${command.collaborationId}.`);
  if (collaboration.status === 'terminated') return refuse('CollaborationTerminated', 'the collaboration has been terminated');
  const strangers = command.sharePerForce.filter((s) => !collaboration.remainingParties.includes(s.party)).map((s) => s.party);
  if (strangers.length) return refuse('NotAParty', `${strangers.join(', ')} ${strangers.length === 1 ? 'is not a party' : 'are not parties'}`);
  const total = command.sharePerForce.reduce((sum, s) => sum + Math.round(s.percent * 100), 0);
  if (total !== 10_000) return refuse('SharesDoNotAddUp', `the shares per force add up to ${total / 100}%, not 100%`);
  const { kind: _kind, occurredAt, ...profile } = command;
  return [{ type: 'BenefitIdentified', data: { ...profile, leadForce: collaboration.leadForce }, occurredAt }];
}
