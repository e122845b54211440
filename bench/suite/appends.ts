/**
 * Appends against their baselines, on one database server, side by side (interleave.ts):
 * - "the limit": a plain INSERT of the same payload into a bare table (its key only: no other index,
 *   no trigger, no hash, no concurrency check), one row per commit, or one 100-row unnest INSERT;
 * - Emmett (@event-driven-io/emmett-postgresql), appending the same events with the same expected
 *   versions (batches), in a database of its own on the same server;
 * - the store as it was before migration 0003 (bench:append's history; full mode only).
 * Shared by bench/append.ts (the old stand-alone run) and bench/run.ts (the suite).
 */
import { randomUUID } from 'node:crypto';
import { copyFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { STREAM_DOES_NOT_EXIST } from '@event-driven-io/emmett';
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import pg from 'pg';
import { type EventToAppend, PostgresEventStore, createDatabaseIfMissing, migrate, migrationsDirectory } from '#event-store';
import { sideBySide } from './interleave.js';

export const payload = (i: number) => ({
  collaborationId: randomUUID(),
  partyForce: 'kent',
  signatoryRole: 'chief-officer',
  officeHolder: { personId: randomUUID(), name: 'Chief Constable (illustrative)' },
  note: `Signature ${i} of the Seven Force Strategic Alliance s22A agreement, entered from the signed paper copy.`,
  amounts: { annualContribution: 1_250_000.5, currency: 'GBP' },
});
export const metadata = () => ({ actor: randomUUID(), role: 'chief-officer', force: 'kent', correlationId: randomUUID() });
export const event = (i: number): EventToAppend => ({
  eventId: randomUUID(),
  type: 'AgreementSigned',
  data: payload(i),
  metadata: metadata(),
  occurredAt: new Date('2015-04-01T09:00:00Z'),
});

export interface Scenario {
  name: string;
  writers: number;
  eventsPerCommit: number;
}

export interface Measured {
  scenario: string;
  writers: number;
  eventsPerCommit: number;
  ledgerEventsPerSecond: number;
  limitEventsPerSecond: number;
  ratio: number;
  /** The same workload on Emmett's PostgreSQL store, in the same run (where measured). */
  emmettEventsPerSecond?: number;
  /** The same workload on the store as it was before migration 0003, in the same run (where measured). */
  before0003EventsPerSecond?: number;
  /** 1 − ledger / before: what the hardening of 0003 costs (negative: it got faster). */
  hardeningCost?: number;
}

export const ALL_SCENARIOS: Scenario[] = [
  { name: 'single-event appends', writers: 1, eventsPerCommit: 1 },
  { name: 'single-event appends', writers: 16, eventsPerCommit: 1 },
  { name: 'single-event appends', writers: 64, eventsPerCommit: 1 },
  { name: '100-event batches', writers: 1, eventsPerCommit: 100 },
  { name: '100-event batches', writers: 16, eventsPerCommit: 100 },
];

export interface AppendBenchOptions {
  /** The ledger's database (migrated here), as a superuser or its owner. */
  url: string;
  scenarios: Scenario[];
  seconds: number;
  sliceSeconds: number;
  /** Also run the store as it was before migration 0003 (a second database migrated to 0002). */
  before0003: boolean;
  /** Also run Emmett, on the scenarios with batches (`'batches'`) or all (`'all'`). */
  emmett: 'batches' | 'all' | 'none';
  log?: (line: string) => void;
}

export interface AppendBench {
  results: Measured[];
  /** The ledger's store and pool, for what the suite measures next over the events appended here. */
  store: PostgresEventStore;
  pool: pg.Pool;
  close(): Promise<void>;
}

export async function measureAppends(options: AppendBenchOptions): Promise<AppendBench> {
  const { url } = options;
  const log = options.log ?? console.log;
  const pool = new pg.Pool({ connectionString: url, max: 70 });
  let stopping = false;
  // An idle connection's error while the run goes on is worth a line; the server stopping at the end is not.
  pool.on('error', (error) => stopping || console.error(`idle connection: ${error.message}`));
  await migrate(pool);
  await pool.query(`CREATE TABLE IF NOT EXISTS bench_limit (
    id bigserial PRIMARY KEY, stream_id text NOT NULL, event_id uuid NOT NULL, type text NOT NULL,
    data jsonb NOT NULL, metadata jsonb NOT NULL, occurred_at timestamptz NOT NULL)`);
  const store = new PostgresEventStore(pool);
  const sibling = async (suffix: string) => {
    const name = `${new URL(url).pathname.slice(1)}_${suffix}`;
    const sibling = new URL(url);
    sibling.pathname = `/${name}`;
    await createDatabaseIfMissing(url, name);
    return sibling.toString();
  };

  // The store as it was before migration 0003: a second database migrated to 0002 only, the same Node code.
  let before: PostgresEventStore | undefined;
  let beforePool: pg.Pool | undefined;
  if (options.before0003) {
    beforePool = new pg.Pool({ connectionString: await sibling('before_0003'), max: 70 });
    beforePool.on('error', (error) => stopping || console.error(`idle connection: ${error.message}`));
    const onlyTo0002 = await mkdtemp(join(tmpdir(), 'ledger-migrations-'));
    for (const file of (await readdir(migrationsDirectory())).filter((f) => f < '0003')) await copyFile(join(migrationsDirectory(), file), join(onlyTo0002, file));
    await migrate(beforePool, onlyTo0002);
    await rm(onlyTo0002, { recursive: true, force: true });
    before = new PostgresEventStore(beforePool);
  }

  // Emmett in a database of its own on the same server (its tables are emt_*; they would not clash, but apart is cleaner).
  let emmett: ReturnType<typeof getPostgreSQLEventStore> | undefined;
  let emmettPool: pg.Pool | undefined;
  if (options.emmett !== 'none') {
    const emmettUrl = await sibling('emmett');
    emmettPool = new pg.Pool({ connectionString: emmettUrl, max: 70 });
    emmettPool.on('error', (error) => stopping || console.error(`idle connection: ${error.message}`));
    emmett = getPostgreSQLEventStore(emmettUrl, { connectionOptions: { pool: emmettPool }, schema: { autoMigration: 'CreateOrUpdate' } });
    await emmett.schema.migrate();
  }

  const results: Measured[] = [];
  let run = 0;
  for (const scenario of options.scenarios) {
    run++;
    const { writers, eventsPerCommit } = scenario;
    const versions = new Map<string, number>();
    const appendWith = (target: PostgresEventStore, prefix: string) => async (writer: number) => {
      const streamId = `collaboration-${prefix}${run}-${writer}`;
      const expected = versions.get(streamId) ?? 0;
      const result = await target.append({
        streamId,
        expectedVersion: expected === 0 ? 'no-stream' : expected,
        events: Array.from({ length: eventsPerCommit }, (_, i) => event(i)),
      });
      versions.set(streamId, result.streamVersion);
      return eventsPerCommit;
    };
    const emmettVersions = new Map<string, bigint>();
    const emmettWork = async (writer: number) => {
      const streamId = `collaboration-emmett${run}-${writer}`;
      const expected = emmettVersions.get(streamId);
      const result = await emmett!.appendToStream(
        streamId,
        Array.from({ length: eventsPerCommit }, (_, i) => ({ type: 'AgreementSigned', data: payload(i), metadata: { ...metadata(), eventId: randomUUID(), occurredAt: '2015-04-01T09:00:00.000Z' } })),
        { expectedStreamVersion: expected ?? STREAM_DOES_NOT_EXIST },
      );
      emmettVersions.set(streamId, result.nextExpectedStreamVersion);
      return eventsPerCommit;
    };
    const limitWork = async (writer: number) => {
      const batch = Array.from({ length: eventsPerCommit }, (_, i) => event(i));
      const streamId = `limit-bench${run}-${writer}`;
      if (eventsPerCommit === 1) {
        const e = batch[0]!;
        await pool.query({
          name: 'limit_insert_one',
          text: 'INSERT INTO bench_limit (stream_id, event_id, type, data, metadata, occurred_at) VALUES ($1, $2, $3, $4, $5, $6)',
          values: [streamId, e.eventId, e.type, JSON.stringify(e.data), JSON.stringify(e.metadata), e.occurredAt],
        });
      } else {
        await pool.query({
          name: 'limit_insert_batch',
          text: `INSERT INTO bench_limit (stream_id, event_id, type, data, metadata, occurred_at)
                 SELECT $1, * FROM unnest($2::uuid[], $3::text[], $4::jsonb[], $5::jsonb[], $6::timestamptz[])`,
          values: [streamId, batch.map((e) => e.eventId), batch.map((e) => e.type), batch.map((e) => JSON.stringify(e.data)), batch.map((e) => JSON.stringify(e.metadata)), batch.map((e) => e.occurredAt)],
        });
      }
      return eventsPerCommit;
    };
    const withEmmett = emmett !== undefined && (options.emmett === 'all' || eventsPerCommit > 1);
    const contenders = [appendWith(store, 'bench'), limitWork, ...(before ? [appendWith(before, 'before')] : []), ...(withEmmett ? [emmettWork] : [])];
    const rates = await sideBySide(writers, options.seconds, options.sliceSeconds, contenders);
    const [ledger, limit] = rates as [number, number];
    const ledgerBefore = before ? rates[2] : undefined;
    const emmettRate = withEmmett ? rates.at(-1) : undefined;
    const measured: Measured = {
      scenario: scenario.name,
      writers,
      eventsPerCommit,
      ledgerEventsPerSecond: Math.round(ledger),
      limitEventsPerSecond: Math.round(limit),
      ratio: Number((ledger / limit).toFixed(2)),
      ...(emmettRate !== undefined ? { emmettEventsPerSecond: Math.round(emmettRate) } : {}),
      ...(ledgerBefore !== undefined ? { before0003EventsPerSecond: Math.round(ledgerBefore), hardeningCost: Number((1 - ledger / ledgerBefore).toFixed(3)) } : {}),
    };
    results.push(measured);
    log(
      `${scenario.name.padEnd(22)} writers=${String(writers).padStart(2)}  ledger ${String(measured.ledgerEventsPerSecond).padStart(7)} ev/s   limit ${String(measured.limitEventsPerSecond).padStart(7)} ev/s   ratio ${measured.ratio.toFixed(2)}×` +
        (measured.emmettEventsPerSecond !== undefined ? `   emmett ${String(measured.emmettEventsPerSecond).padStart(7)} ev/s (${(ledger / measured.emmettEventsPerSecond).toFixed(2)}×)` : '') +
        (measured.before0003EventsPerSecond !== undefined ? `   before 0003 ${String(measured.before0003EventsPerSecond).padStart(7)} ev/s   hardening cost ${((measured.hardeningCost ?? 0) * 100).toFixed(1)}%` : ''),
    );
  }

  return {
    results,
    store,
    pool,
    async close() {
      stopping = true;
      await store.close();
      await before?.close();
      await beforePool?.end();
      await emmett?.close().catch(() => undefined);
      await emmettPool?.end().catch(() => undefined);
      await pool.end();
    },
  };
}
