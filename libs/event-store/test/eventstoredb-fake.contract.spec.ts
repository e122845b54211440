import { EventStoreDbEventStore } from '#event-store';
import { eventStoreContract } from './event-store.contract.js';
import { FakeEventStoreDbClient } from './fake-eventstoredb-client.js';

// The adapter's own logic (head reads, links, expected revisions, claims, retries, positions,
// metadata) against an in-process fake of the client: NOT a run against EventStoreDB, which
// eventstoredb.contract.spec.ts does when EVENTSTOREDB_URL is set.
eventStoreContract('EventStoreDB adapter over an in-process fake of its client (no server)', async () => {
  const store = new EventStoreDbEventStore(new FakeEventStoreDbClient());
  return { store, close: () => store.close() };
});
