import { InMemoryEventStore } from '#event-store';
import { eventStoreContract } from './event-store.contract.js';

eventStoreContract('in-memory', async () => {
  const store = new InMemoryEventStore();
  return { store, close: () => store.close() };
});
