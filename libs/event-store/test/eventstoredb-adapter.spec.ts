import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { EventIdConflict, EventStoreDbEventStore, type EventToAppend, META, START, WrongExpectedVersion, verifyLog } from '#event-store';
import { FakeEventStoreDbClient } from './fake-eventstoredb-client.js';

/**
 * The EventStoreDB adapter's append path against the in-process fake of its client (no server):
 * what it asks the server for, and what it makes of the answers.
 */
const event = (n = 1): EventToAppend => ({
  eventId: randomUUID(),
  type: 'AgreementSigned',
  data: { party: 'kent', n },
  metadata: { actor: 'tester' },
  occurredAt: new Date('2015-04-01T00:00:00Z'),
});

const fixedClock = (iso: string) => ({ now: () => new Date(iso) });

describe('EventStoreDB adapter: the append path', () => {
  it('writes the events expecting exactly the head’s revision, with one claim per event id expected not to exist, in one atomic append', async () => {
    const client = new FakeEventStoreDbClient();
    const store = new EventStoreDbEventStore(client);
    await store.append({ streamId: 'collaboration-1', expectedVersion: 'no-stream', events: [event()] });
    client.calls.length = 0;
    const [a, b] = [event(2), event(3)];
    await store.append({ streamId: 'collaboration-1', expectedVersion: 'any', events: [a, b] });
    const appends = client.calls.filter((c) => c.method === 'multiStreamAppend');
    expect(appends).toHaveLength(1);
    expect(appends[0]!.streams).toEqual([
      { streamName: 'collaboration-1', expectedState: 0n },
      { streamName: `@event-id-${a.eventId}`, expectedState: 'no_stream' },
      { streamName: `@event-id-${b.eventId}`, expectedState: 'no_stream' },
    ]);
  });

  it('links an append to the head it read: another writer who moves the stream in between makes it read the head again (expected "any"), never a fork of the chain', async () => {
    const client = new FakeEventStoreDbClient();
    const store = new EventStoreDbEventStore(client);
    const other = new EventStoreDbEventStore(client);
    await store.append({ streamId: 'collaboration-2', expectedVersion: 'no-stream', events: [event()] });
    // The other writer's append lands while ours is on its way: ours is refused, reads the new head, and links to it.
    client.beforeNextAppend = () => other.append({ streamId: 'collaboration-2', expectedVersion: 'any', events: [event(9)] });
    const ours = store.append({ streamId: 'collaboration-2', expectedVersion: 'any', events: [event(2)] });
    const result = await ours;
    expect(result.streamVersion).toBe(3);
    const read = await store.readStream('collaboration-2');
    expect(read.map((e) => e.prevHash)).toEqual(['0'.repeat(64), read[0]!.hash, read[1]!.hash]);
    expect((await verifyLog(store)).ok).toBe(true);
  });

  it('answers an exact expectation that lost such a race with WrongExpectedVersion and the actual version, writing nothing', async () => {
    const client = new FakeEventStoreDbClient();
    const store = new EventStoreDbEventStore(client);
    const other = new EventStoreDbEventStore(client);
    await store.append({ streamId: 'collaboration-3', expectedVersion: 'no-stream', events: [event()] });
    client.beforeNextAppend = () => other.append({ streamId: 'collaboration-3', expectedVersion: 'any', events: [event(8), event(9)] });
    const error = await store.append({ streamId: 'collaboration-3', expectedVersion: 1, events: [event(2)] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WrongExpectedVersion);
    expect(error).toMatchObject({ expectedVersion: 1, actualVersion: 3 });
    expect(await store.streamVersion('collaboration-3')).toBe(3);
  });

  it('stamps the recorded time from this process’s clock, never before the stream’s head nor the log’s tail', async () => {
    const client = new FakeEventStoreDbClient();
    const ahead = new EventStoreDbEventStore(client, { clock: fixedClock('2026-11-30T12:00:00.000Z') });
    const behind = new EventStoreDbEventStore(client, { clock: fixedClock('2026-11-30T11:59:59.000Z') });
    await ahead.append({ streamId: 'collaboration-4', expectedVersion: 'no-stream', events: [event()] });
    await behind.append({ streamId: 'collaboration-4', expectedVersion: 1, events: [event(2)] });
    await behind.append({ streamId: 'collaboration-5', expectedVersion: 'no-stream', events: [event(3)] });
    const { events } = await behind.readAll(START);
    expect(events.map((e) => e.recordedAt.toISOString())).toEqual(['2026-11-30T12:00:00.000Z', '2026-11-30T12:00:00.000Z', '2026-11-30T12:00:00.000Z']);
  });

  it('refuses an event id that an earlier append recorded with other content, as EventIdConflict, reading back the stored digest', async () => {
    const client = new FakeEventStoreDbClient();
    const store = new EventStoreDbEventStore(client);
    const first = event();
    await store.append({ streamId: 'collaboration-6', expectedVersion: 'no-stream', events: [first] });
    await expect(store.append({ streamId: 'collaboration-6', expectedVersion: 1, events: [{ ...first, data: { party: 'essex' } }] })).rejects.toBeInstanceOf(EventIdConflict);
    await expect(store.append({ streamId: 'collaboration-6', expectedVersion: 1, events: [first] })).resolves.toMatchObject({ idempotentReplay: true, streamVersion: 1 });
  });

  it('never reads the server’s own records or the claims as ledger events', async () => {
    const client = new FakeEventStoreDbClient();
    const store = new EventStoreDbEventStore(client);
    await store.append({ streamId: 'collaboration-7', expectedVersion: 'no-stream', events: [event(), event(2)] });
    expect(client.log.length).toBe(5); // $settings, two events, two claims
    const { events } = await store.readAll(START);
    expect(events.map((e) => e.streamId)).toEqual(['collaboration-7', 'collaboration-7']);
    expect(await store.countAfter(START)).toBe(2);
    expect(await store.streamHeads()).toEqual([{ streamId: 'collaboration-7', version: 2, lastHash: events[1]!.hash }]);
  });

  it('lets verify find an event written to a ledger stream around the adapter', async () => {
    const client = new FakeEventStoreDbClient();
    const store = new EventStoreDbEventStore(client);
    await store.append({ streamId: 'collaboration-8', expectedVersion: 'no-stream', events: [event()] });
    const [stored] = await store.readStream('collaboration-8');
    // Someone with write access appends version 2, copying the ledger's metadata but not computing a true link.
    client.write('collaboration-8', [{ id: randomUUID(), type: 'AgreementSigned', data: { party: 'forged' }, metadata: { [META.prevHash]: stored!.hash, [META.hash]: 'f'.repeat(64), [META.recordedAt]: '2026-01-01T00:00:00.000Z' } }]);
    const report = await verifyLog(store);
    expect(report.faults).toEqual([expect.objectContaining({ streamId: 'collaboration-8', kind: 'content', streamVersion: 2 })]);
  });

  it('answers read-after from positions alone: they follow the log’s commit order', async () => {
    const client = new FakeEventStoreDbClient();
    const store = new EventStoreDbEventStore(client);
    const { positions } = await store.append({ streamId: 'collaboration-9', expectedVersion: 'no-stream', events: [event(), event(2)] });
    const { events } = await store.readAll(START, { maxCount: 1 });
    const firstRead = { transactionId: events[0]!.transactionId, position: events[0]!.globalPosition };
    expect(await store.readThrough(positions[0]!, [firstRead])).toBe(true);
    expect(await store.readThrough(positions[1]!, [firstRead])).toBe(false);
    expect(await store.readThrough(positions[1]! + 1_000_000, [firstRead])).toBe('unknown');
  });
});
