import type pg from 'pg';
import { isUuid } from '#shared-kernel';
import { validateAppend } from '../append-validation.js';
import { AppendRefused, EventIdConflict, StoreUnavailable, WrongExpectedVersion } from '../event-store.errors.js';
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
  checkpointOf,
  compareCheckpoints,
  streamTypeOf,
} from '../event-store.port.js';
import { contentDigest, normalise } from '../hash-chain.js';
import { AppendNotifier, pollAll } from '../subscription.js';

export interface PostgresEventStoreOptions {
  /** Most events one group-committed transaction carries (default 2000). */
  maxBatchEvents?: number;
  /** Most append transactions in flight at once from this process (default 2; LEDGER_APPEND_CONCURRENCY through the app's config). */
  maxConcurrentBatches?: number;
}

export interface WireRequest {
  streamId: string;
  streamType: string;
  expected: number | 'no-stream' | 'stream-exists' | null;
  events: Array<{
    eventId: string;
    type: string;
    schemaVersion: number;
    data: unknown;
    metadata: Record<string, unknown>;
    occurredAt: string;
    digest: string;
  }>;
}

type WireResult =
  | { ok: true; replay: boolean; version: number | string; positions: Array<number | string> }
  | { ok: false; code: 'WrongExpectedVersion'; actual: number | string }
  | { ok: false; code: 'EventIdConflict' };

interface Pending {
  request: AppendRequest;
  wire: WireRequest;
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
}

/** The one statement of an append: a batch of wire requests as a JSON array in $1. */
export const APPEND_SQL = 'SELECT ledger_append($1::jsonb) AS results';

/** The request as ledger_append takes it, with each event's content digest computed here. */
export function encodeAppend(request: AppendRequest): WireRequest {
  return {
    streamId: request.streamId,
    streamType: streamTypeOf(request),
    expected: request.expectedVersion === 'any' ? null : request.expectedVersion,
    events: request.events.map((event) => {
      const content = normalise(event);
      return {
        eventId: content.eventId,
        type: content.type,
        schemaVersion: content.schemaVersion,
        data: content.data,
        metadata: content.metadata,
        occurredAt: content.occurredAt.toISOString(),
        digest: contentDigest(content),
      };
    }),
  };
}

// Not `transaction_id::text AS transaction_id`: ORDER BY would then sort the text alias ('1000' < '996').
const COLUMNS = `global_position, transaction_id::text AS transaction_text, stream_id, stream_version, event_id::text AS event_id,
  type, schema_version, data, metadata, occurred_at, recorded_at, prev_hash, hash, content_digest`;

/**
 * The PostgreSQL adapter (pg, no ORM on the hot path).
 *
 * Append is one statement, `SELECT ledger_append($1)`, a prepared server-side function that locks,
 * checks, inserts and extends the hash chain in one transaction and one round trip. Appends that
 * arrive while earlier ones are in flight are group-committed: queued and sent together in the
 * next call, each keeping its own optimistic-concurrency result (see infra/migrations/0001).
 */
export class PostgresEventStore implements EventStore {
  private readonly queue: Pending[] = [];
  private inFlight = 0;
  private pumpScheduled = false;
  private readonly maxBatchEvents: number;
  private readonly maxConcurrentBatches: number;
  private readonly appended = new AppendNotifier();

  constructor(
    private readonly pool: pg.Pool,
    options: PostgresEventStoreOptions = {},
  ) {
    this.maxBatchEvents = options.maxBatchEvents ?? 2000;
    this.maxConcurrentBatches = options.maxConcurrentBatches ?? 2;
  }

  append(request: AppendRequest): Promise<AppendResult> {
    try {
      validateAppend(request);
    } catch (error) {
      return Promise.reject(error);
    }
    const wire = encodeAppend(request);
    return new Promise<AppendResult>((resolve, reject) => {
      this.queue.push({ request, wire, resolve, reject });
      // Idle: no batch to wait for, send at once. Busy: join the batch formed on the next turn.
      if (this.inFlight === 0 && !this.pumpScheduled) this.pump();
      else this.schedulePump();
    });
  }

