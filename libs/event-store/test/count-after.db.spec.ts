import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PostgresEventStore, START } from '#event-store';
import { type TestDatabase, createTestDatabase } from '#testing';
import { anEvent } from './event-store.contract.js';

/**
 * countAfter (each projection's lag) counts what a gap-free reader can see after a checkpoint. Its
 * query names `transaction_id >= the checkpoint's` beside the row comparison so that PostgreSQL
 * uses events_transaction_order instead of scanning the whole log (docs/benchmarks.md, "National
 * scale"): the count must be what it was, from the start, between transactions, within one, capped.
 */
describe('PostgresEventStore.countAfter', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    database = await createTestDatabase();
    store = new PostgresEventStore(database.pool);
    for (let i = 0; i < 4; i++) await store.append({ streamId: `collaboration-count-${i}`, streamType: 'collaboration', expectedVersion: 'no-stream', events: [anEvent(), anEvent(), anEvent()] });
  });
  afterAll(async () => {
    await store.close();
    await database.drop();
  });

  it('counts every event after a checkpoint, whether it falls between transactions or inside one, and honours the cap', async () => {
    const { events } = await store.readAll(START, { maxCount: 100 });
    expect(events).toHaveLength(12);
    expect(await store.countAfter(START)).toBe(12);
    for (const [i, event] of events.entries()) {
      expect(await store.countAfter({ transactionId: event.transactionId, position: event.globalPosition })).toBe(11 - i);
    }
    expect(await store.countAfter(START, { cap: 5 })).toBe(5);
    const last = events.at(-1)!;
    expect(await store.countAfter({ transactionId: last.transactionId, position: last.globalPosition })).toBe(0);
  });
});
