import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  APPEND_SQL,
  type AppendRequest,
  type Checkpoint,
  type EventStore,
  type EventToAppend,
  type RecordedEvent,
  EventIdConflict,
  GENESIS_HASH,
  InvalidAppend,
  START,
  WrongExpectedVersion,
  compareCheckpoints,
  encodeAppend,
  verifyStreamChain,
} from '#event-store';

/**
 * The one contract every event-store adapter passes. A spec file per adapter calls it with a
 * harness; capabilities that only some adapters have (holding a transaction open, raw SQL)
 * add the tests that need them.
 */
export interface ContractHarness {
  store: EventStore;
  // Optional capabilities: an adapter that has them names them when it calls the contract.
  /** Appends in a transaction that stays open until commit() or rollback() (a slow writer). */
  beginSlowAppend?(request: AppendRequest, options?: { delayBeforeAppendMs?: number }): Promise<{ commit(): Promise<void>; rollback(): Promise<void> }>;
  /** Takes a stream's append lock in a transaction that has not written yet; appends in it when asked. */
  holdStreamLock?(streamId: string): Promise<{ append(request: AppendRequest): Promise<void>; commit(): Promise<void> }>;
  /** Runs SQL against the store's database as its owner (to try to tamper with the ledger). */
  sql?(text: string, values?: unknown[]): Promise<unknown>;
  /** Runs SQL as the application's own role (ledger_app). */
  appSql?(text: string, values?: unknown[]): Promise<unknown>;
  /** Runs SQL as a superuser who has switched the ledger's triggers off (session_replication_role = replica). */
  sqlWithoutTriggers?(text: string, values?: unknown[]): Promise<unknown>;
  /**
   * Waits until everything committed so far is visible to gap-free readers. PostgreSQL readers do
   * not pass a transaction still open anywhere in the cluster, and other test files share it.
   */
  settle?(): Promise<void>;
  /** Database statements sent by the store since the harness started. */
  statementsSent?(): number;
  close(): Promise<void>;
}

/** Recorded time is non-decreasing along the log as given (gap-free global order), and within each stream by version. */
export function expectNeverBackwards(log: readonly RecordedEvent[]): void {
  const backwards = log.filter((e, i) => i > 0 && e.recordedAt.getTime() < log[i - 1]!.recordedAt.getTime());
  expect(backwards.map((e) => `${e.streamId} v${e.streamVersion} at ${e.globalPosition}`)).toEqual([]);
  const byStream = new Map<string, RecordedEvent[]>();
  for (const e of log) byStream.set(e.streamId, [...(byStream.get(e.streamId) ?? []), e]);
  for (const events of byStream.values()) {
    const sorted = [...events].sort((a, b) => a.streamVersion - b.streamVersion);
    expect(sorted.filter((e, i) => i > 0 && e.recordedAt < sorted[i - 1]!.recordedAt)).toEqual([]);
  }
}

let streamCounter = 0;
const newStream = (prefix = 'collaboration') => `${prefix}-${randomUUID()}-${++streamCounter}`;

export const anEvent = (overrides: Partial<EventToAppend> = {}): EventToAppend => ({
  eventId: randomUUID(),
  type: 'CollaborationProposed',
  data: { name: 'Seven Force Strategic Alliance', parties: ['bedfordshire', 'kent'], notice: { months: 12 } },
  metadata: { actor: 'test' },
  occurredAt: new Date('2015-04-01T09:00:00.000Z'),
  ...overrides,
});

const events = (n: number, overrides: Partial<EventToAppend> = {}) => Array.from({ length: n }, () => anEvent(overrides));

async function readEverything(store: EventStore, from: Checkpoint = START, pageSize = 1000): Promise<RecordedEvent[]> {
  const all: RecordedEvent[] = [];
  let checkpoint = from;
  for (;;) {
    const page = await store.readAll(checkpoint, { maxCount: pageSize });
    all.push(...page.events);
    if (page.events.length === 0) return all;
    checkpoint = page.checkpoint;
  }
}

export type Capability = 'sql' | 'slow-writers' | 'statement-count' | 'least-privilege';

let settle: () => Promise<void> = async () => undefined;

/** Everything committed so far, once gap-free readers can see it all. */
async function readSettled(store: EventStore, from: Checkpoint = START, pageSize = 1000): Promise<RecordedEvent[]> {
  await settle();
  return readEverything(store, from, pageSize);
}

async function tailCheckpoint(store: EventStore): Promise<Checkpoint> {
  const last = (await readSettled(store)).at(-1);
  return last ? { transactionId: last.transactionId, position: last.globalPosition } : START;
}

