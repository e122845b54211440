import type { DomainEvent, Upcaster } from './decider.js';
import { BENEFIT_UPCASTERS } from './benefit/benefit.events.js';
import { COLLABORATION_UPCASTERS } from './collaboration/collaboration.events.js';
import { DECISION_UPCASTERS } from './decision/decision.events.js';
import { PENDING_LIST_UPCASTERS } from './office/office.upcasters.js';
import { OFFICE_UPCASTERS } from './office/office.events.js';
import { RECOMMENDATION_UPCASTERS } from './recommendation/recommendation.events.js';

/**
 * Versioned events. A payload is written at its type's current schema version and never
 * rewritten; every older version is upcast on read, one step at a time, by the functions below.
 * State loading and the projections both read through `upcast`, so they never see an old shape.
 *
 * To change an event's shape: add an Upcaster from the current version to the next beside the
 * event's type (its aggregate's *.events.ts; the Upcaster type is in decider.ts), change the
 * type, and list it here. The current
 * version of a type is one more than the number of its upcasters.
 */
const UPCASTERS: readonly Upcaster[] = [...BENEFIT_UPCASTERS, ...COLLABORATION_UPCASTERS, ...DECISION_UPCASTERS, ...OFFICE_UPCASTERS, ...PENDING_LIST_UPCASTERS, ...RECOMMENDATION_UPCASTERS];

const steps = new Map<string, Upcaster[]>();
for (const upcaster of UPCASTERS) steps.set(upcaster.type, [...(steps.get(upcaster.type) ?? []), upcaster].sort((a, b) => a.fromVersion - b.fromVersion));
for (const [type, chain] of steps) {
  chain.forEach((step, index) => {
    if (step.fromVersion !== index + 1) throw new Error(`upcasters of ${type} must run from version 1 without a gap`);
  });
}

/** The version a writer records for an event type today. */
export const schemaVersionOf = (type: string): number => (steps.get(type)?.length ?? 0) + 1;

/** What a stored event gives to upcast: its type, its version and its payload as stored. */
export interface StoredPayload {
  type: string;
  schemaVersion: number;
  data: unknown;
  occurredAt: Date;
}

/** The stored event as the current code knows it: every upcaster from its version on, applied in order. */
export function upcast<Event extends DomainEvent>(stored: StoredPayload): Event {
  const current = schemaVersionOf(stored.type);
  if (stored.schemaVersion > current) throw new Error(`${stored.type} v${stored.schemaVersion} is newer than this code knows (v${current})`);
  let data = stored.data as Record<string, unknown>;
  for (const step of steps.get(stored.type)?.slice(stored.schemaVersion - 1) ?? []) data = step.up(data, { occurredAt: stored.occurredAt });
  return { type: stored.type, data, occurredAt: stored.occurredAt } as Event;
}
