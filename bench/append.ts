/**
 * bench:append — the event store's append throughput against "the limit": a plain INSERT of the
 * same payload into a bare table (no index but its key, no trigger, no hash, no concurrency
 * check) on the same database, one row per commit, or one multi-row INSERT per 100-event batch.
 *
 *   npm run bench:append                      embedded PostgreSQL (durable settings), throw-away
 *   DATABASE_URL=postgres://… npm run bench:append   a server of your own (a fresh database on it)
 *   BENCH_SECONDS=10 npm run bench:append     longer runs (default 5 s a scenario)
 *
 * Results are printed and written to reports/bench-append.json; docs/benchmarks.md records them.
 */
import { randomUUID } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type EventToAppend, PostgresEventStore, createDatabaseIfMissing, migrate, migrationsDirectory, startEmbeddedPostgres } from '#event-store';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
/** Each scenario's contenders run in turn, one second at a time, this many rounds (SECONDS in all each): side by side, under the same conditions. */
const SLICE_SECONDS = 1;

const payload = (i: number) => ({
  collaborationId: randomUUID(),
  partyForce: 'kent',
  signatoryRole: 'chief-officer',
  officeHolder: { personId: randomUUID(), name: 'Chief Constable (illustrative)' },
  note: `Signature ${i} of the Seven Force Strategic Alliance s22A agreement, entered from the signed paper copy.`,
  amounts: { annualContribution: 1_250_000.5, currency: 'GBP' },
});
const metadata = () => ({ actor: randomUUID(), role: 'chief-officer', force: 'kent', correlationId: randomUUID() });
const event = (i: number): EventToAppend => ({
  eventId: randomUUID(),
  type: 'AgreementSigned',
  data: payload(i),
  metadata: metadata(),
  occurredAt: new Date('2015-04-01T09:00:00Z'),
});

interface Scenario {
  name: string;
  writers: number;
  eventsPerCommit: number;
}

interface Measured {
  scenario: string;
  writers: number;
  eventsPerCommit: number;
  ledgerEventsPerSecond: number;
  limitEventsPerSecond: number;
  ratio: number;
  /** The same workload on the store as it was before migration 0003, in the same run. */
  before0003EventsPerSecond: number;
  /** 1 − ledger / before: what the hardening of 0003 costs (negative: it got faster). */
  hardeningCost: number;
}

/** Runs `work` on `writers` concurrent writers for `seconds`; returns events and elapsed seconds. */
async function runFor(writers: number, seconds: number, work: (writer: number, iteration: number) => Promise<number>): Promise<{ events: number; seconds: number }> {
  const deadline = Date.now() + seconds * 1000;
  let events = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      for (let i = 0; Date.now() < deadline; i++) {
        const appended = await work(writer, i); // not `events += await …`: that reads events before the await
        events += appended;
      }
    }),
  );
  return { events, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

/**
 * Contenders side by side: in each round every contender runs for one slice, in an order that
 * rotates from round to round, until each has run SECONDS; returns each one's events per second.
 * A slow patch of the machine (fsync, a neighbour) then falls on all of them alike.
 */
async function sideBySide(writers: number, contenders: Array<(writer: number, iteration: number) => Promise<number>>): Promise<number[]> {
  const totals = contenders.map(() => ({ events: 0, seconds: 0 }));
  const rounds = Math.max(1, Math.round(SECONDS / SLICE_SECONDS));
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < contenders.length; k++) {
      const index = (k + round) % contenders.length;
      const { events, seconds } = await runFor(writers, SLICE_SECONDS, contenders[index]!);
      totals[index]!.events += events;
      totals[index]!.seconds += seconds;
    }
  }
  return totals.map((t) => t.events / t.seconds);
}

