import type { EventStore } from '#event-store';
import type { Aggregate } from '../aggregate.js';
import type { DomainEvent } from '../decider.js';
import { upcast } from '../event-schema.js';
import type { HandoverFacts } from './hand-over-office/hand-over-office.command.js';
import { type OfficeCommand, officeDecider } from './office.decider.js';
import { type Office, type OfficeEvent, type PendingItem, officeStreamId } from './office.events.js';
import type { OfficeState } from './office.state.js';
import { type LoggedEvent, OPENING_TYPES, pendingForOffice, streamsConcerning } from './pending-for-office.js';

/**
 * What awaited an office at an instant (a handover's, an acting designation's, a vacancy's date), from
 * the log as it stood then (pending-for-office.ts), never from a read model as it stands now. Read
 * through the event-store port with occurredUntil = at:
 *  1. the events that open a collaboration, a decision or a recommendation (readByType, indexed by
 *     type): one query, as many rows as there are such streams opened by then;
 *  2. each stream among them that can concern the force (its collaborations and their decisions, the
 *     recommendations addressed to it): one indexed stream read each.
 * Cost: 1 + k queries, k the number of those streams, each event of them read once; nothing of other
 * forces' streams beyond their opening event. Handovers are rare registrar acts, so this is not cached.
 */
export async function readPendingForOffice(store: EventStore, forceCode: string, office: Office, at: Date): Promise<PendingItem[]> {
  const asOf = { occurredUntil: at };
  const openings = (await store.readByType(OPENING_TYPES, asOf)).map(logged);
  const events: LoggedEvent[] = [];
  for (const streamId of streamsConcerning(openings, forceCode)) events.push(...(await store.readStream(streamId, asOf)).map(logged));
  return pendingForOffice(events, forceCode, office, at);
}

const logged = (recorded: Parameters<typeof upcast>[0] & { streamId: string }): LoggedEvent => ({ ...upcast<DomainEvent>(recorded), streamId: recorded.streamId });

export const officeAggregate: Aggregate<OfficeState, OfficeCommand, OfficeEvent, HandoverFacts> = {
  streamType: 'office',
  decider: officeDecider,
  streamId: (command) => officeStreamId(command.forceCode, command.office),

  // A change of holder lists what was pending for the office on its date, so nothing is lost between leaders.
  facts: async (store, command) => ({
    pending: command.kind === 'AppointOfficeHolder' ? [] : await readPendingForOffice(store, command.forceCode, command.office, command.occurredAt),
  }),

  // Registrars keep the national register: the act has no force or collaboration target.
  target: () => ({}),

  location: (command) => `/offices/${command.forceCode}/${command.office}`,
};
