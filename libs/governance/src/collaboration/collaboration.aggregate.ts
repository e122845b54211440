import type { EventStore } from '#event-store';
import type { Aggregate } from '../aggregate.js';
import { loadState } from '../command-runner.js';
import { officeDecider } from '../office/office.decider.js';
import { officeStreamId } from '../office/office.events.js';
import { bodiesHeldBy, holderAt } from '../office/office.state.js';
import { type CollaborationCommand, type CollaborationFacts, collaborationDecider } from './collaboration.decider.js';
import { type CollaborationEvent, collaborationStreamId } from './collaboration.events.js';
import { type CollaborationState, refuseUnlessExists, remainingParties } from './collaboration.state.js';
import type { CollaborationAsAt } from '../decision/decision.facts.js';
import type { DecisionCategory } from '../risk.js';

/** Acts a party's own officers take for their force: the party is the target. */
const PARTY_ACTS = new Set<CollaborationCommand['kind']>(['SignAgreement', 'SignVariation', 'GiveWithdrawalNotice', 'RescindWithdrawalNotice', 'RecordPartyWithdrawal']);

export const collaborationAggregate: Aggregate<CollaborationState, CollaborationCommand, CollaborationEvent, CollaborationFacts> = {
  streamType: 'collaboration',
  decider: collaborationDecider,
  streamId: (command) => collaborationStreamId(command.collaborationId),

  async facts(store, command) {
    if (command.kind !== 'SignAgreement' && command.kind !== 'SignVariation') return {};
    // Who held the signing office on the signature's date, from the office's own stream.
    const office = await loadState(store, officeDecider, officeStreamId(command.party, command.role));
    const tenure = holderAt(office.state, command.occurredAt);
    return { holderThen: tenure?.holder, holderBodyThen: tenure?.body ?? null, signatoryBodies: bodiesHeldBy(office.state, command.signatory.personId) };
  },

  target(state, command) {
    if (command.kind === 'ProposeCollaboration') return { leadForce: command.leadForce };
    const missing = refuseUnlessExists(state, command.collaborationId);
    if (missing) return missing;
    if (PARTY_ACTS.has(command.kind)) return { force: (command as { party: string }).party };
    return { leadForce: state.terms!.leadForce };
  },

  location: (command) => `/collaborations/${command.collaborationId}`,
};

/** The collaboration as it stood at a date, as decisions and benefits need it: status, lead force, remaining parties, the delegation rule for a category. */
export async function collaborationAsAt(store: EventStore, collaborationId: string, at: Date, category?: DecisionCategory): Promise<CollaborationAsAt> {
  const { state } = await loadState(store, collaborationDecider, collaborationStreamId(collaborationId), { occurredUntil: at });
  return collaborationAsAtOf(state, category);
}

/** What collaborationAsAt answers, from the state folded up to the date (the generator folds it in memory). */
export function collaborationAsAtOf(state: CollaborationState, category?: DecisionCategory): CollaborationAsAt {
  return {
    status: state.status,
    leadForce: state.terms?.leadForce ?? '',
    remainingParties: remainingParties(state),
    rule: state.delegationScheme?.find((r) => r.category === category) ?? null,
    ruleInForceSince: delegationSchemeSince(state),
  };
}

/** When the delegation scheme in force took effect: the last agreed variation that set it, else the agreement coming into force (s23C(4)). */
function delegationSchemeSince(state: CollaborationState): string | null {
  if (!state.delegationScheme) return null;
  const varied = state.variations.filter((v) => v.agreedAt && v.terms.delegationScheme).at(-1);
  if (varied) return varied.agreedAt;
  // Set by the proposal: from the day the agreement was made. (A scheme a manager adopted alone under the old rules has no such date.)
  return state.terms?.delegationScheme.length ? (state.cameIntoForceAt?.toISOString() ?? null) : null;
}
