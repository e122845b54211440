/**
 * `npm run bench` — the benchmark suite (issue 16): every figure a ratio against a baseline measured
 * in the same run, interleaved with it, and a target printed PASS or FAIL (never a test).
 *
 *   npm run bench                 full: every scenario, 5 s slices, 3 rounds (about 12 minutes)
 *   npm run bench -- --quick      fewer scenarios and seconds, same JSON shape (under 3 minutes)
 *   npm run bench -- --profile    also profile the API under the command load (full does when a target is missed)
 *   npm run bench -- --national-only   only the national-scale section (bench/results/national.json)
 *
 * National scale (full mode and --national-only; quick mode skips it and says so in the JSON): the
 * figures of bench/suite/national-scale.ts over a generated national ledger on a PostgreSQL server,
 * BENCH_NATIONAL_URL (default postgres://postgres@127.0.0.1:5432/bench_national, its superuser):
 * reused when it holds events, else provisioned and filled by `ledger generate` with
 * BENCH_NATIONAL_SHAPE (default 10000x10x1: collaborations x years x seed), once.
 * BENCH_NATIONAL_REBUILD=false skips the (minutes-long) rebuild figures.
 *
 * Writes bench/results/latest.json ({machine, postgresql, date, figures: [{name, value, unit,
 * baseline: {name, value}, ratio, target, pass}]}) and regenerates the table between the
 * <!-- bench:table --> markers of docs/benchmarks.md. One embedded PostgreSQL (fsync on,
 * synchronous_commit on) serves every contender and baseline. Sections:
 *   1. appends (bench/suite/appends.ts): the store against a plain INSERT and Emmett;
 *   2. the global read over the events section 1 appended (bench/suite/national.ts);
 *   3. HTTP (bench/suite/http.ts): the API as a child process against a bare Fastify server;
 *   4. `ledger rebuild` over the log section 3 wrote, against readAll of the same log;
 *   5. national scale (bench/suite/national-scale.ts, full mode only) over the generated national
 *      ledger on BENCH_NATIONAL_URL (above).
 */
import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { PostgresEventStore, provisionLedgerDatabase, startEmbeddedPostgres } from '#event-store';
import { ALL_SCENARIOS, type Scenario, measureAppends } from './suite/appends.js';
import { type Figure, NATIONAL_MARKERS, type SuiteReport, boundFigure, machine, printFigure, ratioFigure, regenerateDocsTable, writeResults } from './suite/figures.js';
import { RECOMMENDATION_BODY, RssSampler, closedLoop, combine, interleave, withCpu, mintTokens, newestProfile, openLoop, startApi, startBareServer } from './suite/http.js';
import { globalRead, rebuild } from './suite/national.js';
import { ensureNationalLedger } from './suite/national-ledger.js';
import { nationalFigures } from './suite/national-scale.js';
import { type ProfileSummary, printProfile, summariseProfile } from './suite/profile.js';

const QUICK = process.argv.includes('--quick');
const PROFILE = process.argv.includes('--profile');
const NATIONAL_ONLY = process.argv.includes('--national-only');
const MODE = NATIONAL_ONLY ? 'national-only' : QUICK ? 'quick' : 'full';
const S = {
  appendSeconds: Number(process.env.BENCH_SECONDS ?? (QUICK ? 2 : 5)),
  appendScenarios: QUICK ? ALL_SCENARIOS.filter((s) => !(s.eventsPerCommit === 100 && s.writers === 1)) : ALL_SCENARIOS,
  before0003: !QUICK,
  httpSlice: QUICK ? 3 : 5,
  httpRounds: QUICK ? 2 : 3,
  // quick: 3 s slices, fewer rounds; the whole quick run stays under three minutes on two busy cores
  cacheOffRounds: QUICK ? 1 : 3,
  readSlice: QUICK ? 2 : 4,
  readRounds: QUICK ? 1 : 2,
  openLoopSeconds: QUICK ? 4 : 10,
  openLoopDrainSeconds: QUICK ? 4 : 10,
  globalReadCap: QUICK ? 50_000 : 300_000,
  globalReadRounds: QUICK ? 1 : 2,
  connections: 200,
  readConnections: 64,
  warmupSeconds: QUICK ? 1 : 2,
  rebuild: QUICK ? 'register' : '--all',
  national: { globalReadCap: 1_000_000, asOfRuns: 50, readSeconds: 5, readConnections: 8, commandSeconds: 5, lagSeconds: 15, rebuild: process.env.BENCH_NATIONAL_REBUILD !== 'false' },
};

