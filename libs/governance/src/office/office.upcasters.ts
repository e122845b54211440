import type { Upcaster } from '../decider.js';

/**
 * Version 1 of the three events that end a tenure listed only agreements awaiting signature, each
 * `{ kind, collaborationId, name }`, looked up as the ledger stood when the event was recorded, and
 * without the date each became pending. Version 2 lists everything pending as at the event's date
 * (pending-for-office.ts), each with `since`. A version 1 list reads as it was recorded, each item
 * with `since: null` ("not recorded"); it is never recomputed.
 *
 * Kept apart from office.events.ts so that changes to the events' other fields merge cleanly. The
 * step touches only `pending` and is idempotent (an item that has `since` keeps it), so another step
 * of these types (e.g. one adding a field) may run before or after it: whichever is added second
 * takes the next fromVersion in event-schema.ts's chain.
 */
const sinceNotRecorded = (data: Record<string, unknown>) => ({
  ...data,
  pending: ((data.pending as Array<Record<string, unknown>> | undefined) ?? []).map((item) => ({ ...item, since: item.since ?? null })),
});

/** After office.events.ts's step 1 → 2 (the policing body, OFFICE_UPCASTERS) for the two events that have it. */
export const PENDING_LIST_UPCASTERS: Upcaster[] = [
  { type: 'OfficeHandedOver', fromVersion: 2, up: sinceNotRecorded },
  { type: 'ActingHolderDesignated', fromVersion: 2, up: sinceNotRecorded },
  { type: 'OfficeVacated', fromVersion: 1, up: sinceNotRecorded },
];
