import { type Clock, systemClock } from '#shared-kernel';
import { validateAppend } from '../append-validation.js';
import { EventIdConflict, WrongExpectedVersion } from '../event-store.errors.js';
import {
  type AppendRequest,
  type AppendResult,
  type Checkpoint,
  type EventStore,
  type ReadAllResult,
  type ReadStreamOptions,
  type RecordedEvent,
  type StoreHead,
  type StreamHead,
  type SubscribeOptions,
  compareCheckpoints,
  checkpointOf,
} from '../event-store.port.js';
import { GENESIS_HASH, chainLink, contentDigest, normalise } from '../hash-chain.js';
import { AppendNotifier, pollAll } from '../subscription.js';

/**
 * The in-memory adapter, for fast unit tests. Each append is its own "transaction" with an
 * increasing id, so checkpoints behave as they do in PostgreSQL. Events are deep-frozen copies.
 */
export class InMemoryEventStore implements EventStore {
  private readonly log: RecordedEvent[] = [];
  private readonly streams = new Map<string, RecordedEvent[]>();
  private readonly byEventId = new Map<string, RecordedEvent>();
  private transactions = 0;
  private readonly appended = new AppendNotifier();

  constructor(private readonly clock: Clock = systemClock) {}

  async append(request: AppendRequest): Promise<AppendResult> {
    validateAppend(request);
    const { streamId, expectedVersion } = request;
    const events = request.events.map(normalise);
    const stream = this.streams.get(streamId) ?? [];

    const existing = events.map((e) => this.byEventId.get(e.eventId));
    if (existing.some(Boolean)) {
      // A replay only when every id is recorded, in one stream, in order, with the same content.
      const first = existing[0];
      const replay =
        first !== undefined &&
        existing.every((e, i) => e !== undefined && e.streamId === streamId && e.streamVersion === first.streamVersion + i && contentDigest(e) === contentDigest(events[i]!));
      if (!replay) throw new EventIdConflict(streamId, events.map((e) => e.eventId));
      return {
        streamId,
        streamVersion: existing[existing.length - 1]!.streamVersion,
        positions: existing.map((e) => e!.globalPosition),
        idempotentReplay: true,
      };
    }

    const current = stream.length;
    const matches =
      expectedVersion === 'any' ||
      (expectedVersion === 'no-stream' && current === 0) ||
      (expectedVersion === 'stream-exists' && current > 0) ||
      expectedVersion === current;
    if (!matches) throw new WrongExpectedVersion(streamId, expectedVersion, current);

    const transactionId = String(++this.transactions);
    // Recorded time never goes backwards, whatever the clock does: not within a stream, not along the log.
    const recordedAt = new Date(Math.max(Math.floor(this.clock.now().getTime()), this.log.at(-1)?.recordedAt.getTime() ?? 0));
    let prevHash = stream.at(-1)?.hash ?? GENESIS_HASH;
    const positions: number[] = [];
    for (const content of events) {
      const streamVersion = stream.length + 1;
      const digest = contentDigest(content);
      const hash = chainLink(prevHash, streamId, streamVersion, recordedAt, digest);
      const recorded: RecordedEvent = deepFreeze({
        globalPosition: this.log.length + 1,
        transactionId,
        streamId,
        streamVersion,
        eventId: content.eventId,
        type: content.type,
        schemaVersion: content.schemaVersion,
        data: structuredClone(content.data),
        metadata: structuredClone(content.metadata),
        occurredAt: new Date(content.occurredAt),
        recordedAt,
        prevHash,
        hash,
        contentDigest: digest,
      });
      this.log.push(recorded);
      stream.push(recorded);
      this.byEventId.set(recorded.eventId, recorded);
      positions.push(recorded.globalPosition);
      prevHash = hash;
    }
    this.streams.set(streamId, stream);
    this.appended.notify();
    return { streamId, streamVersion: stream.length, positions, idempotentReplay: false };
  }

  async findEvent(eventId: string): Promise<RecordedEvent | undefined> {
    return this.byEventId.get(eventId.toLowerCase());
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const { fromVersion = 1, maxCount = Number.MAX_SAFE_INTEGER, occurredUntil, recordedUntil } = options;
    return (this.streams.get(streamId) ?? [])
      .filter(
        (e) =>
          e.streamVersion >= fromVersion &&
          (!occurredUntil || e.occurredAt <= occurredUntil) &&
          (!recordedUntil || e.recordedAt <= recordedUntil),
      )
      .slice(0, maxCount);
  }

  async readByType(types: readonly string[], options: Pick<ReadStreamOptions, 'occurredUntil' | 'recordedUntil'> = {}): Promise<RecordedEvent[]> {
    const { occurredUntil, recordedUntil } = options;
    return this.log.filter(
      (e) => types.includes(e.type) && (!occurredUntil || e.occurredAt <= occurredUntil) && (!recordedUntil || e.recordedAt <= recordedUntil),
    );
  }

  async streamVersion(streamId: string): Promise<number> {
    return this.streams.get(streamId)?.length ?? 0;
  }

  async readAll(after: Checkpoint, options: { maxCount?: number } = {}): Promise<ReadAllResult> {
    const maxCount = options.maxCount ?? 1000;
    const events = this.log.filter((e) => compareCheckpoints(checkpointOf(e), after) > 0).slice(0, maxCount);
    const last = events.at(-1);
    return { events, checkpoint: last ? checkpointOf(last) : after };
  }

  subscribe(after: Checkpoint, options: SubscribeOptions = {}): AsyncIterable<RecordedEvent> {
    return pollAll(this, after, options, (signal) => this.appended.next(signal));
  }

  async head(): Promise<StoreHead> {
    return { position: this.log.length };
  }

  async countAfter(after: Checkpoint, options: { cap?: number } = {}): Promise<number> {
    const count = this.log.filter((e) => compareCheckpoints(checkpointOf(e), after) > 0).length;
    return options.cap === undefined ? count : Math.min(count, options.cap);
  }

  async readThrough(globalPosition: number, checkpoints: readonly Checkpoint[]): Promise<boolean | 'unknown'> {
    const event = this.log[globalPosition - 1];
    if (!event) return 'unknown';
    return checkpoints.every((checkpoint) => compareCheckpoints(checkpoint, checkpointOf(event)) >= 0);
  }

  async streamHeads(filter: { streamId?: string } = {}): Promise<StreamHead[]> {
    return [...this.streams.entries()]
      .filter(([streamId]) => filter.streamId === undefined || streamId === filter.streamId)
      .map(([streamId, events]) => ({ streamId, version: events.length, lastHash: events.at(-1)!.hash }));
  }

  async close(): Promise<void> {
    this.appended.notify();
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
