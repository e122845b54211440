/**
 * The event-store port. Every adapter (PostgreSQL, in-memory, EventStoreDB) implements it and
 * passes the one contract suite in libs/event-store/test/event-store.contract.ts.
 *
 * Versions: the first event of a stream has version 1; a stream's version is the version of its
 * last event, and a stream that does not exist has version 0.
 */

/** What the writer expects the stream to be at: an exact version, or one of three conditions. */
export type ExpectedVersion = number | 'any' | 'no-stream' | 'stream-exists';

export interface EventToAppend<Data = unknown> {
  /** A UUID chosen by the writer. Re-sending the same ids is idempotent. */
  eventId: string;
  /** A stable past-tense type string, e.g. "AgreementSigned"; never a class name. */
  type: string;
  /** The payload's schema version; older versions are upcast on read, never rewritten. */
  schemaVersion?: number;
  data: Data;
  metadata?: Record<string, unknown>;
  /** When it happened in the world; may be in the past. `recordedAt` is set by the store. */
  occurredAt: Date;
}

export interface AppendRequest {
  streamId: string;
  /** The aggregate type; defaults to the stream id up to its first '-'. */
  streamType?: string;
  expectedVersion: ExpectedVersion;
  events: readonly EventToAppend[];
}

export interface AppendResult {
  streamId: string;
  /** The stream's version after the append: the version of its last event. */
  streamVersion: number;
  /** Global positions of the appended events, in order. */
  positions: number[];
  /** True when every event id had already been appended: nothing new was written. */
  idempotentReplay: boolean;
}

export interface RecordedEvent<Data = unknown> {
  /**
   * The event's place in the global log: unique, never reused. On PostgreSQL a sequence value taken
   * before commit (so the log's order is by transaction first, see Checkpoint); on EventStoreDB the
   * event's prepare position in the transaction log (a byte offset: increasing along the log's order,
   * not dense); in memory 1, 2, 3…
   */
  globalPosition: number;
  /**
   * The commit order of the append that wrote the event, as a decimal string: PostgreSQL's xid8 of
   * the appending transaction; EventStoreDB's commit position; the in-memory store's append counter.
   * The log's order is (transactionId as a number, globalPosition).
   */
  transactionId: string;
  streamId: string;
  streamVersion: number;
  eventId: string;
  type: string;
  schemaVersion: number;
  data: Data;
  metadata: Record<string, unknown>;
  occurredAt: Date;
  recordedAt: Date;
  prevHash: string;
  hash: string;
  /** The writer's content digest as stored (null for events recorded before it was kept); `verify` recomputes it regardless. */
  contentDigest: string | null;
}

export interface ReadStreamOptions {
  /** First version to return (default 1). */
  fromVersion?: number;
  maxCount?: number;
  /** Only events that occurred at or before this instant ("state as at"). */
  occurredUntil?: Date;
  /** Only events recorded at or before this instant ("what we knew on"). */
  recordedUntil?: Date;
}

/**
 * A position in the global log. Readers resume after it. It is a pair (transaction id, global
 * position), never the position alone: on PostgreSQL positions are allocated before commit, so a
 * slower transaction can commit a lower position after a faster one has been read. On EventStoreDB
 * the pair is (commit position, prepare position), the server's own $all position (ADR 0005).
 */
export interface Checkpoint {
  transactionId: string;
  position: number;
}

export const START: Checkpoint = Object.freeze({ transactionId: '0', position: 0 });

export interface ReadAllResult {
  events: RecordedEvent[];
  /** Where the next read resumes: after the last returned event, or the given checkpoint. */
  checkpoint: Checkpoint;
}

export interface SubscribeOptions {
  signal?: AbortSignal;
  batchSize?: number;
  /** How long to wait before polling again when the log had nothing new (default 200 ms). */
  pollIntervalMs?: number;
}

export interface StoreHead {
  /** The highest global position a reader can see without gaps (0 when empty). */
  position: number;
}

/** What a stream's head says: its version and the hash of its last event. */
export interface StreamHead {
  streamId: string;
  version: number;
  lastHash: string;
}

export interface EventStore {
  append(request: AppendRequest): Promise<AppendResult>;
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** 0 when the stream does not exist. */
  streamVersion(streamId: string): Promise<number>;
  /** The event recorded with this id (any stream), or undefined: how a retried request finds what it recorded. */
  findEvent(eventId: string): Promise<RecordedEvent | undefined>;
  /**
   * Every event of these types, in global position order: for lookups a command's rules need
   * (which collaborations name a force), never for projections (not gap-free). ReadStreamOptions'
   * occurredUntil / recordedUntil apply; fromVersion and maxCount do not.
   */
  readByType(types: readonly string[], options?: Pick<ReadStreamOptions, 'occurredUntil' | 'recordedUntil'>): Promise<RecordedEvent[]>;
  /** Events committed after `after`, in gap-free global order. */
  readAll(after: Checkpoint, options?: { maxCount?: number }): Promise<ReadAllResult>;
  /** Every event after `after`, then new ones as they are committed, until the signal aborts. */
  subscribe(after: Checkpoint, options?: SubscribeOptions): AsyncIterable<RecordedEvent>;
  head(): Promise<StoreHead>;
  /**
   * How many events a gap-free reader would read after `after` (counting stops at `cap` where given):
   * a projection's lag, the length of the log for a progress bar.
   */
  countAfter(after: Checkpoint, options?: { cap?: number }): Promise<number>;
  /**
   * Whether readers that have read up to each of these checkpoints have all read the event at a
   * global position ("read your own write"): true or false, or 'unknown' when the store knows no
   * committed event at that position.
   */
  readThrough(globalPosition: number, checkpoints: readonly Checkpoint[]): Promise<boolean | 'unknown'>;
  /** Every stream's head as the store keeps it (or one stream's): for verification. */
  streamHeads(filter?: { streamId?: string }): Promise<StreamHead[]>;
  close(): Promise<void>;
}

/** Nest injection token for the configured adapter. */
export const EVENT_STORE = Symbol.for('governance-ledger.EventStore');

export const streamTypeOf = (request: Pick<AppendRequest, 'streamId' | 'streamType'>): string =>
  request.streamType ?? request.streamId.split('-', 1)[0]!;

export const compareCheckpoints = (a: Checkpoint, b: Checkpoint): number => {
  const ta = BigInt(a.transactionId);
  const tb = BigInt(b.transactionId);
  if (ta !== tb) return ta < tb ? -1 : 1;
  return a.position - b.position;
};

export const checkpointOf = (event: Pick<RecordedEvent, 'transactionId' | 'globalPosition'>): Checkpoint => ({
  transactionId: event.transactionId,
  position: event.globalPosition,
});