  /**
   * While appends are in flight, batches are formed one event-loop turn later, not at once: the
   * callers whose appends were just answered usually append again from that turn, and they then
   * share one transaction instead of the first of them taking a free slot alone.
   */
  private schedulePump(): void {
    if (this.pumpScheduled) return;
    this.pumpScheduled = true;
    setImmediate(() => {
      this.pumpScheduled = false;
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.maxConcurrentBatches && this.queue.length > 0) {
      // What is queued is shared out over the free slots (each batch at most maxBatchEvents), so
      // that every slot carries a full share rather than one slot all and the next one a straggler.
      let queued = 0;
      for (const pending of this.queue) queued += pending.wire.events.length;
      const share = Math.min(this.maxBatchEvents, Math.ceil(queued / (this.maxConcurrentBatches - this.inFlight)));
      const batch: Pending[] = [];
      let events = 0;
      while (this.queue.length > 0 && (batch.length === 0 || events + this.queue[0]!.wire.events.length <= share)) {
        const next = this.queue.shift()!;
        events += next.wire.events.length;
        batch.push(next);
      }
      this.inFlight++;
      void this.commit(batch).finally(() => {
        this.inFlight--;
        this.schedulePump();
      });
    }
  }

  private async commit(batch: Pending[], attempt = 1): Promise<void> {
    let results: WireResult[];
    try {
      const { rows } = await this.pool.query<{ results: WireResult[] }>({
        name: 'ledger_append',
        text: APPEND_SQL,
        values: [JSON.stringify(batch.map((p) => p.wire))],
      });
      results = rows[0]!.results;
    } catch (error) {
      if (isUnavailable(error)) {
        for (const pending of batch) pending.reject(new StoreUnavailable(describe(error)));
      } else if (batch.length > 1) {
        // One request broke the whole transaction (e.g. an event id that a concurrent transaction
        // recorded meanwhile): nothing was written, so each request is tried again alone.
        await Promise.all(batch.map((pending) => this.commit([pending])));
      } else if (isUniqueViolation(error) && attempt === 1) {
        // The same event ids, or the same stream versions, were committed by a concurrent append
        // after this one looked: a second look tells a replay from a conflict or a stale version.
        await this.commit(batch, 2);
      } else {
        batch[0]!.reject(await this.typed(batch[0]!, error));
      }
      return;
    }
    let wrote = false;
    results.forEach((result, index) => {
      const { request, wire, resolve, reject } = batch[index]!;
      if (result.ok) {
        wrote ||= !result.replay;
        resolve({
          streamId: request.streamId,
          streamVersion: Number(result.version),
          positions: result.positions.map(Number),
          idempotentReplay: result.replay,
        });
      } else if (result.code === 'WrongExpectedVersion') {
        reject(new WrongExpectedVersion(request.streamId, request.expectedVersion, Number(result.actual)));
      } else {
        reject(new EventIdConflict(request.streamId, wire.events.map((e) => e.eventId)));
      }
    });
    if (wrote) this.appended.notify();
  }

  /** A store error for what the database answered: never a raw driver error. */
  private async typed(pending: Pending, error: unknown): Promise<Error> {
    const { request, wire } = pending;
    const pgError = error as { code?: string; constraint?: string; message?: string };
    if (pgError.code === '23505' && pgError.constraint === 'events_event_id_key') return new EventIdConflict(request.streamId, wire.events.map((e) => e.eventId));
    if (pgError.code === '23505') return new WrongExpectedVersion(request.streamId, request.expectedVersion, await this.streamVersion(request.streamId).catch(() => -1));
    if (pgError.code === '23514') return new AppendRefused(request.streamId, pgError.message ?? 'a check failed');
    if (isUnavailable(error)) return new StoreUnavailable(describe(error));
    return error as Error;
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const { fromVersion = 1, maxCount = null, occurredUntil = null, recordedUntil = null } = options;
    const { rows } = await this.pool.query({
      name: 'ledger_read_stream',
      text: `SELECT ${COLUMNS} FROM events
              WHERE stream_id = $1 AND stream_version >= $2
                AND ($3::timestamptz IS NULL OR occurred_at <= $3)
                AND ($4::timestamptz IS NULL OR recorded_at <= $4)
              ORDER BY stream_version LIMIT $5`,
      values: [streamId, fromVersion, occurredUntil, recordedUntil, maxCount],
    });
    return rows.map(toRecordedEvent);
  }

  async readByType(types: readonly string[], options: Pick<ReadStreamOptions, 'occurredUntil' | 'recordedUntil'> = {}): Promise<RecordedEvent[]> {
    const { rows } = await this.pool.query({
      name: 'ledger_read_by_type',
      text: `SELECT ${COLUMNS} FROM events
              WHERE type = ANY ($1::text[])
                AND ($2::timestamptz IS NULL OR occurred_at <= $2)
                AND ($3::timestamptz IS NULL OR recorded_at <= $3)
              ORDER BY global_position`,
      values: [types, options.occurredUntil ?? null, options.recordedUntil ?? null],
    });
    return rows.map(toRecordedEvent);
  }

  async findEvent(eventId: string): Promise<RecordedEvent | undefined> {
    if (!isUuid(eventId)) return undefined;
    const { rows } = await this.pool.query({ name: 'ledger_find_event', text: `SELECT ${COLUMNS} FROM events WHERE event_id = $1`, values: [eventId] });
    return rows[0] ? toRecordedEvent(rows[0]) : undefined;
  }

  async streamVersion(streamId: string): Promise<number> {
    const { rows } = await this.pool.query<{ version: string }>({
      name: 'ledger_stream_version',
      text: 'SELECT version FROM streams WHERE stream_id = $1',
      values: [streamId],
    });
    return rows.length === 0 ? 0 : Number(rows[0]!.version);
  }

  async readAll(after: Checkpoint, options: { maxCount?: number } = {}): Promise<ReadAllResult> {
    // Only transactions older than every transaction still running are read: a slower writer
    // that committed late can never be skipped, because nothing after it is read until it ends.
    const { rows } = await this.pool.query({
      name: 'ledger_read_all',
      text: `SELECT ${COLUMNS} FROM events
              WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)
                AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
              ORDER BY events.transaction_id, events.global_position LIMIT $3`,
      values: [after.transactionId, after.position, options.maxCount ?? 1000],
    });
    const events = rows.map(toRecordedEvent);
    const last = events.at(-1);
    return { events, checkpoint: last ? checkpointOf(last) : after };
  }

  subscribe(after: Checkpoint, options: SubscribeOptions = {}): AsyncIterable<RecordedEvent> {
    return pollAll(this, after, options, (signal) => this.appended.next(signal));
  }

  async head(): Promise<StoreHead> {
    const { rows } = await this.pool.query<{ position: string | null }>(
      `SELECT max(global_position) AS position FROM events
        WHERE transaction_id < pg_snapshot_xmin(pg_current_snapshot())`,
    );
    return { position: Number(rows[0]?.position ?? 0) };
  }

  async countAfter(after: Checkpoint, options: { cap?: number } = {}): Promise<number> {
    // `transaction_id >= $1` says nothing the row comparison does not, but the planner can estimate
    // it from the column's statistics: without it, it guesses a third of the log for the row
    // comparison and counts a projection's lag by a sequential scan of the whole log (1.2 s at
    // 3.2 million events for a lag of 500: docs/benchmarks.md, "National scale"); with it, an
    // index range scan of events_transaction_order (3 ms).
    const { rows } = await this.pool.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM (SELECT 1 FROM events
        WHERE transaction_id >= $1::xid8 AND (transaction_id, global_position) > ($1::xid8, $2::bigint) AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
        LIMIT $3) counted`,
      [after.transactionId, after.position, options.cap ?? null],
    );
    return rows[0]!.count;
  }

  async readThrough(globalPosition: number, checkpoints: readonly Checkpoint[]): Promise<boolean | 'unknown'> {
    const { rows } = await this.pool.query<{ transaction_id: string }>('SELECT transaction_id::text AS transaction_id FROM events WHERE global_position = $1', [globalPosition]);
    if (!rows[0]) return 'unknown';
    const at: Checkpoint = { transactionId: rows[0].transaction_id, position: globalPosition };
    return checkpoints.every((checkpoint) => compareCheckpoints(checkpoint, at) >= 0);
  }

  async streamHeads(filter: { streamId?: string } = {}): Promise<StreamHead[]> {
    const { rows } = await this.pool.query<{ stream_id: string; version: string; last_hash: string }>(
      'SELECT stream_id, version, last_hash FROM streams WHERE $1::text IS NULL OR stream_id = $1 ORDER BY stream_id',
      [filter.streamId ?? null],
    );
    return rows.map((r) => ({ streamId: r.stream_id, version: Number(r.version), lastHash: r.last_hash }));
  }

  async close(): Promise<void> {
    while (this.inFlight > 0 || this.queue.length > 0) await new Promise((r) => setTimeout(r, 5));
    this.appended.notify();
  }
}

const isUniqueViolation = (error: unknown): boolean => (error as { code?: string }).code === '23505';

/** Connection refused or lost, the server shutting down or starting up, too many connections. */
export const isUnavailable = (error: unknown): boolean => {
  const { code } = error as { code?: string };
  return (
    code === 'ECONNREFUSED' ||
    code === 'ECONNRESET' ||
    code === 'ETIMEDOUT' ||
    code === 'EPIPE' ||
    code === 'ENOTFOUND' ||
    (typeof code === 'string' && (code.startsWith('08') || code.startsWith('57P') || code === '53300')) ||
    /Connection terminated|connection timeout|Client has encountered a connection error|timeout exceeded when trying to connect|Query read timeout|Cannot use a pool after calling end/i.test((error as Error)?.message ?? '')
  );
};

const describe = (error: unknown) => (error as Error)?.message ?? String(error);

interface EventRow {
  global_position: string;
  transaction_text: string;
  stream_id: string;
  stream_version: string;
  event_id: string;
  type: string;
  schema_version: number;
  data: unknown;
  metadata: Record<string, unknown>;
  occurred_at: Date;
  recorded_at: Date;
  prev_hash: string;
  hash: string;
  content_digest: string | null;
}

function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    globalPosition: Number(row.global_position),
    transactionId: row.transaction_text,
    streamId: row.stream_id,
    streamVersion: Number(row.stream_version),
    eventId: row.event_id,
    type: row.type,
    schemaVersion: row.schema_version,
    data: row.data,
    metadata: row.metadata,
    occurredAt: row.occurred_at,
    recordedAt: row.recorded_at,
    prevHash: row.prev_hash,
    hash: row.hash,
    contentDigest: row.content_digest,
  };
}