const figures: Figure[] = [];
const notes: string[] = [];
const add = (f: Figure) => {
  figures.push(f);
  printFigure(f);
};
const section = (title: string) => console.log(`\n== ${title} ==`);

async function main(): Promise<void> {
  const started = Date.now();
  const dataDir = await mkdtemp(join(tmpdir(), 'ledger-suite-'));
  await chmod(dataDir, 0o755);
  const database = await startEmbeddedPostgres({ dataDir: join(dataDir, 'postgres'), database: 'ledger_bench', persistent: false, provision: false });
  const cleanups: Array<() => Promise<unknown>> = [];
  try {
    const admin = new pg.Pool({ connectionString: database.url, max: 2 });
    cleanups.push(() => admin.end());
    const postgresql = (await admin.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]!.v;
    console.log(`bench (${MODE}): embedded PostgreSQL ${postgresql} (fsync on, synchronous_commit on), Node ${process.version}`);

    // 1. Appends.
    section('appends: the store against a plain INSERT (and Emmett, batches)');
    const appends = await measureAppends({ url: database.url, scenarios: S.appendScenarios, seconds: S.appendSeconds, sliceSeconds: 1, before0003: S.before0003, emmett: 'batches' });
    cleanups.push(() => appends.close());
    for (const m of appends.results) {
      const single = m.eventsPerCommit === 1;
      const name = `${single ? 'single-event append' : '100-event batch append'}, ${m.writers} writer${m.writers === 1 ? '' : 's'}`;
      const detail = { ...(m.before0003EventsPerSecond !== undefined ? { before0003EventsPerSecond: m.before0003EventsPerSecond, hardeningCost: m.hardeningCost } : {}) };
      add(ratioFigure(name, m.ledgerEventsPerSecond, 'ev/s', { name: single ? 'plain INSERT, one row a commit' : 'plain INSERT, 100 rows a commit (unnest)', value: m.limitEventsPerSecond }, single ? (m.writers === 1 ? 0.8 : 1.0) : 0.8, detail));
      if (m.emmettEventsPerSecond !== undefined) add(ratioFigure(`${name}, against Emmett`, m.ledgerEventsPerSecond, 'ev/s', { name: 'Emmett 0.42 appendToStream, same events', value: m.emmettEventsPerSecond }, 1.5));
    }

    // 2. The global read, over what section 1 appended (national-scale hook).
    section('global read over the suite’s own events');
    const read = await globalRead(appends.store, appends.pool, { cap: S.globalReadCap, rounds: S.globalReadRounds });
    add(boundFigure(`global read (readAll, gap-free order), ${read.events.toLocaleString('en-GB')} events`, read.storeRate, 'ev/s', { atLeast: 150_000 }, { name: 'plain SELECT of the same rows by position', value: read.plainRate }));
    await appends.close();
    cleanups.pop();

    // 3. HTTP.
    section('HTTP: the API (child process) against a bare Fastify server');
    const http = await provisionLedgerDatabase(database.url.replace(/\/ledger_bench$/, '/postgres'), 'ledger_http', 'bench-local-password');
    const apiDir = join(dataDir, 'api');
    await mkdir(apiDir, { recursive: true });
    const api = await startApi({ databaseUrl: http.appUrl, migrationUrl: http.ownerUrl, dataDir: apiDir, demoData: true, runProjections: true, tokenCache: true });
    cleanups.push(() => api.stop());
    const apiRss = new RssSampler(api.child.pid!);
    apiRss.start();
    const writers = await mintTokens(apiDir, S.connections);
    const readers = await mintTokens(apiDir, S.readConnections, 'auditor');
    // The demo history is projected before the reads are measured.
    let register: { total: number; items: Array<{ collaborationId: string; name: string }> } = { total: 0, items: [] };
    for (let i = 0; i < 300 && register.total === 0; i++) {
      register = (await (await fetch(`${api.url}/register`, { headers: { authorization: `Bearer ${readers[0]}` } })).json()) as typeof register;
      if (register.total === 0) await new Promise((r) => setTimeout(r, 100));
    }
    const collaboration = register.items.find((c) => c.name === 'Seven Force Strategic Alliance') ?? register.items[0]!;
    const apiOff = await startApi({ databaseUrl: http.appUrl, migrationUrl: http.ownerUrl, dataDir: apiDir, demoData: false, runProjections: false, tokenCache: false });
    cleanups.push(() => apiOff.stop());
    const offRss = new RssSampler(apiOff.child.pid!);
    offRss.start();

    const bareDb = database.url.replace(/\/ledger_bench$/, '/ledger_http');
    const httpDb = new pg.Client({ connectionString: bareDb });
    await httpDb.connect();
    const schema = (await httpDb.query<{ s: string }>("SELECT table_schema AS s FROM information_schema.tables WHERE table_name = 'rm_register'")).rows[0]?.s ?? 'public';
    await httpDb.end();
    const streamId = `collaboration-${collaboration.collaborationId}`;
    const asOf = '2020-01-01T00:00:00Z';
    const EVENT_COLUMNS = 'global_position, transaction_id::text, stream_id, stream_version, event_id, type, schema_version, data, metadata, occurred_at, recorded_at, prev_hash, hash';
    const bare = await startBareServer(
      bareDb,
      {
        register: { sql: `SELECT * FROM ${schema}.rm_register ORDER BY proposed_at, collaboration_id LIMIT 50`, params: [] },
        timeline: { sql: `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = $1 ORDER BY stream_version LIMIT 101`, params: [streamId] },
        asat: { sql: `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = $1 AND occurred_at <= $2 ORDER BY stream_version`, params: [streamId, asOf] },
      },
      10,
    );
    cleanups.push(() => bare.stop());

    // Every route answers as it should before anything is timed.
    const check = async (url: string, init: RequestInit, status: number) => {
      const response = await fetch(url, init);
      if (response.status !== status) throw new Error(`${init.method ?? 'GET'} ${url}: ${response.status}, not ${status}: ${(await response.text()).slice(0, 500)}`);
    };
    const post = (token: string) => ({ method: 'POST', body: RECOMMENDATION_BODY, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } });
    const get = { headers: { authorization: `Bearer ${readers[0]}` } };
    const reads = [
      { name: 'GET /register', path: '/register', bare: '/read/register' },
      { name: 'GET /collaborations/{id}/timeline', path: `/collaborations/${collaboration.collaborationId}/timeline`, bare: '/read/timeline' },
      { name: 'GET /collaborations/{id}?asOf= (as-at state)', path: `/collaborations/${collaboration.collaborationId}?asOf=${asOf}`, bare: '/read/asat' },
    ];
    await check(`${api.url}/recommendations`, post(writers[0]!), 201);
    await check(`${apiOff.url}/recommendations`, post(writers[1]!), 201);
    await check(`${bare.url}/write`, post(writers[0]!), 201);
    for (const r of reads) {
      await check(`${api.url}${r.path}`, get, 200);
      await check(`${bare.url}${r.bare}`, get, 200);
    }

    // Commands, closed loop: bare, API (token cache on), API (off), interleaved.
    const writeLoad = (server: { url: string; child: { pid?: number } }, path: string) => () =>
      withCpu(server.child.pid!, () => closedLoop(`${server.url}${path}`, { seconds: S.httpSlice, connections: S.connections, method: 'POST', body: RECOMMENDATION_BODY, tokens: writers }));
    // Warm-up, not counted: JIT, connection pools, the token cache, PostgreSQL's plan caches.
    for (const [server, path] of [[bare, '/write'], [api, '/recommendations'], [apiOff, '/recommendations']] as const) await closedLoop(`${server.url}${path}`, { seconds: S.warmupSeconds, connections: S.connections, method: 'POST', body: RECOMMENDATION_BODY, tokens: writers });
    const [bareW, apiW] = (await interleave(S.httpRounds, [writeLoad(bare, '/write'), writeLoad(api, '/recommendations')])).map(combine) as [ReturnType<typeof combine>, ReturnType<typeof combine>];
    const bareBaseline = { name: `bare Fastify + one INSERT, ${S.connections} connections`, value: bareW.rate };
    add(ratioFigure(`HTTP command POST /recommendations, ${S.connections} connections`, apiW.rate, 'req/s', bareBaseline, 0.75, { api: apiW, bare: bareW }));
    add(boundFigure(`HTTP command p99, ${S.connections} connections (worst slice)`, apiW.p99, 'ms', { under: 50 }, { name: 'bare Fastify + INSERT p99', value: bareW.p99 }));

    // The lever (issue 16 item 4): the same command with the verified-token cache off, interleaved with on.
    const [onW, offW] = (await interleave(S.cacheOffRounds, [writeLoad(api, '/recommendations'), writeLoad(apiOff, '/recommendations')])).map(combine) as [ReturnType<typeof combine>, ReturnType<typeof combine>];
    add(ratioFigure('token cache: POST /recommendations with the cache on, against off (LEDGER_TOKEN_CACHE=false)', onW.rate, 'req/s', { name: 'the same API, token cache off', value: offW.rate }, 1.0, { on: onW, off: offW }));

    // Reads, closed loop.
    for (const r of reads) {
      const load = (server: { url: string; child: { pid?: number } }, path: string) => () => withCpu(server.child.pid!, () => closedLoop(`${server.url}${path}`, { seconds: S.readSlice, connections: S.readConnections, tokens: readers }));
      for (const [server, path] of [[bare, r.bare], [api, r.path]] as const) await closedLoop(`${server.url}${path}`, { seconds: S.warmupSeconds / 2, connections: S.readConnections, tokens: readers });
      const [bareR, apiR] = (await interleave(S.readRounds, [load(bare, r.bare), load(api, r.path)])).map(combine) as [ReturnType<typeof combine>, ReturnType<typeof combine>];
      add(ratioFigure(`HTTP read ${r.name}, ${S.readConnections} connections`, apiR.rate, 'req/s', { name: 'bare Fastify + one SELECT of the same rows', value: bareR.rate }, 0.75, { api: apiR, bare: bareR }));
    }

    // Commands, open loop at half the baseline's closed-loop rate: last, because an API that cannot
    // keep up is left with a queue that would starve whatever were measured after it.
    const rate = Math.max(1, Math.round(bareW.rate / 2));
    const openRss = new RssSampler(api.child.pid!);
    openRss.start();
    const open = await openLoop(`${api.url}/recommendations`, { rate, seconds: S.openLoopSeconds, drainSeconds: S.openLoopDrainSeconds, body: RECOMMENDATION_BODY, tokens: writers });
    openRss.stop();
    // Every request counts: one refused (503 Overloaded) or unanswered fails the target whatever the p99.
    const openFigure = boundFigure(`HTTP command open loop at ${rate} req/s (half the bare closed-loop rate), p99 from scheduled send, ${open.refused.toLocaleString('en-GB')} refused`, open.p99, 'ms', { under: 10 }, null, { ...open });
    add(open.failed + open.unfinished > 0 ? { ...openFigure, pass: 'FAIL' } : openFigure);

    apiRss.stop();
    offRss.stop();

    // The lever of bounded admission (ADR 0011), full runs only: the same open loop against the same
    // API with the bound lifted (it takes over the projections once the first has stopped).
    let unbounded: { openLoop: Awaited<ReturnType<typeof openLoop>>; openLoopPeakMiB: number } | undefined;
    if (!QUICK) {
      await api.stop();
      const apiUnbounded = await startApi({ databaseUrl: http.appUrl, migrationUrl: http.ownerUrl, dataDir: apiDir, demoData: false, runProjections: true, tokenCache: true, maxRequestsInFlight: 100_000 });
      cleanups.push(() => apiUnbounded.stop());
      await closedLoop(`${apiUnbounded.url}/recommendations`, { seconds: S.warmupSeconds, connections: S.connections, method: 'POST', body: RECOMMENDATION_BODY, tokens: writers });
      const unboundedRss = new RssSampler(apiUnbounded.child.pid!);
      unboundedRss.start();
      const unboundedOpen = await openLoop(`${apiUnbounded.url}/recommendations`, { rate, seconds: S.openLoopSeconds, drainSeconds: S.openLoopDrainSeconds, body: RECOMMENDATION_BODY, tokens: writers });
      unboundedRss.stop();
      // Stopped now: its projections must not run beside the rebuild below.
      await apiUnbounded.stop();
      unbounded = { openLoop: unboundedOpen, openLoopPeakMiB: Number(unboundedRss.peakMiB.toFixed(1)) };
      console.log(`  bounded admission: peak RSS in the open loop ${openRss.peakMiB.toFixed(0)} MiB (${open.completed} answered 2xx, ${open.refused} refused), unbounded ${unboundedRss.peakMiB.toFixed(0)} MiB (${unboundedOpen.completed} answered 2xx, ${unboundedOpen.unfinished} unanswered after the drain)`);
    }
    add(
      boundFigure('API RSS under load (peak VmRSS)', apiRss.peakMiB, 'MiB', { under: 512 }, null, {
        samples: apiRss.samples,
        tokenCacheOffPeakMiB: Number(offRss.peakMiB.toFixed(1)),
        openLoopPeakMiB: Number(openRss.peakMiB.toFixed(1)),
        ...(unbounded ? { unboundedOpenLoopPeakMiB: unbounded.openLoopPeakMiB, unboundedOpenLoop: unbounded.openLoop } : {}),
      }),
    );

    // Where a command or read target is missed: profile the API under the command load.
    let profile: ProfileSummary | undefined;
    const httpMissed = figures.some((f) => f.name.startsWith('HTTP') && f.pass === 'FAIL');
    if (PROFILE || (!QUICK && httpMissed)) {
      section('profile: the API under the command load (node --cpu-prof)');
      await apiOff.stop();
      const profileDir = join(dataDir, 'profile');
      await mkdir(profileDir, { recursive: true });
      const profiled = await startApi({ databaseUrl: http.appUrl, migrationUrl: http.ownerUrl, dataDir: apiDir, demoData: false, runProjections: false, tokenCache: true, nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] });
      const under = combine([await withCpu(profiled.child.pid!, () => closedLoop(`${profiled.url}/recommendations`, { seconds: S.httpSlice * 2, connections: S.connections, method: 'POST', body: RECOMMENDATION_BODY, tokens: writers }))]);
      await profiled.stop();
      const file = await newestProfile(profileDir);
      if (file) {
        profile = await summariseProfile(file, 20, { seconds: S.httpSlice * 2 - 1, skipEndSeconds: 1.5 });
        printProfile(profile);
        await mkdir('reports', { recursive: true });
        const { copyFile } = await import('node:fs/promises');
        await copyFile(file, 'reports/api-under-load.cpuprofile');
        profile.file = 'reports/api-under-load.cpuprofile';
        notes.push(`Profiled API: ${Math.round(under.rate)} req/s at ${S.connections} connections while profiled, ${under.cpuMsPerRequest} ms of API CPU a request (p99 ${under.p99} ms).`);
      }
    }

    // Rebuild over the log the HTTP load wrote, the APIs stopped (the national-scale rebuild is section 5).
    section(`rebuild (ledger rebuild ${S.rebuild}) over the log the HTTP section wrote`);
    await apiOff.stop();
    await api.stop();
    await bare.stop();
    const httpPool = new pg.Pool({ connectionString: http.appUrl, max: 2 });
    try {
      const rebuilt = await rebuild({ databaseUrl: http.appUrl, migrationUrl: http.ownerUrl, dataDir: apiDir, projection: S.rebuild, store: new PostgresEventStore(httpPool), pool: httpPool });
      for (const p of rebuilt.projections) console.log(`  ${p.name.padEnd(28)} ${String(p.events).padStart(8)} events  ${String(p.rate).padStart(7)} ev/s`);
      add(boundFigure(`rebuild (ledger rebuild ${S.rebuild}), ${rebuilt.events.toLocaleString('en-GB')} events a projection`, rebuilt.rate, 'ev/s', { atLeast: 20_000 }, { name: 'readAll of the same log, before and after', value: rebuilt.readRate }, { projections: rebuilt.projections }));
    } finally {
      await httpPool.end();
    }

    const national = QUICK ? { skipped: 'quick mode: no national-scale figures (npm run bench, or -- --national-only)' } : await nationalSection(dataDir);
    if (QUICK) notes.push(national.skipped as string);

    const report: SuiteReport = { mode: MODE, machine: machine(), postgresql, date: new Date().toISOString(), seconds: S.httpSlice, figures, ...(profile ? { profile } : {}), national, notes };
    await writeResults(report);
    await regenerateDocsTable(report);
    if (!QUICK) await regenerateDocsTable({ ...report, figures: figures.filter((f) => f.name.startsWith('national:')) }, 'docs/benchmarks.md', NATIONAL_MARKERS);
    const passed = figures.filter((f) => f.pass === 'PASS').length;
    console.log(`\n${passed} PASS, ${figures.length - passed} FAIL of ${figures.length} figures in ${Math.round((Date.now() - started) / 1000)} s; bench/results/latest.json and docs/benchmarks.md written`);
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error: unknown) => console.error(error));
    await database.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Section 4, national scale: the generated national ledger on BENCH_NATIONAL_URL (generated once, then reused). */
