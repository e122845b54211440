/**
 * The global read (issue 16): over the events the suite appended itself (section 2 of run.ts) and
 * over the generated national ledger (national-scale.ts, with the other national-scale figures).
 */
import type pg from 'pg';
import { type PostgresEventStore, START } from '#event-store';
import { interleave } from './interleave.js';

export interface GlobalRead {
  events: number;
  storeRate: number;
  plainRate: number;
}

/**
 * The whole log (at most `cap` events) read in order through the store's gap-free global read
 * (readAll, 1,000 a page), against a plain keyset-paginated SELECT of the same columns, rows parsed
 * by pg alike: interleaved, `rounds` each.
 */
export async function globalRead(store: PostgresEventStore, pool: pg.Pool, options: { cap: number; rounds: number; page?: number }): Promise<GlobalRead> {
  const page = options.page ?? 1000;
  const viaStore = async () => {
    const started = performance.now();
    let checkpoint = START;
    let events = 0;
    for (;;) {
      const result = await store.readAll(checkpoint, { maxCount: Math.min(page, options.cap - events) });
      events += result.events.length;
      checkpoint = result.checkpoint;
      if (result.events.length === 0 || events >= options.cap) break;
    }
    return { events, seconds: (performance.now() - started) / 1000 };
  };
  const plain = async () => {
    const started = performance.now();
    let after = 0;
    let events = 0;
    for (;;) {
      const { rows } = await pool.query<{ global_position: string }>({
        name: 'bench_plain_read',
        text: `SELECT global_position, transaction_id::text AS transaction_text, stream_id, stream_version, event_id::text AS event_id,
                 type, schema_version, data, metadata, occurred_at, recorded_at, prev_hash, hash, content_digest
                 FROM events WHERE global_position > $1 ORDER BY global_position LIMIT $2`,
        values: [after, Math.min(page, options.cap - events)],
      });
      events += rows.length;
      if (rows.length === 0 || events >= options.cap) break;
      after = Number(rows.at(-1)!.global_position);
    }
    return { events, seconds: (performance.now() - started) / 1000 };
  };
  const [s, p] = (await interleave(options.rounds, [viaStore, plain])) as [Array<{ events: number; seconds: number }>, Array<{ events: number; seconds: number }>];
  const rate = (xs: Array<{ events: number; seconds: number }>) => xs.reduce((a, x) => a + x.events, 0) / xs.reduce((a, x) => a + x.seconds, 0);
  return { events: s[0]!.events, storeRate: rate(s), plainRate: rate(p) };
}
