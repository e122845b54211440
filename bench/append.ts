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
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { openBenchDatabase } from './suite/bench-database.js';
import { ALL_SCENARIOS, measureAppends } from './suite/appends.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
/** Each scenario's contenders run in turn, one second at a time, this many rounds (SECONDS in all each): side by side, under the same conditions. */
const SLICE_SECONDS = 1;

async function main(): Promise<void> {
  const database = await openBenchDatabase('ledger_bench');
  const { url, where } = database;

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
  await database.stop();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