async function nationalSection(dataDir: string): Promise<Record<string, unknown>> {
  section('national scale: the generated national ledger (bench/suite/national-scale.ts)');
  const ledger = await ensureNationalLedger({ dataDir });
  return nationalFigures(ledger, S.national, { dataDir, add, note: (line) => notes.push(line) });
}

/** `--national-only`: section 4 alone, into bench/results/national.json and the national table of docs/benchmarks.md. */
async function nationalOnly(): Promise<void> {
  const started = Date.now();
  const dataDir = await mkdtemp(join(tmpdir(), 'ledger-suite-'));
  await chmod(dataDir, 0o755);
  try {
    const national = await nationalSection(dataDir);
    const admin = new pg.Client({ connectionString: process.env.BENCH_NATIONAL_URL ?? 'postgres://postgres@127.0.0.1:5432/bench_national' });
    await admin.connect();
    const postgresql = (await admin.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]!.v;
    await admin.end();
    const report: SuiteReport = { mode: MODE, machine: machine(), postgresql, date: new Date().toISOString(), seconds: S.national.readSeconds, figures, national, notes };
    await writeResults(report, 'bench/results/national.json');
    await regenerateDocsTable(report, 'docs/benchmarks.md', NATIONAL_MARKERS);
    const passed = figures.filter((f) => f.pass === 'PASS').length;
    console.log(`\n${passed} PASS, ${figures.length - passed} FAIL of ${figures.length} national figures in ${Math.round((Date.now() - started) / 1000)} s; bench/results/national.json and docs/benchmarks.md written`);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

(NATIONAL_ONLY ? nationalOnly() : main()).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

export type { Scenario };
