import type { EventStore } from '#event-store';
import type { Aggregate } from '../aggregate.js';
import { collaborationDecider } from '../collaboration/collaboration.decider.js';
import { type CollaborationProposed, collaborationStreamId } from '../collaboration/collaboration.events.js';
import { hasSigned, remainingParties } from '../collaboration/collaboration.state.js';
import { loadState } from '../command-runner.js';
import { upcast } from '../event-schema.js';
import type { HandoverFacts } from './hand-over-office/hand-over-office.command.js';
import { type OfficeCommand, officeDecider } from './office.decider.js';
import { type Office, type OfficeEvent, type PendingItem, officeStreamId } from './office.events.js';
import type { OfficeState } from './office.state.js';

/**
 * What awaited an office when it changed hands: agreements its force is party to, not yet in force,
 * that the office has not signed. Read through the event-store port: the proposals by type, then
 * each candidate collaboration's own stream.
 */
export async function pendingForOffice(store: EventStore, forceCode: string, office: Office): Promise<PendingItem[]> {
  const proposals = (await store.readByType(['CollaborationProposed'])).map((e) => upcast<CollaborationProposed>(e).data);
  const pending: PendingItem[] = [];
  for (const proposal of proposals.filter((p) => p.parties.includes(forceCode))) {
    const { state } = await loadState(store, collaborationDecider, collaborationStreamId(proposal.collaborationId));
    if (state.status === 'proposed' && remainingParties(state).includes(forceCode) && !hasSigned(state, forceCode, office)) {
      pending.push({ kind: 'agreement-signature', collaborationId: proposal.collaborationId, name: state.terms!.name });
    }
  }
  return pending;
}

export const officeAggregate: Aggregate<OfficeState, OfficeCommand, OfficeEvent, HandoverFacts> = {
  streamType: 'office',
  decider: officeDecider,
  streamId: (command) => officeStreamId(command.forceCode, command.office),

  // A change of holder lists what was pending for the office, so nothing is lost between leaders.
  facts: async (store, command) => ({ pending: command.kind === 'AppointOfficeHolder' ? [] : await pendingForOffice(store, command.forceCode, command.office) }),

  // Registrars keep the national register: the act has no force or collaboration target.
  target: () => ({}),

  location: (command) => `/offices/${command.forceCode}/${command.office}`,
};
