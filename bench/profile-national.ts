/**
 * `node --cpu-prof --cpu-prof-dir=DIR dist/bench/profile-national.js global-read|as-of|rebuild-slice [n]`:
 * one national-scale load in this process, over the national ledger (BENCH_NATIONAL_URL, as the
 * suite reuses it), to profile where a missed target's time goes; then
 * `node dist/bench/suite/profile.js DIR/<file>.cpuprofile` prints the top self time.
 *   global-read    readAll over the first n events (default 300,000), 1,000 a page
 *   as-of          loadState of the 10,000-event stream as at its last day, n times (default 50)
 *   rebuild        rebuildTogether's work (every read model reset, then caught up side by side) for
 *                  n seconds (default 60), then stopped: the read models are left part-built (the
 *                  suite's next run rebuilds them; an API started on the ledger catches them up)
 */
import pg from 'pg';
import { PersonalDataEventStore, PostgresEventStore, PostgresPersonalDataKeys, START, ledgerPoolOptions, provisionLedgerDatabase } from '#event-store';
import { PROJECTIONS, ProjectionRunner, openReadModelDatabase } from '#read-models';
import { loadState, personalFieldsOf, recommendationDecider, recommendationStreamId } from '#governance';
import { DEFAULT_NATIONAL_URL } from './suite/national-ledger.js';
import { LONG_STREAM_RECOMMENDATION } from './suite/national-scale.js';

const load = process.argv[2] ?? 'global-read';
const admin = new URL(process.env.BENCH_NATIONAL_URL ?? DEFAULT_NATIONAL_URL);
const database = admin.pathname.slice(1);
admin.pathname = '/postgres';
const { appUrl } = await provisionLedgerDatabase(admin.toString(), database, 'bench-national-password');
const pool = new pg.Pool(ledgerPoolOptions(appUrl, 2));
const store = new PostgresEventStore(pool);
const started = performance.now();
let count = 0;
if (load === 'global-read') {
  const n = Number(process.argv[3] ?? 300_000);
  let checkpoint = START;
  while (count < n) {
    const page = await store.readAll(checkpoint, { maxCount: 1000 });
    if (page.events.length === 0) break;
    count += page.events.length;
    checkpoint = page.checkpoint;
  }
} else if (load === 'as-of') {
  const readable = new PersonalDataEventStore(store, new PostgresPersonalDataKeys(pool), personalFieldsOf);
  const runs = Number(process.argv[3] ?? 50);
  for (let i = 0; i < runs; i++) {
    const { version } = await loadState(readable, recommendationDecider, recommendationStreamId(LONG_STREAM_RECOMMENDATION), { occurredUntil: new Date('2030-01-01T00:00:00Z') });
    count += version;
  }
} else if (load === 'rebuild') {
  const readable = new PersonalDataEventStore(store, new PostgresPersonalDataKeys(pool), personalFieldsOf);
  const readModels = await openReadModelDatabase(appUrl, 3);
  const runner = new ProjectionRunner(readable, readModels, PROJECTIONS, { batchSize: 1000 });
  for (const projection of PROJECTIONS) await runner.reset(projection);
  const stop = AbortSignal.timeout(Number(process.argv[3] ?? 60) * 1000);
  const reads = await Promise.all(PROJECTIONS.map((projection) => runner.catchUp(projection, undefined, stop)));
  count = Math.min(...reads);
  console.log(`applied ${reads.reduce((a, n) => a + n, 0)} across ${PROJECTIONS.length} read models; log ${count}`);
  await readModels.destroy();
} else throw new Error(`unknown load ${load}`);
const seconds = (performance.now() - started) / 1000;
console.log(`${load}: ${count} events in ${seconds.toFixed(2)} s (${Math.round(count / seconds)} events/s)`);
await pool.end();