async function main(): Promise<void> {
  let stopDatabase = async () => undefined as void;
  let url = process.env.DATABASE_URL;
  let where = 'DATABASE_URL';
  if (!url) {
    const dataDir = await mkdtemp(join(tmpdir(), 'ledger-bench-'));
    const { chmod } = await import('node:fs/promises');
    await chmod(dataDir, 0o755);
    const database = await startEmbeddedPostgres({ dataDir, database: 'ledger_bench', persistent: false, provision: false });
    url = database.url;
    where = 'embedded PostgreSQL (fsync on, synchronous_commit on)';
    stopDatabase = async () => {
      await database.stop();
      await rm(dataDir, { recursive: true, force: true });
    };
  } else {
    const target = new URL(url);
    const admin = target.toString();
    target.pathname = `/ledger_bench_${Date.now()}`;
    await createDatabaseIfMissing(admin, target.pathname.slice(1));
    url = target.toString();
  }

  const pool = new pg.Pool({ connectionString: url, max: 70 });
  let stopping = false;
  // An idle connection's error while the run goes on is worth a line; the server stopping at the end is not.
  pool.on('error', (error) => stopping || console.error(`idle connection: ${error.message}`));
  await migrate(pool);
  const { rows } = await pool.query<{ version: string; fsync: string; sc: string }>(
    "SELECT current_setting('server_version') AS version, current_setting('fsync') AS fsync, current_setting('synchronous_commit') AS sc",
  );
  await pool.query(`CREATE TABLE bench_limit (
    id bigserial PRIMARY KEY, stream_id text NOT NULL, event_id uuid NOT NULL, type text NOT NULL,
    data jsonb NOT NULL, metadata jsonb NOT NULL, occurred_at timestamptz NOT NULL)`);

  const store = new PostgresEventStore(pool);

  // The store as it was before migration 0003 (the database completing and checking each row, the
  // recorded-time critical section): a second database migrated to 0002 only, the same Node code.
  const beforeName = `${new URL(url).pathname.slice(1)}_before_0003`;
  const beforeUrl = new URL(url);
  beforeUrl.pathname = `/${beforeName}`;
  await createDatabaseIfMissing(url, beforeName);
  const beforePool = new pg.Pool({ connectionString: beforeUrl.toString(), max: 70 });
  const onlyTo0002 = await mkdtemp(join(tmpdir(), 'ledger-migrations-'));
  for (const file of (await readdir(migrationsDirectory())).filter((f) => f < '0003')) await copyFile(join(migrationsDirectory(), file), join(onlyTo0002, file));
  await migrate(beforePool, onlyTo0002);
  const before = new PostgresEventStore(beforePool);
  const scenarios: Scenario[] = [
    { name: 'single-event appends', writers: 1, eventsPerCommit: 1 },
    { name: 'single-event appends', writers: 16, eventsPerCommit: 1 },
    { name: 'single-event appends', writers: 64, eventsPerCommit: 1 },
    { name: '100-event batches', writers: 1, eventsPerCommit: 100 },
    { name: '100-event batches', writers: 16, eventsPerCommit: 100 },
  ];

  const results: Measured[] = [];
  let run = 0;
  for (const scenario of scenarios) {
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
          values: [
            streamId,
            batch.map((e) => e.eventId),
            batch.map((e) => e.type),
            batch.map((e) => JSON.stringify(e.data)),
            batch.map((e) => JSON.stringify(e.metadata)),
            batch.map((e) => e.occurredAt),
          ],
        });
      }
      return eventsPerCommit;
    };
    const [ledger, ledgerBefore, limit] = (await sideBySide(writers, [appendWith(store, 'bench'), appendWith(before, 'before'), limitWork])) as [number, number, number];
    const measured: Measured = {
      scenario: scenario.name,
      writers,
      eventsPerCommit,
      ledgerEventsPerSecond: Math.round(ledger),
      limitEventsPerSecond: Math.round(limit),
      ratio: Number((ledger / limit).toFixed(2)),
      before0003EventsPerSecond: Math.round(ledgerBefore),
      hardeningCost: Number((1 - ledger / ledgerBefore).toFixed(3)),
    };
    results.push(measured);
    console.log(
      `${scenario.name.padEnd(22)} writers=${String(writers).padStart(2)}  ledger ${String(measured.ledgerEventsPerSecond).padStart(7)} ev/s   limit ${String(measured.limitEventsPerSecond).padStart(7)} ev/s   ratio ${measured.ratio.toFixed(2)}×   before 0003 ${String(measured.before0003EventsPerSecond).padStart(7)} ev/s   hardening cost ${(measured.hardeningCost * 100).toFixed(1)}%`,
    );
  }

  const report = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
    database: { where, serverVersion: rows[0]!.version, fsync: rows[0]!.fsync, synchronousCommit: rows[0]!.sc },
    secondsPerRun: SECONDS,
    results,
  };
  await mkdir('reports', { recursive: true });
  await writeFile('reports/bench-append.json', JSON.stringify(report, null, 2));
  console.log(`\n${where}, PostgreSQL ${report.database.serverVersion}; written to reports/bench-append.json`);
  stopping = true;
  await store.close();
  await before.close();
  await beforePool.end();
  await rm(onlyTo0002, { recursive: true, force: true });
  await pool.end();
  await stopDatabase();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
