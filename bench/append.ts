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
 * The scenarios themselves are in bench/suite/appends.ts, which `npm run bench` (bench/run.ts) shares.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabaseIfMissing, startEmbeddedPostgres } from '#event-store';
import { ALL_SCENARIOS, measureAppends } from './suite/appends.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
/** Each scenario's contenders run in turn, one second at a time, this many rounds (SECONDS in all each): side by side, under the same conditions. */
const SLICE_SECONDS = 1;

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

  const bench = await measureAppends({ url, scenarios: ALL_SCENARIOS, seconds: SECONDS, sliceSeconds: SLICE_SECONDS, before0003: true, emmett: 'none' });
  const { results } = bench;
  const { rows } = await bench.pool.query<{ version: string; fsync: string; sc: string }>(
    "SELECT current_setting('server_version') AS version, current_setting('fsync') AS fsync, current_setting('synchronous_commit') AS sc",
  );

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
  await bench.close();
  await stopDatabase();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
