import { randomUUID } from 'node:crypto';
import {
  type AllStreamResolvedEvent,
  type AppendStreamRequest,
  BACKWARDS,
  END,
  FORWARDS,
  KurrentDBClient,
  type MultiAppendResult,
  type ReadAllOptions,
  type ReadStreamOptions as ClientReadStreamOptions,
  type ResolvedEvent,
  StreamNotFoundError,
  eventTypeFilter,
} from '@kurrent/kurrentdb-client';
import { type Clock, systemClock } from '#shared-kernel';
import { validateAppend } from '../append-validation.js';
import { EventIdConflict, ImportRefused, StoreUnavailable, WrongExpectedVersion } from '../event-store.errors.js';
import type {
  AppendRequest,
  AppendResult,
  Checkpoint,
  EventStore,
  ReadAllResult,
  ReadStreamOptions,
  RecordedEvent,
  StoreHead,
  StreamHead,
  SubscribeOptions,
} from '../event-store.port.js';
import { checkpointOf, compareCheckpoints } from '../event-store.port.js';
import { contentDigest, normalise } from '../hash-chain.js';
import type { ImportTarget } from '../migrate-store.js';
import { AppendNotifier, pollAll } from '../subscription.js';
import {
  EMPTY_HEAD,
  type EventStoreDbHead,
  type StoredEvent,
  classifyAppendFailure,
  claimStreamOf,
  decodeClaim,
  decodeEvent,
  encodeEventStoreDbAppend,
  encodeImported,
  expectationMet,
  isLedgerStream,
  judgeClaims,
  ledgerStreamsFilter,
  readPositionOf,
  recordedTimeFor,
  storeErrorOf,
  streamStateOf,
} from './eventstoredb-codec.js';

/**
 * The slice of the KurrentDB client this adapter uses: the real client, or a fake in the unit tests.
 * Multi-stream appends need KurrentDB 25.1 or later (ADR 0005).
 */
export interface EventStoreDbClient {
  multiStreamAppend(requests: AppendStreamRequest[]): Promise<MultiAppendResult>;
  readStream(streamName: string, options?: ClientReadStreamOptions): AsyncIterableIterator<ResolvedEvent>;
  readAll(options?: ReadAllOptions): AsyncIterableIterator<AllStreamResolvedEvent>;
  dispose(): Promise<void>;
}

export interface EventStoreDbOptions {
  clock?: Clock;
  /** How often an append with expected version "any" or "stream-exists" is tried again when another process moved its stream first (default 50). */
  maxAttempts?: number;
}

/** A client for EVENTSTOREDB_URL (kurrentdb://, esdb:// or esdb+discover://, the server's own connection-string format). */
export function connectEventStoreDb(url: string): EventStoreDbClient {
  return KurrentDBClient.connectionString(url);
}