export function eventStoreContract(adapter: string, open: () => Promise<ContractHarness>, capabilities: readonly Capability[] = []): void {
  describe(`event store contract: ${adapter}`, () => {
    let harness: ContractHarness;
    let store: EventStore;
    beforeAll(async () => {
      harness = await open();
      store = harness.store;
      settle = harness.settle ?? (async () => undefined);
    });
    afterAll(async () => harness?.close());

    describe('append and read a stream', () => {
      it('appends to a new stream, numbering versions from 1, and reads them back as written', async () => {
        const streamId = newStream();
        const written = events(3);
        const before = Date.now();
        const result = await store.append({ streamId, expectedVersion: 'no-stream', events: written });
        const after = Date.now();

        expect(result).toMatchObject({ streamId, streamVersion: 3, idempotentReplay: false });
        expect(result.positions).toHaveLength(3);
        expect([...result.positions].sort((a, b) => a - b)).toEqual(result.positions);

        const read = await store.readStream(streamId);
        expect(read.map((e) => e.streamVersion)).toEqual([1, 2, 3]);
        expect(read.map((e) => e.eventId)).toEqual(written.map((e) => e.eventId));
        expect(read.map((e) => e.globalPosition)).toEqual(result.positions);
        expect(read[0]).toMatchObject({
          type: 'CollaborationProposed',
          schemaVersion: 1,
          data: written[0]!.data,
          metadata: { actor: 'test' },
          occurredAt: new Date('2015-04-01T09:00:00.000Z'),
        });
        for (const event of read) {
          expect(event.recordedAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
          expect(event.recordedAt.getTime()).toBeLessThanOrEqual(after + 1000);
        }
        expect(await store.streamVersion(streamId)).toBe(3);
      });

      it('keeps the schema version a writer gives', async () => {
        const streamId = newStream();
        await store.append({ streamId, expectedVersion: 'any', events: [anEvent({ schemaVersion: 3 })] });
        expect((await store.readStream(streamId))[0]!.schemaVersion).toBe(3);
      });

      it('reads nothing, and version 0, for a stream that does not exist', async () => {
        expect(await store.readStream(newStream())).toEqual([]);
        expect(await store.streamVersion(newStream())).toBe(0);
      });

      it('reads from a version and at most a number of events', async () => {
        const streamId = newStream();
        await store.append({ streamId, expectedVersion: 'no-stream', events: events(5) });
        const page = await store.readStream(streamId, { fromVersion: 2, maxCount: 2 });
        expect(page.map((e) => e.streamVersion)).toEqual([2, 3]);
      });
    });

    describe('optimistic concurrency', () => {
      it('appends when the expected version is the current one', async () => {
        const streamId = newStream();
        await store.append({ streamId, expectedVersion: 'no-stream', events: events(2) });
        const result = await store.append({ streamId, expectedVersion: 2, events: events(1) });
        expect(result.streamVersion).toBe(3);
      });

      it('refuses a stale expected version with WrongExpectedVersion and writes nothing', async () => {
        const streamId = newStream();
        await store.append({ streamId, expectedVersion: 'no-stream', events: events(2) });
        await settle();
        const headBefore = await store.head();

        const error = await store.append({ streamId, expectedVersion: 1, events: events(1) }).catch((e: unknown) => e);

        expect(error).toBeInstanceOf(WrongExpectedVersion);
        expect(error).toMatchObject({ code: 'WrongExpectedVersion', kind: 'conflict', streamId, expectedVersion: 1, actualVersion: 2 });
        expect(await store.streamVersion(streamId)).toBe(2);
        expect(await store.readStream(streamId)).toHaveLength(2);
        await settle();
        expect((await store.head()).position).toBe(headBefore.position);
      });

      it('refuses "no-stream" for a stream that exists, and "stream-exists" for one that does not', async () => {
        const existing = newStream();
        await store.append({ streamId: existing, expectedVersion: 'no-stream', events: events(1) });
        await expect(store.append({ streamId: existing, expectedVersion: 'no-stream', events: events(1) })).rejects.toMatchObject({
          code: 'WrongExpectedVersion',
          actualVersion: 1,
        });
        const missing = newStream();
        await expect(store.append({ streamId: missing, expectedVersion: 'stream-exists', events: events(1) })).rejects.toMatchObject({
          code: 'WrongExpectedVersion',
          actualVersion: 0,
        });
        await expect(store.append({ streamId: missing, expectedVersion: 3, events: events(1) })).rejects.toBeInstanceOf(WrongExpectedVersion);
        expect(await store.streamVersion(missing)).toBe(0);
        const result = await store.append({ streamId: existing, expectedVersion: 'stream-exists', events: events(1) });
        expect(result.streamVersion).toBe(2);
      });

      it('lets exactly one of many concurrent appends at the same expected version win', async () => {
        const streamId = newStream();
        await store.append({ streamId, expectedVersion: 'no-stream', events: events(1) });
        const attempts = await Promise.allSettled(
          Array.from({ length: 12 }, () => store.append({ streamId, expectedVersion: 1, events: events(2) })),
        );
        const won = attempts.filter((a) => a.status === 'fulfilled');
        const lost = attempts.filter((a): a is PromiseRejectedResult => a.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(11);
        for (const loss of lost) expect(loss.reason).toBeInstanceOf(WrongExpectedVersion);
        expect(await store.streamVersion(streamId)).toBe(3);
      });

      it('keeps each concurrent append’s own result: refused ones do not disturb the others', async () => {
        const streams = Array.from({ length: 10 }, () => newStream());
        await Promise.all(streams.map((streamId) => store.append({ streamId, expectedVersion: 'no-stream', events: events(1) })));
        const outcomes = await Promise.allSettled(
          streams.map((streamId, i) => store.append({ streamId, expectedVersion: i % 2 === 0 ? 1 : 7, events: events(1) })),
        );
        outcomes.forEach((outcome, i) => {
          if (i % 2 === 0) expect(outcome).toMatchObject({ status: 'fulfilled', value: { streamVersion: 2 } });
          else expect(outcome).toMatchObject({ status: 'rejected', reason: { code: 'WrongExpectedVersion', actualVersion: 1 } });
        });
        const versions = await Promise.all(streams.map((s) => store.streamVersion(s)));
        expect(versions).toEqual(streams.map((_, i) => (i % 2 === 0 ? 2 : 1)));
      });

      it('numbers concurrent "any" appends to one stream without gaps or repeats', async () => {
        const streamId = newStream();
        const results = await Promise.all(
          Array.from({ length: 20 }, () => store.append({ streamId, expectedVersion: 'any', events: events(2) })),
        );
        expect(results.map((r) => r.streamVersion).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => 2 * (i + 1)));
        const read = await store.readStream(streamId);
        expect(read.map((e) => e.streamVersion)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
      });
    });

    describe('idempotent append', () => {
      it('returns the original positions when the same event ids are sent again, and writes no duplicate', async () => {
        const streamId = newStream();
        const batch = events(3);
        const first = await store.append({ streamId, expectedVersion: 'no-stream', events: batch });
        await settle();
        const headAfterFirst = await store.head();

        const again = await store.append({ streamId, expectedVersion: 'no-stream', events: batch });

        expect(again).toEqual({ ...first, idempotentReplay: true });
        expect(await store.readStream(streamId)).toHaveLength(3);
        await settle();
        expect((await store.head()).position).toBe(headAfterFirst.position);
        const ids = (await readSettled(store)).map((e) => e.eventId);
        expect(ids.filter((id) => id === batch[0]!.eventId)).toHaveLength(1);
      });

      it('treats a retry of an append that raced with itself as one append', async () => {
        const streamId = newStream();
        const batch = events(2);
        const results = await Promise.allSettled(
          Array.from({ length: 5 }, () => store.append({ streamId, expectedVersion: 'any', events: batch })),
        );
        for (const result of results) expect(result.status).toBe('fulfilled');
        expect(await store.readStream(streamId)).toHaveLength(2);
      });

      it('refuses event ids already recorded in another stream or another shape, writing nothing', async () => {
        const streamId = newStream();
        const batch = events(2);
        await store.append({ streamId, expectedVersion: 'no-stream', events: batch });

        const otherStream = newStream();
        await expect(store.append({ streamId: otherStream, expectedVersion: 'any', events: batch })).rejects.toBeInstanceOf(EventIdConflict);
        expect(await store.streamVersion(otherStream)).toBe(0);

        const partly = [batch[1]!, anEvent()];
        await expect(store.append({ streamId, expectedVersion: 'any', events: [anEvent(), batch[0]!] })).rejects.toMatchObject({
          code: 'EventIdConflict',
        });
        await expect(store.append({ streamId, expectedVersion: 'any', events: partly })).rejects.toMatchObject({ code: 'EventIdConflict' });
        expect(await store.streamVersion(streamId)).toBe(2);
      });
    });

    describe('an event id names one content', () => {
      it('refuses the same event id with other content as EventIdConflict, keeping the first content', async () => {
        const streamId = newStream();
        const first = anEvent();
        await store.append({ streamId, expectedVersion: 'no-stream', events: [first] });
        const altered = { ...first, data: { ...(first.data as object), name: 'Altered alliance' } };
        await expect(store.append({ streamId, expectedVersion: 'any', events: [altered] })).rejects.toBeInstanceOf(EventIdConflict);
        await expect(store.append({ streamId, expectedVersion: 'any', events: [{ ...first, occurredAt: new Date('2016-01-01Z') }] })).rejects.toBeInstanceOf(EventIdConflict);
        await expect(store.append({ streamId, expectedVersion: 'any', events: [{ ...first, metadata: { actor: 'someone else' } }] })).rejects.toBeInstanceOf(EventIdConflict);
        const [kept] = await store.readStream(streamId);
        expect(kept!.data).toEqual(first.data);
        expect(await store.streamVersion(streamId)).toBe(1);
        // The same content again is still a replay.
        expect(await store.append({ streamId, expectedVersion: 'any', events: [first] })).toMatchObject({ idempotentReplay: true, streamVersion: 1 });
      });
    });

    describe('recorded time never goes backwards', () => {
      it('within each stream and along the global order, under concurrent writers', async () => {
        const checkpoint = await tailCheckpoint(store);
        const streams = Array.from({ length: 5 }, () => newStream());
        await Promise.all(
          Array.from({ length: 40 }, (_, i) => store.append({ streamId: streams[i % streams.length]!, expectedVersion: 'any', events: events(1 + (i % 3)) })),
        );
        await settle();
        const log = (await readSettled(store, checkpoint)).filter((e) => streams.includes(e.streamId));
        expectNeverBackwards(log);
      });
    });

    describe('refused appends write nothing', () => {
      it.each([
        ['no events', { events: [] }],
        ['an event id that is not a UUID', { events: [anEvent({ eventId: 'not-a-uuid' })] }],
        ['an event type that is not a past-tense type string', { events: [anEvent({ type: 'agreement signed' })] }],
        ['an invalid occurredAt', { events: [anEvent({ occurredAt: new Date('not a date') })] }],
        ['data that is not an object', { events: [anEvent({ data: [1, 2] })] }],
        ['text with a NUL character (jsonb cannot hold it)', { events: [anEvent({ data: { name: 'a\u0000b' } })] }],
        ['text with an unpaired surrogate (not Unicode)', { events: [anEvent({ data: { name: 'a\ud800' } })] }],
        ['metadata with a number that is not finite', { events: [anEvent({ metadata: { weight: Number.NaN } })] }],
        ['data holding a Date object, which JSON would turn into something else', { events: [anEvent({ data: { at: new Date(0) } })] }],
        ['a negative expected version', { expectedVersion: -1 }],
        ['a stream id with spaces', { streamId: 'collaboration 1' }],
      ] as Array<[string, Partial<AppendRequest>]>)('refuses %s with InvalidAppend', async (_case, override) => {
        const streamId = newStream();
        const request = { streamId, expectedVersion: 'any' as const, events: events(1), ...override };
        await expect(store.append(request)).rejects.toBeInstanceOf(InvalidAppend);
        expect(await store.streamVersion(streamId)).toBe(0);
      });

      it('refuses the same event id twice in one append', async () => {
        const streamId = newStream();
        const event = anEvent();
        await expect(store.append({ streamId, expectedVersion: 'any', events: [event, event] })).rejects.toMatchObject({
          code: 'InvalidAppend',
        });
        expect(await store.streamVersion(streamId)).toBe(0);
      });
    });

    describe('finding an event by its id', () => {
      it('finds the event recorded with an id, whatever its stream, and nothing for an id never recorded', async () => {
        const streamId = newStream();
        const [first, second] = [anEvent(), anEvent()];
        const { positions } = await store.append({ streamId, expectedVersion: 'no-stream', events: [first!, second!] });
        const found = await store.findEvent(second!.eventId.toUpperCase());
        expect(found).toMatchObject({ eventId: second!.eventId.toLowerCase(), streamId, streamVersion: 2, globalPosition: positions[1], type: second!.type });
        expect(await store.findEvent(randomUUID())).toBeUndefined();
        expect(await store.findEvent('not-a-uuid')).toBeUndefined();
      });
    });

    describe('two clocks', () => {
      it('keeps a back-dated occurredAt and sets recordedAt itself', async () => {
        const streamId = newStream();
        await store.append({
          streamId,
          expectedVersion: 'no-stream',
          events: [anEvent({ occurredAt: new Date('2015-04-01T00:00:00Z') }), anEvent({ occurredAt: new Date('2012-01-01T00:00:00Z') })],
        });
        const [first, backDated] = await store.readStream(streamId);
        expect(backDated!.occurredAt.toISOString()).toBe('2012-01-01T00:00:00.000Z');
        expect(backDated!.recordedAt.getTime()).toBeGreaterThan(Date.parse('2020-01-01'));
        expect(backDated!.recordedAt.getTime()).toBeGreaterThanOrEqual(first!.recordedAt.getTime());
      });

      it('reads a stream as it stood at an occurred time, and as it was known at a recorded time', async () => {
        const streamId = newStream();
        await store.append({ streamId, expectedVersion: 'no-stream', events: [anEvent({ occurredAt: new Date('2015-01-01Z') })] });
        const firstRecorded = (await store.readStream(streamId))[0]!.recordedAt;
        await new Promise((r) => setTimeout(r, 15));
        await store.append({
          streamId,
          expectedVersion: 1,
          events: [anEvent({ occurredAt: new Date('2014-06-01Z') }), anEvent({ occurredAt: new Date('2016-01-01Z') })],
        });

        const asAt2015 = await store.readStream(streamId, { occurredUntil: new Date('2015-06-01Z') });
        expect(asAt2015.map((e) => e.streamVersion)).toEqual([1, 2]);

        const knownThen = await store.readStream(streamId, { recordedUntil: firstRecorded });
        expect(knownThen.map((e) => e.streamVersion)).toEqual([1]);

        const asAt2015KnownThen = await store.readStream(streamId, { occurredUntil: new Date('2015-06-01Z'), recordedUntil: firstRecorded });
        expect(asAt2015KnownThen.map((e) => e.streamVersion)).toEqual([1]);
      });
    });

    describe('the global log', () => {
      it('reads every event once, in order, page by page from a checkpoint', async () => {
        const checkpoint = await tailCheckpoint(store);
        const a = newStream();
        const b = newStream();
        await store.append({ streamId: a, expectedVersion: 'no-stream', events: events(3) });
        await store.append({ streamId: b, expectedVersion: 'no-stream', events: events(2) });
        await store.append({ streamId: a, expectedVersion: 3, events: events(2) });

        const paged = await readSettled(store, checkpoint, 2);
        expect(paged.map((e) => [e.streamId, e.streamVersion])).toEqual([
          [a, 1], [a, 2], [a, 3], [b, 1], [b, 2], [a, 4], [a, 5],
        ]);
        const positions = paged.map((e) => e.globalPosition);
        expect(new Set(positions).size).toBe(positions.length);
        for (let i = 1; i < paged.length; i++) {
          expect(compareCheckpoints(
            { transactionId: paged[i - 1]!.transactionId, position: paged[i - 1]!.globalPosition },
            { transactionId: paged[i]!.transactionId, position: paged[i]!.globalPosition },
          )).toBeLessThan(0);
        }
        const last = paged.at(-1)!;
        const tail = await store.readAll({ transactionId: last.transactionId, position: last.globalPosition });
        expect(tail.events).toEqual([]);
        expect(tail.checkpoint).toEqual({ transactionId: last.transactionId, position: last.globalPosition });
        expect((await store.head()).position).toBeGreaterThanOrEqual(last.globalPosition);
      });

      it('never shows a stream’s version N+1 before version N, even for concurrent "any" appends', async () => {
        const streamId = newStream();
        const checkpoint = await tailCheckpoint(store);
        await Promise.all(Array.from({ length: 30 }, () => store.append({ streamId, expectedVersion: 'any', events: events(1) })));
        const seen = (await readSettled(store, checkpoint)).filter((e) => e.streamId === streamId).map((e) => e.streamVersion);
        expect(seen).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
      });

      it('delivers past and then new events to a subscriber, in order, until it stops', async () => {
        const streamId = newStream();
        const checkpoint = await tailCheckpoint(store);
        await store.append({ streamId, expectedVersion: 'no-stream', events: events(2) });

        const controller = new AbortController();
        const received: RecordedEvent[] = [];
        const consuming = (async () => {
          for await (const event of store.subscribe(checkpoint, { signal: controller.signal, pollIntervalMs: 20, batchSize: 2 })) {
            if (event.streamId === streamId) received.push(event);
            if (received.length === 5) controller.abort();
          }
        })();
        await store.append({ streamId, expectedVersion: 2, events: events(3) });
        await consuming;
        expect(received.map((e) => e.streamVersion)).toEqual([1, 2, 3, 4, 5]);
      });
    });

    describe('hash chain', () => {
      it('chains each stream’s events from the genesis hash, recomputable outside the store', async () => {
        const streamId = newStream();
        await store.append({ streamId, expectedVersion: 'no-stream', events: events(2) });
        await store.append({ streamId, expectedVersion: 2, events: [anEvent({ data: { text: 'Gŵyl Dewi — ünïcødé', amount: 1250000.5 } })] });
        const read = await store.readStream(streamId);

        expect(read[0]!.prevHash).toBe(GENESIS_HASH);
        expect(read[1]!.prevHash).toBe(read[0]!.hash);
        expect(read[2]!.prevHash).toBe(read[1]!.hash);
        for (const e of read) expect(e.hash).toMatch(/^[0-9a-f]{64}$/);
        expect(verifyStreamChain(streamId, read)).toEqual({ valid: true, streamId, length: 3, lastHash: read[2]!.hash });
      });

      it('detects an altered event, a removed event and a forged recorded time', async () => {
        const streamId = newStream();
        await store.append({ streamId, expectedVersion: 'no-stream', events: events(3) });
        const read = await store.readStream(streamId);

        const altered = read.map((e, i) => (i === 1 ? { ...e, data: { name: 'something else' } } : e));
        expect(verifyStreamChain(streamId, altered)).toMatchObject({ valid: false, brokenAtVersion: 2 });

        const removed = [read[0]!, { ...read[2]!, streamVersion: 2 }];
        expect(verifyStreamChain(streamId, removed)).toMatchObject({ valid: false, brokenAtVersion: 2 });

        const backdatedRecord = read.map((e, i) => (i === 2 ? { ...e, recordedAt: new Date('2019-04-01Z') } : e));
        expect(verifyStreamChain(streamId, backdatedRecord)).toMatchObject({ valid: false, brokenAtVersion: 3 });
      });
    });

    if (capabilities.includes('sql')) {
      describe('immutability, enforced by the database', () => {
        it('rejects UPDATE, DELETE and TRUNCATE of events, and any rewind of a stream', async () => {
          const streamId = newStream();
          await store.append({ streamId, expectedVersion: 'no-stream', events: events(2) });
          await expect(harness.sql!("UPDATE events SET data = '{}' WHERE stream_id = $1", [streamId])).rejects.toThrow(/append-only/);
          await expect(harness.sql!('DELETE FROM events WHERE stream_id = $1', [streamId])).rejects.toThrow(/append-only/);
          await expect(harness.sql!('TRUNCATE events')).rejects.toThrow(/append-only/);
          await expect(harness.sql!('TRUNCATE streams CASCADE')).rejects.toThrow(/append-only/);
          await expect(harness.sql!('DELETE FROM streams WHERE stream_id = $1', [streamId])).rejects.toThrow(/append-only/);
          await expect(harness.sql!('UPDATE streams SET version = 1 WHERE stream_id = $1', [streamId])).rejects.toThrow(/forward/);
          const read = await store.readStream(streamId);
          expect(read).toHaveLength(2);
          expect(verifyStreamChain(streamId, read).valid).toBe(true);
        });
      });
    }

    if (capabilities.includes('sql')) {
      describe('global order by transaction id', () => {
        it('orders transaction ids as numbers, not as text (99 before 100)', async () => {
          // Two rows written as if by transactions 99 and 100, older than any real one in the cluster
          // (by a superuser past the triggers: the store itself never writes such rows).
          const streamId = newStream('ordering');
          for (const [version, transaction] of [[1, 100], [2, 99]] as const) {
            await harness.sqlWithoutTriggers!(
              `INSERT INTO events (stream_id, stream_version, event_id, type, schema_version, data, metadata, occurred_at, transaction_id, prev_hash, hash)
               VALUES ($1, $2, $3, 'CollaborationProposed', 1, '{}', '{}', now(), $4::text::xid8, repeat('0', 64), repeat('0', 64))`,
              [streamId, version, randomUUID(), transaction],
            );
          }
          const { events } = await store.readAll({ transactionId: '98', position: 0 }, { maxCount: 2 });
          expect(events.map((e) => [e.transactionId, e.streamId])).toEqual([['99', streamId], ['100', streamId]]);
          const next = await store.readAll({ transactionId: '99', position: events[0]!.globalPosition }, { maxCount: 1 });
          expect(next.events.map((e) => e.transactionId)).toEqual(['100']);
        });
      });
    }

    if (capabilities.includes('least-privilege')) {
      describe('writes nobody can forge', () => {
        type Rows<T> = { rows: T[] };
        const denied = /permission denied|must be owner/;

        it('lets the application role read and append through ledger_append, and nothing else', async () => {
          const streamId = newStream();
          await store.append({ streamId, expectedVersion: 'no-stream', events: events(1) });
          const [row] = ((await harness.appSql!('SELECT global_position, stream_id FROM events WHERE stream_id = $1', [streamId])) as Rows<{ stream_id: string }>).rows;
          expect(row!.stream_id).toBe(streamId);
          await expect(
            harness.appSql!(
              `INSERT INTO events (stream_id, stream_version, event_id, type, schema_version, data, metadata, occurred_at, content_digest, prev_hash, hash)
               VALUES ($1, 2, gen_random_uuid(), 'CollaborationProposed', 1, '{}', '{}', now(), repeat('a', 64), repeat('0', 64), repeat('0', 64))`,
              [streamId],
            ),
          ).rejects.toThrow(denied);
          await expect(harness.appSql!('UPDATE streams SET version = 9 WHERE stream_id = $1', [streamId])).rejects.toThrow(denied);
          await expect(harness.appSql!('DELETE FROM events WHERE stream_id = $1', [streamId])).rejects.toThrow(denied);
          await expect(harness.appSql!('ALTER TABLE events DISABLE TRIGGER USER')).rejects.toThrow(denied);
          await expect(harness.appSql!("SELECT ledger_clock('2001-01-01Z')")).rejects.toThrow(denied);
          await expect(harness.appSql!("SELECT ledger_append_checked('[]'::jsonb)")).rejects.toThrow(denied);
          await expect(harness.appSql!("SELECT setval('events_global_position_seq', 1)")).rejects.toThrow(denied);
          expect(await store.streamVersion(streamId)).toBe(1);
        });

        it('completes a row the owner inserts itself: its own transaction id and recorded time, whatever the row says', async () => {
          const streamId = newStream();
          await store.append({ streamId, expectedVersion: 'no-stream', events: events(1) });
          const digest = 'b'.repeat(64);
          await harness.sql!(
            `INSERT INTO events (stream_id, stream_version, event_id, type, schema_version, data, metadata, occurred_at, content_digest, recorded_at, transaction_id)
             VALUES ($1, 2, gen_random_uuid(), 'CollaborationProposed', 1, '{}', '{}', now(), $2, '2001-01-01Z', '5'::xid8)`,
            [streamId, digest],
          );
          const [forged] = ((await harness.sql!('SELECT recorded_at, transaction_id::text AS xid FROM events WHERE stream_id = $1 AND stream_version = 2', [streamId])) as Rows<{ recorded_at: Date; xid: string }>).rows;
          expect(forged!.recorded_at.getUTCFullYear()).toBeGreaterThan(2001);
          expect(forged!.xid).not.toBe('5');
        });

        it('refuses a row that does not extend its stream, and a head moved without its event', async () => {
          const streamId = newStream();
          await store.append({ streamId, expectedVersion: 'no-stream', events: events(1) });
          const insert = (version: number, extra: string) =>
            harness.sql!(
              `INSERT INTO events (stream_id, stream_version, event_id, type, schema_version, data, metadata, occurred_at, content_digest${extra ? ', hash' : ''})
               VALUES ($1, $2, gen_random_uuid(), 'CollaborationProposed', 1, '{}', '{}', now(), repeat('c', 64)${extra ? `, '${extra}'` : ''})`,
              [streamId, version],
            );
          await expect(insert(3, '')).rejects.toThrow(/does not extend its stream/); // version 2 is missing
          await expect(insert(2, 'f'.repeat(64))).rejects.toThrow(/does not extend its stream/); // a hash that is not its link
          await expect(harness.sql!('UPDATE streams SET version = 2 WHERE stream_id = $1', [streamId])).rejects.toThrow(/moves only with its last event/);
          await expect(harness.sql!("INSERT INTO streams (stream_id, type, version, last_hash) VALUES ($1, 'x', 1, repeat('0', 64))", [newStream()])).rejects.toThrow(/moves only with its last event/);
          expect(await store.streamVersion(streamId)).toBe(1);
        });

        it('answers an append that meets a row written behind its back with a typed error, never a raw database error', async () => {
          const streamId = newStream();
          await store.append({ streamId, expectedVersion: 'no-stream', events: events(1) });
          // The owner appends version 2 past ledger_append, so the stream's head still says 1.
          await harness.sql!(
            `INSERT INTO events (stream_id, stream_version, event_id, type, schema_version, data, metadata, occurred_at, content_digest)
             VALUES ($1, 2, gen_random_uuid(), 'CollaborationProposed', 1, '{}', '{}', now(), repeat('d', 64))`,
            [streamId],
          );
          await expect(store.append({ streamId, expectedVersion: 1, events: events(1) })).rejects.toBeInstanceOf(WrongExpectedVersion);
        });

        it('answers the same request twice in one batch, at an exact expected version, with one append and one replay', async () => {
          const streamId = newStream();
          await store.append({ streamId, expectedVersion: 'no-stream', events: events(1) });
          const request = encodeAppend({ streamId, expectedVersion: 1, events: events(2) });
          const answer = (await harness.appSql!(APPEND_SQL, [JSON.stringify([request, request])])) as Rows<{ results: Array<{ ok: boolean; replay?: boolean; version?: number; positions?: number[] }> }>;
          const [first, second] = answer.rows[0]!.results;
          expect(first).toMatchObject({ ok: true, replay: false, version: 3 });
          expect(second).toEqual({ ...first, replay: true });
          expect(await store.readStream(streamId)).toHaveLength(3);
        });
      });
    }

    if (capabilities.includes('statement-count')) {
      describe('one round trip per append', () => {
        it('sends a single statement for an append', async () => {
          const streamId = newStream();
          const before = harness.statementsSent!();
          await store.append({ streamId, expectedVersion: 'no-stream', events: events(5) });
          expect(harness.statementsSent!() - before).toBe(1);
        });

        it('group-commits concurrent appends: fewer statements than appends, each with its own result', async () => {
          const streams = Array.from({ length: 40 }, () => newStream());
          const before = harness.statementsSent!();
          const results = await Promise.all(streams.map((streamId) => store.append({ streamId, expectedVersion: 'no-stream', events: events(1) })));
          const statements = harness.statementsSent!() - before;
          expect(statements).toBeLessThan(streams.length);
          expect(statements).toBeGreaterThanOrEqual(1);
          expect(results.map((r) => r.streamVersion)).toEqual(streams.map(() => 1));
          expect(new Set(results.flatMap((r) => r.positions)).size).toBe(40);
        });
      });
    }

    if (capabilities.includes('slow-writers')) {
      describe('recorded time under slow writers', () => {
        it('never goes backwards, nor hides an earlier version of a stream from “as known at”, when transactions begin, wait and commit at random', async () => {
          const checkpoint = await tailCheckpoint(store);
          const streams = Array.from({ length: 4 }, () => newStream());
          let seed = 7;
          const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
          const writers = Array.from({ length: 10 }, async (_, w) => {
            for (let i = 0; i < 8; i++) {
              const streamId = streams[(w + i) % streams.length]!;
              if (random() < 0.5) {
                // A transaction that began, waits, then appends (its start is long before its append), and waits again before it commits.
                const slow = await harness.beginSlowAppend!({ streamId, expectedVersion: 'any', events: events(1) }, { delayBeforeAppendMs: Math.floor(random() * 30) });
                await new Promise((r) => setTimeout(r, Math.floor(random() * 30)));
                await slow.commit();
              } else {
                await store.append({ streamId, expectedVersion: 'any', events: events(1 + (i % 2)) });
              }
            }
          });
          await Promise.all(writers);
          await settle();
          const log = (await readSettled(store, checkpoint)).filter((e) => streams.includes(e.streamId));
          expect(log.length).toBeGreaterThan(80);
          expectNeverBackwards(log);
          // As known at each event's recorded time, a stream reads as a prefix of itself: no version without the one before.
          for (const event of log.filter((_, i) => i % 7 === 0)) {
            const known = await store.readStream(event.streamId, { recordedUntil: event.recordedAt });
            expect(known.map((e) => e.streamVersion)).toEqual(known.map((_, i) => i + 1));
            expect(known.length).toBeGreaterThanOrEqual(event.streamVersion);
          }
        });
      });

      describe('gap-free global order under slow and fast writers', () => {
        it('does not let a reader pass a slower transaction that commits a lower position later', async () => {
          const checkpoint = await tailCheckpoint(store);
          const slowStream = newStream();
          const fastStream = newStream();

          const slow = await harness.beginSlowAppend!({ streamId: slowStream, expectedVersion: 'no-stream', events: events(1) });
          const fast = await store.append({ streamId: fastStream, expectedVersion: 'no-stream', events: events(1) });

          // The fast writer has committed, but the slow one holds an older transaction open:
          // a reader must not move past it.
          const duringSlow = await store.readAll(checkpoint);
          expect(duringSlow.events.filter((e) => e.streamId === fastStream || e.streamId === slowStream)).toEqual([]);
          expect(duringSlow.checkpoint).toEqual(checkpoint);

          await slow.commit();
          const after = await readSettled(store, checkpoint);
          const ours = after.filter((e) => e.streamId === fastStream || e.streamId === slowStream);
          expect(ours.map((e) => e.streamId)).toEqual([slowStream, fastStream]);
          // The slow writer's position is lower than the fast one's, although it committed
          // later: a reader that kept only a position would have skipped it for ever.
          expect(ours[0]!.globalPosition).toBeLessThan(fast.positions[0]!);
        });

        it('orders a stream by version even when the later writer began waiting before the earlier one wrote', async () => {
          const streamId = newStream();
          const checkpoint = await tailCheckpoint(store);
          // A transaction takes the stream's lock as an append does, but has not written yet.
          const holder = await harness.holdStreamLock!(streamId);
          // Another append to the same stream now waits for that lock. Had it written anything
          // before waiting, it would already hold a lower transaction id than the holder's.
          const waiting = store.append({ streamId, expectedVersion: 'any', events: events(1) });
          await new Promise((r) => setTimeout(r, 50));
          await holder.append({ streamId, expectedVersion: 'no-stream', events: events(1) });
          await holder.commit();
          expect((await waiting).streamVersion).toBe(2);

          const seen = (await readSettled(store, checkpoint)).filter((e) => e.streamId === streamId);
          expect(seen.map((e) => e.streamVersion)).toEqual([1, 2]);
          expect(BigInt(seen[0]!.transactionId)).toBeLessThan(BigInt(seen[1]!.transactionId));
        });

        it('delivers every event exactly once to a reader polling while writers of random speed commit', async () => {
          const checkpoint = await tailCheckpoint(store);
          const streams = Array.from({ length: 6 }, () => newStream());
          const written = new Set<string>();
          let writing = true;
          const delivered: RecordedEvent[] = [];
          const reader = (async () => {
            let at = checkpoint;
            for (;;) {
              const done = !writing;
              const page = await store.readAll(at, { maxCount: 7 });
              delivered.push(...page.events);
              at = page.checkpoint;
              if (done && page.events.length === 0) return;
              if (page.events.length === 0) await new Promise((r) => setTimeout(r, 2));
            }
          })();
          const writers = Array.from({ length: 8 }, async (_, w) => {
            for (let i = 0; i < 6; i++) {
              const streamId = streams[(w + i) % streams.length]!;
              const batch = events(1 + ((w + i) % 3));
              if ((w + i) % 2 === 0) {
                const slow = await harness.beginSlowAppend!({ streamId, expectedVersion: 'any', events: batch });
                await new Promise((r) => setTimeout(r, 5 + ((w * 7 + i * 13) % 40)));
                await slow.commit();
              } else {
                await store.append({ streamId, expectedVersion: 'any', events: batch });
              }
              for (const e of batch) written.add(e.eventId);
            }
          });
          await Promise.all(writers);
          await settle();
          writing = false;
          await reader;

          const ours = delivered.filter((e) => streams.includes(e.streamId));
          expect(ours.map((e) => e.eventId).sort()).toEqual([...written].sort());
          for (const streamId of streams) {
            const versions = ours.filter((e) => e.streamId === streamId).map((e) => e.streamVersion);
            expect(versions).toEqual(versions.map((_, i) => i + 1));
          }
        });
      });
    }

  });
}
