import { describe } from '@jest/globals';
import { EventStoreDbEventStore, connectEventStoreDb } from '#event-store';
import { eventStoreContract } from './event-store.contract.js';

/**
 * The contract against a real EventStoreDB/KurrentDB (25.1 or later) named by EVENTSTOREDB_URL,
 * e.g. `EVENTSTOREDB_URL='kurrentdb://localhost:2113?tls=false' npm test`. Without it every test is
 * reported as skipped, with the reason in its title: none of them has passed against a server here.
 */
const url = process.env.EVENTSTOREDB_URL;
const open = async () => {
  const store = new EventStoreDbEventStore(connectEventStoreDb(url!));
  return { store, close: () => store.close() };
};

if (url) {
  eventStoreContract('EventStoreDB', open);
} else {
  console.info('event store contract: EventStoreDB — skipped: EVENTSTOREDB_URL is not set (no server here; see docs/adr/0005-eventstoredb-adapter.md)');
  describe.skip('skipped: EVENTSTOREDB_URL is not set', () => eventStoreContract('EventStoreDB', open));
}
