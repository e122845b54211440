/**
 * National-scale figures (issue 16). Measured here: the global read, over the events the suite
 * appended itself. The rest wait for the national-scale generator (`ledger generate`, another
 * branch): see NATIONAL_SCALE_TODO.
 */
import type pg from 'pg';
import { type PostgresEventStore, START } from '#event-store';
import { interleave } from './interleave.js';

/**
 * TODO(national-scale, `ledger generate`): once the generator lands, load a national register
 * (43 forces, every collaboration, years of decisions, benefits and recommendations) into a fresh
 * database here, then add these figures, each against a baseline measured in the same run:
 *  - projection lag under the command load of http.ts (events behind at the end, largest seen);
 *  - rebuild of every read model ≥ 20,000 events/s (`ledger rebuild`, rebuild() below, measured now
 *    over the suite's own HTTP log: tens of thousands of events, not a national register);
 *  - as-of state of a 10,000-event stream p95 < 50 ms (GET /collaborations/{id}?asOf=);
 *  - GET /register and indicators p95 < 100 ms over the national register.
 * The global read (≥ 150,000 events/s) is measured already, below, over the suite's own events.
 */
export const NATIONAL_SCALE_TODO = ['projection lag', 'rebuild ≥ 20k ev/s at national scale', 'as-of state of a 10k-event stream p95 < 50 ms', 'register/indicators p95 < 100 ms'] as const;

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

export interface Rebuild {
  projections: Array<{ name: string; events: number; rate: number; seconds: number }>;
  /** Events read by all the rebuilds ÷ their seconds. */
  rate: number;
  /** The store's global read of the same log, before and after the rebuild (its baseline). */
  readRate: number;
  events: number;
}

/**
 * Rebuild over the log the HTTP section wrote (the demo history and every command the load sent):
 * `ledger rebuild` as a child process, as an operator runs it, against readAll of the same log just
 * before and just after it. A stand-in for the national-scale rebuild figure until `ledger generate`.
 */
export async function rebuild(options: { databaseUrl: string; migrationUrl: string; dataDir: string; projection: string | '--all'; store: PostgresEventStore; pool: pg.Pool }): Promise<Rebuild> {
  const { spawn } = await import('node:child_process');
  const read = () => globalRead(options.store, options.pool, { cap: Number.MAX_SAFE_INTEGER, rounds: 1 });
  const before = await read();
  const child = spawn(process.execPath, ['dist/apps/ledger-cli/src/main.js', 'rebuild', options.projection], {
    env: { ...process.env, DATABASE_URL: options.databaseUrl, MIGRATION_DATABASE_URL: options.migrationUrl, LEDGER_DATA_DIR: options.dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`ledger rebuild ${options.projection} exited with ${code}:\n${out.slice(-3000)}`);
  const after = await read();
  const projections = [...out.matchAll(/^(\S+)\s+(\d+) events\s+(\d+) events\/s\s+done in ([\d.]+) s$/gm)].map((m) => ({ name: m[1]!, events: Number(m[2]), rate: Number(m[3]), seconds: Number(m[4]) }));
  const events = projections.reduce((a, p) => a + p.events, 0);
  const seconds = projections.reduce((a, p) => a + p.seconds, 0);
  return { projections, rate: events / Math.max(0.001, seconds), readRate: (before.storeRate + after.storeRate) / 2, events: before.events };
}
