import type pg from 'pg';
import { ImportRefused } from './event-store.errors.js';
import { type Checkpoint, type EventStore, type RecordedEvent, START } from './event-store.port.js';
import { contentDigest } from './hash-chain.js';

/**
 * Copying a ledger from one store to another (`ledger migrate-store`, ADR 0005): every event in the
 * source's log order, with its id, both clocks, schema version, previous hash and hash kept. The
 * target takes each event only as an exact extension of its stream and of its log, so the copy's
 * chains are the source's, link for link, and the hashes an auditor already holds still verify.
 */
export interface ImportTarget {
  /** How many events the target holds, and the id of its last one in its log's order: where a copy resumes. */
  progress(): Promise<{ count: number; lastEventId: string | null }>;
  /** Appends these events, in this order, keeping everything recorded about them; all or nothing. */
  import(events: readonly RecordedEvent[], streamTypeOf?: (streamId: string) => string | undefined): Promise<void>;
}

export interface CopyOptions {
  batchSize?: number;
  /** Called after each batch with the events copied by this run and those found already copied. */
  onProgress?: (copied: number, alreadyCopied: number) => void;
  /** The stream's type where the source keeps one (PostgreSQL's streams.type); else the target's default. */
  streamTypeOf?: (streamId: string) => string | undefined;
}

export interface CopyReport {
  /** Events the target already held from an earlier run: skipped. */
  alreadyCopied: number;
  /** Events copied by this run. */
  copied: number;
}

/**
 * Copies `source` into `target`, resuming after what an earlier run copied: the target's events
 * must be exactly the source's first events (same count, same last id), else the target holds
 * another ledger and nothing is written.
 */
export async function copyLedger(source: Pick<EventStore, 'readAll'>, target: ImportTarget, options: CopyOptions = {}): Promise<CopyReport> {
  const { batchSize = 500, onProgress, streamTypeOf } = options;
  const { count, lastEventId } = await target.progress();
  let checkpoint: Checkpoint = START;
  let alreadyCopied = 0;
  let last: RecordedEvent | undefined;
  while (alreadyCopied < count) {
    const page = await source.readAll(checkpoint, { maxCount: Math.min(batchSize, count - alreadyCopied) });
    if (page.events.length === 0) throw new ImportRefused(`the target holds ${count} events, more than the source's ${alreadyCopied}: it is another ledger`, { targetEvents: count });
    alreadyCopied += page.events.length;
    last = page.events.at(-1);
    checkpoint = page.checkpoint;
  }
  if (count > 0 && last?.eventId !== lastEventId) {
    throw new ImportRefused(`the target's last event (${lastEventId}) is not the source's event number ${count} (${last?.eventId}): it holds another ledger`, { targetEvents: count });
  }
  onProgress?.(0, alreadyCopied);
  let copied = 0;
  for (;;) {
    const page = await source.readAll(checkpoint, { maxCount: batchSize });
    if (page.events.length === 0) break;
    await target.import(page.events, streamTypeOf);
    copied += page.events.length;
    checkpoint = page.checkpoint;
    onProgress?.(copied, alreadyCopied);
  }
  return { alreadyCopied, copied };
}

/**
 * PostgreSQL as the target of a copy, through `ledger_import` (infra/migrations/0006_import.sql),
 * which only the owner role may execute: give it a pool on MIGRATION_DATABASE_URL.
 */
export class PostgresImportTarget implements ImportTarget {
  constructor(private readonly ownerPool: pg.Pool) {}

  async progress(): Promise<{ count: number; lastEventId: string | null }> {
    const { rows } = await this.ownerPool.query<{ count: number; last: string | null }>(
      `SELECT (SELECT count(*)::int FROM events) AS count,
              (SELECT event_id::text FROM events ORDER BY transaction_id DESC, global_position DESC LIMIT 1) AS last`,
    );
    return { count: rows[0]!.count, lastEventId: rows[0]!.last };
  }

  async import(events: readonly RecordedEvent[], streamTypeOf?: (streamId: string) => string | undefined): Promise<void> {
    const wire = events.map((e) => ({
      eventId: e.eventId,
      streamId: e.streamId,
      streamType: streamTypeOf?.(e.streamId),
      streamVersion: e.streamVersion,
      type: e.type,
      schemaVersion: e.schemaVersion,
      data: e.data,
      metadata: e.metadata,
      occurredAt: e.occurredAt.toISOString(),
      recordedAt: e.recordedAt.toISOString(),
      prevHash: e.prevHash,
      hash: e.hash,
      // Events recorded before digests were kept (0003) have none stored: the digest of their content stands in, and the link shows whether it is the one hashed.
      contentDigest: e.contentDigest ?? contentDigest(e),
    }));
    try {
      await this.ownerPool.query('SELECT ledger_import($1::jsonb)', [JSON.stringify(wire)]);
    } catch (error) {
      const { code, message } = error as { code?: string; message?: string };
      if (code === '23514') throw new ImportRefused((message ?? 'a check failed').replace(/^import refused: /, ''));
      if (code === '23505') throw new ImportRefused(`an event id or stream version of this batch is already in the target (${message})`);
      throw error;
    }
  }
}