/**
 * The EventStoreDB/KurrentDB adapter (ADR 0005). Streams map one to one. An append reads its
 * stream's head, computes each event's link from the head's hash and the append's recorded time,
 * and writes the events expecting exactly the head's revision, together with one claim per event id
 * (`@event-id-<uuid>`, expected not to exist) in one atomic multi-stream append: the expected
 * revision guarantees that nothing came between the head the links were computed from and the new
 * events, and the claims make an event id global and content-checked, as on PostgreSQL.
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly clock: Clock;
  private readonly maxAttempts: number;
  private readonly appended = new AppendNotifier();
  /** The latest recorded time this process has written or read: its appends are never stamped earlier. */
  private lastRecordedAt: Date | null = null;
  /** Appends from this process take turns from reading the head to the write, so that their recorded times follow their commit order. */
  private turn: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly client: EventStoreDbClient,
    options: EventStoreDbOptions = {},
  ) {
    this.clock = options.clock ?? systemClock;
    this.maxAttempts = options.maxAttempts ?? 50;
  }

  async append(request: AppendRequest): Promise<AppendResult> {
    validateAppend(request);
    const { streamId, expectedVersion } = request;
    const contents = request.events.map(normalise);
    const digests = contents.map(contentDigest);
    const eventIds = contents.map((c) => c.eventId);

    for (let attempt = 1; ; attempt++) {
      const outcome = await this.inTurn(async () => {
        const head = await this.readHead(streamId);
        if (!expectationMet(expectedVersion, head.version)) return { kind: 'expectation-failed' as const, head };
        const tail = await this.readTail();
        const recordedAt = recordedTimeFor(this.clock.now(), head.recordedAt, tail, this.lastRecordedAt);
        const encoded = encodeEventStoreDbAppend(streamId, head, contents, digests, recordedAt, randomUUID);
        try {
          await this.client.multiStreamAppend([
            { streamName: streamId, expectedState: streamStateOf(head.version), events: encoded.events },
            ...encoded.claims.map((claim) => ({ streamName: claim.streamName, expectedState: 'no_stream' as const, events: [claim.event] })),
          ]);
        } catch (error) {
          return { kind: 'refused' as const, head, failure: classifyAppendFailure(error, streamId, expectedVersion) };
        }
        this.seen(recordedAt);
        return { kind: 'written' as const, head };
      });

      if (outcome.kind === 'written') {
        this.appended.notify();
        return this.writtenResult(streamId, outcome.head.version, eventIds, digests);
      }
      if (outcome.kind === 'refused' && outcome.failure.kind === 'error') throw outcome.failure.error;
      // Refused for its version, or an id already claimed: a retry of a recorded append is a replay, never a conflict.
      const replay = await this.replayOf(streamId, eventIds, digests);
      if (replay) return replay;
      if (outcome.kind === 'expectation-failed') throw new WrongExpectedVersion(streamId, expectedVersion, outcome.head.version);
      const failure = outcome.failure;
      if (failure.kind === 'id-claimed') throw new EventIdConflict(streamId, eventIds);
      if (failure.kind === 'stream-moved') {
        // Another process appended first. An exact expectation has lost; "any" and "stream-exists" try again on the new head.
        const retry = expectedVersion === 'any' || (expectedVersion === 'stream-exists' && failure.actualVersion > 0);
        if (!retry) throw new WrongExpectedVersion(streamId, expectedVersion, failure.actualVersion);
        if (attempt >= this.maxAttempts) throw new StoreUnavailable(`stream ${streamId} kept moving under ${attempt} attempts to append`);
      }
    }
  }

  /** Runs `work` after every earlier turn of this process has finished. */
  private inTurn<T>(work: () => Promise<T>): Promise<T> {
    const mine = this.turn.then(work);
    this.turn = mine.catch(() => undefined);
    return mine;
  }

  private seen(recordedAt: Date): void {
    if (!this.lastRecordedAt || recordedAt > this.lastRecordedAt) this.lastRecordedAt = recordedAt;
  }

  /** The result of a write, read back: positions come from the stored events, which must be this request's own. */
  private async writtenResult(streamId: string, headVersion: number, eventIds: readonly string[], digests: readonly string[]): Promise<AppendResult> {
    const stored = await this.readRaw(streamId, headVersion + 1, eventIds.length);
    // EventStoreDB's own idempotency (the same ids at the same revision) may answer a write with what an earlier one stored: only the same content is the same append.
    if (stored.length !== eventIds.length || stored.some((e, i) => e.eventId !== eventIds[i] || e.contentDigest !== digests[i])) {
      throw new EventIdConflict(streamId, eventIds);
    }
    return { streamId, streamVersion: headVersion + eventIds.length, positions: stored.map((e) => e.globalPosition), idempotentReplay: false };
  }

  /** The original result when exactly this request was recorded before; throws EventIdConflict when its ids were recorded otherwise; undefined when none was. */
  private async replayOf(streamId: string, eventIds: readonly string[], digests: readonly string[]): Promise<AppendResult | undefined> {
    const claims = await Promise.all(
      eventIds.map(async (eventId) => {
        const [claim] = await this.readClient(claimStreamOf(eventId), { fromRevision: 0n, maxCount: 1 });
        return claim ? decodeClaim(claim) : undefined;
      }),
    );
    const verdict = judgeClaims(streamId, eventIds, digests, claims);
    if (verdict.kind === 'none') return undefined;
    if (verdict.kind === 'conflict') throw new EventIdConflict(streamId, eventIds);
    const stored = await this.readRaw(streamId, verdict.firstVersion, eventIds.length);
    if (stored.length !== eventIds.length || stored.some((e, i) => e.eventId !== eventIds[i] || e.contentDigest !== digests[i])) {
      throw new EventIdConflict(streamId, eventIds);
    }
    return { streamId, streamVersion: verdict.lastVersion, positions: stored.map((e) => e.globalPosition), idempotentReplay: true };
  }

  /** The stream's last event as the chain needs it: version, hash and recorded time. */
  private async readHead(streamId: string): Promise<EventStoreDbHead> {
    const [last] = await this.readClient(streamId, { direction: BACKWARDS, fromRevision: END, maxCount: 1 });
    if (!last) return EMPTY_HEAD;
    const event = decodeEvent(last);
    return { version: event.streamVersion, hash: event.hash, recordedAt: event.recordedAt };
  }

  /** The recorded time of the log's last ledger event. */
  private async readTail(): Promise<Date | null> {
    for await (const resolved of this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1, filter: ledgerStreamsFilter() })) {
      if (resolved.event) return decodeEvent(resolved.event as StoredEvent).recordedAt;
    }
    return null;
  }

  /** A stream's stored events as the client gives them; a stream that does not exist has none. */
  private async readClient(streamName: string, options: ClientReadStreamOptions): Promise<StoredEvent[]> {
    const events: StoredEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(streamName, options)) {
        if (resolved.event) events.push(resolved.event as StoredEvent);
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw storeErrorOf(error, streamName);
    }
    return events;
  }

  private async readRaw(streamId: string, fromVersion: number, maxCount?: number): Promise<RecordedEvent[]> {
    const stored = await this.readClient(streamId, { fromRevision: BigInt(fromVersion - 1), ...(maxCount === undefined ? {} : { maxCount }) });
    return stored.map((event) => this.decoded(event));
  }

  private decoded(stored: StoredEvent): RecordedEvent {
    const event = decodeEvent(stored);
    this.seen(event.recordedAt);
    return event;
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const { fromVersion = 1, maxCount, occurredUntil, recordedUntil } = options;
    const filtered = occurredUntil !== undefined || recordedUntil !== undefined;
    // With a time filter the count applies after it, as in SQL: read on, filter, then cut.
    const events = await this.readRaw(streamId, Math.max(1, fromVersion), filtered ? undefined : maxCount);
    return events
      .filter((e) => (!occurredUntil || e.occurredAt <= occurredUntil) && (!recordedUntil || e.recordedAt <= recordedUntil))
      .slice(0, maxCount ?? Number.MAX_SAFE_INTEGER);
  }

  async findEvent(eventId: string): Promise<RecordedEvent | undefined> {
    // Every event id is claimed in its own stream (see append): the claim names where the event is.
    const [stored] = await this.readClient(claimStreamOf(eventId.toLowerCase()), { fromRevision: 0n, maxCount: 1 });
    const claim = stored ? decodeClaim(stored) : undefined;
    if (!claim) return undefined;
    const [event] = await this.readRaw(claim.streamId, claim.streamVersion, 1);
    return event?.eventId === claim.eventId ? event : undefined;
  }

  async streamVersion(streamId: string): Promise<number> {
    return (await this.readHead(streamId)).version;
  }

  async readByType(types: readonly string[], options: Pick<ReadStreamOptions, 'occurredUntil' | 'recordedUntil'> = {}): Promise<RecordedEvent[]> {
    if (types.length === 0) return [];
    const { occurredUntil, recordedUntil } = options;
    const wanted = new Set(types);
    const regex = `^(?:${types.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`;
    const found: RecordedEvent[] = [];
    try {
      for await (const resolved of this.client.readAll({ direction: FORWARDS, filter: eventTypeFilter({ regex }) })) {
        const stored = resolved.event as StoredEvent | undefined;
        if (!stored || !isLedgerStream(stored.streamId) || !wanted.has(stored.type)) continue;
        const event = this.decoded(stored);
        if ((!occurredUntil || event.occurredAt <= occurredUntil) && (!recordedUntil || event.recordedAt <= recordedUntil)) found.push(event);
      }
    } catch (error) {
      throw storeErrorOf(error, '$all');
    }
    return found;
  }

  async readAll(after: Checkpoint, options: { maxCount?: number } = {}): Promise<ReadAllResult> {
    const maxCount = options.maxCount ?? 1000;
    const events: RecordedEvent[] = [];
    try {
      // One more than asked: a read from a position may or may not include the event at it; it is dropped below either way.
      for await (const resolved of this.client.readAll({ direction: FORWARDS, fromPosition: readPositionOf(after), maxCount: maxCount + 1, filter: ledgerStreamsFilter() })) {
        const stored = resolved.event as StoredEvent | undefined;
        if (!stored || !isLedgerStream(stored.streamId)) continue;
        const event = this.decoded(stored);
        if (compareCheckpoints(checkpointOf(event), after) > 0 && events.length < maxCount) events.push(event);
      }
    } catch (error) {
      throw storeErrorOf(error, '$all');
    }
    const last = events.at(-1);
    return { events, checkpoint: last ? checkpointOf(last) : after };
  }

  subscribe(after: Checkpoint, options: SubscribeOptions = {}): AsyncIterable<RecordedEvent> {
    return pollAll(this, after, options, (signal) => this.appended.next(signal));
  }

  async head(): Promise<StoreHead> {
    try {
      for await (const resolved of this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1, filter: ledgerStreamsFilter() })) {
        if (resolved.event) return { position: decodeEvent(resolved.event as StoredEvent).globalPosition };
      }
    } catch (error) {
      throw storeErrorOf(error, '$all');
    }
    return { position: 0 };
  }

  /** Counts by reading: EventStoreDB keeps no count of a filtered $all (a lag of thousands reads thousands of events). */
  async countAfter(after: Checkpoint, options: { cap?: number } = {}): Promise<number> {
    const cap = options.cap ?? Number.MAX_SAFE_INTEGER;
    let count = 0;
    let checkpoint = after;
    while (count < cap) {
      const page = await this.readAll(checkpoint, { maxCount: Math.min(1000, cap - count) });
      count += page.events.length;
      if (page.events.length === 0) break;
      checkpoint = page.checkpoint;
    }
    return count;
  }

  /**
   * Prepare positions follow the log's commit order, so a reader whose checkpoint's position is at or
   * past an event's position has read it. A position past the log's head is 'unknown'.
   */
  async readThrough(globalPosition: number, checkpoints: readonly Checkpoint[]): Promise<boolean | 'unknown'> {
    if (checkpoints.every((checkpoint) => checkpoint.position >= globalPosition)) return true;
    return globalPosition > (await this.head()).position ? 'unknown' : false;
  }

  /**
   * Each stream's head as its own stream reads it (its last event, read backwards), a path
   * independent of $all, which `verify` reads the log by: the two must agree.
   */
  async streamHeads(filter: { streamId?: string } = {}): Promise<StreamHead[]> {
    let streamIds: string[];
    if (filter.streamId !== undefined) {
      streamIds = [filter.streamId];
    } else {
      const seen = new Set<string>();
      let checkpoint: Checkpoint = { transactionId: '0', position: 0 };
      for (;;) {
        const page = await this.readAll(checkpoint, { maxCount: 1000 });
        for (const event of page.events) seen.add(event.streamId);
        if (page.events.length === 0) break;
        checkpoint = page.checkpoint;
      }
      streamIds = [...seen].sort();
    }
    const heads: StreamHead[] = [];
    for (const streamId of streamIds) {
      const [last] = await this.readClient(streamId, { direction: BACKWARDS, fromRevision: END, maxCount: 1 });
      if (last) {
        const event = decodeEvent(last);
        heads.push({ streamId, version: event.streamVersion, lastHash: event.hash });
      }
    }
    return heads;
  }

  /** This store as the target of `ledger migrate-store` (ADR 0005): events copied with their recorded times and hashes. */
  importTarget(): ImportTarget {
    return {
      progress: async () => {
        let lastEventId: string | null = null;
        for await (const resolved of this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1, filter: ledgerStreamsFilter() })) {
          if (resolved.event) lastEventId = resolved.event.id.toLowerCase();
        }
        return { count: await this.countAfter({ transactionId: '0', position: 0 }), lastEventId };
      },
      import: async (events) => {
        // One atomic write per run of consecutive events of one stream, in the source's order, so that $all keeps it.
        for (let i = 0; i < events.length; ) {
          let j = i + 1;
          while (j < events.length && events[j]!.streamId === events[i]!.streamId) j++;
          const run = events.slice(i, j);
          await this.inTurn(async () => {
            const streamId = run[0]!.streamId;
            const head = await this.readHead(streamId);
            const encoded = encodeImported(run, head, await this.readTail(), randomUUID);
            try {
              await this.client.multiStreamAppend([
                { streamName: streamId, expectedState: streamStateOf(head.version), events: encoded.events },
                ...encoded.claims.map((claim) => ({ streamName: claim.streamName, expectedState: 'no_stream' as const, events: [claim.event] })),
              ]);
            } catch (error) {
              const failure = classifyAppendFailure(error, streamId, head.version);
              if (failure.kind === 'error') throw failure.error;
              throw new ImportRefused(failure.kind === 'id-claimed' ? `an event id of ${streamId} is already in the target (${failure.claimStream})` : `${streamId} moved while it was being copied`, { streamId });
            }
            this.seen(run.at(-1)!.recordedAt);
          });
          i = j;
        }
        this.appended.notify();
      },
    };
  }

  async close(): Promise<void> {
    await this.turn;
    this.appended.notify();
    await this.client.dispose();
  }
}
