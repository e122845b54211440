/**
 * National-scale figures (issue 16 item 3) over the generated national ledger
 * (bench/suite/national-ledger.ts: `ledger generate --collaborations 10000 --years 10 --seed 1`,
 * generated once into BENCH_NATIONAL_URL and reused). Each figure has its baseline measured in the
 * same run, or is an absolute target labelled with the load it was measured under:
 *
 * - rebuild of every read model (ProjectionRunner.rebuildTogether, as `ledger rebuild --all`):
 *   applied events/s across projections and log events/s, against the sequential way (each
 *   projection rebuilt alone, one after another) over the same first fiftieth of the log; the rate per
 *   successive tenth of the log, first against last ("flat as the log grows");
 * - the global read (readAll, gap-free order) against a plain keyset SELECT of the same rows;
 * - the as-of state of a 10,000-event stream (loadState with occurredUntil) against a plain SELECT
 *   of the same rows: no generated stream has 10,000 events, so one recommendation with 9,998
 *   progress reports is decided through the recommendation decider (InMemoryDecisions, as
 *   `ledger generate` does) and appended once, marked illustrative and generated;
 * - over HTTP (the API as a child process on that database): GET /register against the bare
 *   Fastify SELECT, a collaboration's and a pair of forces' indicators, each p95 from a fixed number
 *   of concurrent clients; the closed-loop command rate; projection lag at half that rate, sampled
 *   through `Ledger-Read-After`; the API's RSS throughout.
 */
import { mkdir } from 'node:fs/promises';
import { isDeepStrictEqual } from 'node:util';
import { join } from 'node:path';
import pg from 'pg';
import { type AnyProjection, PROJECTIONS, ProjectionRunner, monthsBefore, openReadModelDatabase } from '#read-models';
import { CachedPersonalDataKeys, PersonalDataEventStore, PostgresEventStore, PostgresPersonalDataKeys, PostgresStateSnapshots, START, ledgerPoolOptions } from '#event-store';
import { InMemoryDecisions, loadState, personalFieldsOf, recommendationAggregate, recommendationDecider, recommendationStreamId } from '#governance';
import type { Principal } from '#shared-kernel';
import { type Figure, boundFigure, ratioFigure } from './figures.js';
import { RECOMMENDATION_BODY, RssSampler, closedLoop, combine, mintTokens, openLoop, startApi, startBareServer, withCpu } from './http.js';
import { percentile } from './interleave.js';
import type { NationalLedger } from './national-ledger.js';
import { globalRead } from './national.js';

export interface NationalSettings {
  globalReadCap: number;
  asOfRuns: number;
  readSeconds: number;
  readConnections: number;
  commandSeconds: number;
  lagSeconds: number;
  /** Rebuild the read models (minutes at national scale); false: only when they are not current. */
  rebuild: boolean;
}

/** The 10,000-event stream's recommendation: always the same id, so it is appended once. */
export const LONG_STREAM_RECOMMENDATION = '0b0e1000-0000-4000-8000-000000010000';
const LONG_STREAM_EVENTS = 10_000;

const ms = (x: number) => Number(x.toFixed(2));

interface Stores {
  pool: pg.Pool;
  store: PostgresEventStore;
  readable: PersonalDataEventStore;
  close(): Promise<void>;
}

function openStores(url: string, poolSize = 4): Stores {
  const pool = new pg.Pool(ledgerPoolOptions(url, poolSize));
  const store = new PostgresEventStore(pool);
  // As the API reads: through the personal-data store, with snapshots of long streams.
  const readable = new PersonalDataEventStore(store, new PostgresPersonalDataKeys(pool), personalFieldsOf, new PostgresStateSnapshots(pool));
  return { pool, store, readable, close: () => pool.end() };
}

/**
 * One recommendation with LONG_STREAM_EVENTS events (raised, its action planned, then progress
 * reported every six hours), every command through the recommendation decider, appended once.
 */
export async function ensureLongStream(url: string): Promise<{ streamId: string; events: number; appendedNow: boolean; from: Date; to: Date }> {
  const streamId = recommendationStreamId(LONG_STREAM_RECOMMENDATION);
  const from = new Date('2014-01-06T09:00:00Z');
  const step = 6 * 3600_000;
  const to = new Date(from.getTime() + (LONG_STREAM_EVENTS - 1) * step);
  const pool = new pg.Pool({ ...ledgerPoolOptions(url, 2), query_timeout: 600_000 });
  try {
    const { rows } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM events WHERE stream_id = $1', [streamId]);
    if (Number(rows[0]!.n) > 0) return { streamId, events: Number(rows[0]!.n), appendedNow: false, from, to };
    let n = 0;
    const decisions = new InMemoryDecisions(
      () => `0b0e1000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
      { illustrative: true, generated: { seed: 10_000, tool: 'npm run bench (national: a 10,000-event stream)' } },
      'bench-long-stream',
      new Date(),
    );
    const registrar: Principal = { personId: 'generated-10000-registrar', name: 'Generated registrar', role: 'registrar' };
    const owner = { personId: 'generated-10000-person-1', name: 'Generated person 1' };
    const run = (command: Parameters<typeof recommendationDecider.decide>[1]) => decisions.run(recommendationAggregate, command, registrar, {});
    run({
      kind: 'RaiseRecommendation',
      recommendationId: LONG_STREAM_RECOMMENDATION,
      source: 'inspection-report',
      reference: 'GEN-LONG-10000',
      recommendationKind: 'area-for-improvement',
      text: 'Generated (illustrative): a recommendation reported on every six hours, the stream the as-of figure reads',
      addressedTo: 'home-office',
      owner,
      dueDate: '2099-12-31',
      reportPublishedOn: '2014-01-02',
      occurredAt: from,
    });
    run({ kind: 'PlanAction', recommendationId: LONG_STREAM_RECOMMENDATION, action: 'Generated: an action plan with milestones', owner, dueDate: '2099-12-31', occurredAt: new Date(from.getTime() + step) });
    for (let i = 2; i < LONG_STREAM_EVENTS; i++) run({ kind: 'ReportProgress', recommendationId: LONG_STREAM_RECOMMENDATION, note: `Generated: progress report ${i - 1}`, occurredAt: new Date(from.getTime() + i * step) });
    const [decided] = decisions.take([streamId]);
    const writer = new PersonalDataEventStore(new PostgresEventStore(pool, { maxBatchEvents: LONG_STREAM_EVENTS }), new CachedPersonalDataKeys(new PostgresPersonalDataKeys(pool)), personalFieldsOf);
    await writer.append({ streamId, streamType: decided!.streamType, expectedVersion: 'no-stream', events: decided!.events });
    return { streamId, events: decided!.events.length, appendedNow: true, from, to };
  } finally {
    await pool.end();
  }
}

export interface RebuildFigures {
  logEvents: number;
  projections: number;
  together: { seconds: number; appliedPerSecond: number; logPerSecond: number; tenths: number[]; reads: number; shared: number };
  sequentialPrefix: { events: number; appliedPerSecond: number; logPerSecond: number; perProjection: Record<string, number> };
  togetherPrefix: { appliedPerSecond: number; logPerSecond: number };
}

/**
 * The sequential way (each projection reset and replayed alone, one after another) over the first
 * fiftieth of the log, then rebuildTogether over the whole log, timing when the slowest projection
 * passes each tenth of it.
 */
export async function measureRebuild(url: string, log: (line: string) => void): Promise<RebuildFigures> {
  const stores = openStores(url, 3);
  const readModels = await openReadModelDatabase(url, 3);
  try {
    const logEvents = await stores.store.countAfter(START);
    // The baseline's prefix: a fiftieth of the log (each projection alone over the whole log would take as long as all of them together seven times over).
    const prefix = Math.ceil(logEvents / 50);
    const projections: readonly AnyProjection[] = PROJECTIONS;
    // The sequential way, over the prefix: each projection alone (a fresh runner each, as
    // `ledger rebuild <projection>` run once per read model would be).
    const perProjection: Record<string, number> = {};
    let sequentialSeconds = 0;
    for (const projection of projections) {
      const runner = new ProjectionRunner(stores.readable, readModels, PROJECTIONS, { batchSize: 1000 });
      await runner.reset(projection);
      const stop = new AbortController();
      const started = performance.now();
      await runner.catchUp(projection, (read) => read >= prefix && stop.abort(), stop.signal);
      const seconds = (performance.now() - started) / 1000;
      sequentialSeconds += seconds;
      perProjection[projection.name] = Math.round(prefix / seconds);
      log(`  sequential, first fiftieth (${prefix.toLocaleString('en-GB')} events): ${projection.name} ${Math.round(prefix / seconds).toLocaleString('en-GB')} ev/s`);
    }
    // Side by side over the whole log, as `ledger rebuild --all`.
    const runner = new ProjectionRunner(stores.readable, readModels, PROJECTIONS, { batchSize: 1000 });
    const progress = new Map<string, number>(projections.map((p) => [p.name, 0]));
    const tenthAt: number[] = [];
    let prefixAt = 0;
    // Emptied first, so the first tenth's time is replay, not TRUNCATE (rebuildTogether empties them again: now cheap).
    for (const projection of projections) await runner.reset(projection);
    let started = 0;
    const reads = runner.rebuildTogether(projections, (projection, read) => {
      if (started === 0) return;
      progress.set(projection.name, read);
      const slowest = Math.min(...progress.values());
      if (prefixAt === 0 && slowest >= prefix) prefixAt = performance.now() - started;
      while (tenthAt.length < 10 && slowest >= Math.min(logEvents, Math.ceil(((tenthAt.length + 1) * logEvents) / 10))) {
        tenthAt.push(performance.now() - started);
        log(`  together: tenth ${tenthAt.length} of the log at ${(tenthAt.at(-1)! / 1000).toFixed(1)} s`);
      }
    });
    started = performance.now();
    const counts = await reads;
    const seconds = (performance.now() - started) / 1000;
    while (tenthAt.length < 10) tenthAt.push(seconds * 1000);
    const tenth = logEvents / 10;
    const tenths = tenthAt.map((t, i) => Math.round(tenth / ((t - (i === 0 ? 0 : tenthAt[i - 1]!)) / 1000)));
    const applied = counts.reduce((a, n) => a + n, 0);
    const prefixSeconds = prefixAt / 1000;
    return {
      logEvents,
      projections: projections.length,
      together: { seconds: Number(seconds.toFixed(1)), appliedPerSecond: Math.round(applied / seconds), logPerSecond: Math.round(logEvents / seconds), tenths, reads: runner.pages.counts.reads, shared: runner.pages.counts.shared },
      sequentialPrefix: { events: prefix, appliedPerSecond: Math.round((prefix * projections.length) / sequentialSeconds), logPerSecond: Math.round(prefix / sequentialSeconds), perProjection },
      togetherPrefix: { appliedPerSecond: Math.round((prefix * projections.length) / prefixSeconds), logPerSecond: Math.round(prefix / prefixSeconds) },
    };
  } finally {
    await readModels.destroy();
    await stores.close();
  }
}

export interface AsOfFigures {
  events: number;
  /** The first load (folds the whole stream and keeps its snapshots, once per code version; none when they were kept by an earlier run). */
  firstMs: number;
  /** As at its last event: the whole stream. */
  end: { p50: number; p95: number; plainP50: number; plainP95: number };
  /** As at dates spread evenly along the stream (each folds from the snapshot before it). */
  spread: { p50: number; p95: number; plainP50: number; plainP95: number };
  /** Dates at which the state through snapshots was compared with a fold of the whole log (no snapshots): all equal, or the run fails. */
  checked: number;
}

/**
 * The as-of state of the long stream through loadState (as the API's ?asOf= reads do, snapshots
 * included), as at its last event and as at dates spread along it, each against a plain SELECT of
 * the same rows; and at a few dates, the state through snapshots against a fold of the whole log.
 */
export async function measureAsOf(url: string, streamId: string, from: Date, to: Date, runs: number): Promise<AsOfFigures> {
  const stores = openStores(url, 2);
  const withoutSnapshots = new PersonalDataEventStore(stores.store, new PostgresPersonalDataKeys(stores.pool), personalFieldsOf);
  try {
    const load = async (at: Date) => {
      const started = performance.now();
      const { version } = await loadState(stores.readable, recommendationDecider, streamId, { occurredUntil: at });
      return { ms: performance.now() - started, version };
    };
    const plain = async (at: Date) => {
      const started = performance.now();
      await stores.pool.query({
        name: 'bench_plain_stream',
        text: `SELECT global_position, transaction_id::text AS transaction_text, stream_id, stream_version, event_id::text AS event_id, type, schema_version, data, metadata, occurred_at, recorded_at, prev_hash, hash, content_digest
                 FROM events WHERE stream_id = $1 AND occurred_at <= $2 ORDER BY stream_version`,
        values: [streamId, at],
      });
      return performance.now() - started;
    };
    const spreadDates = Array.from({ length: runs }, (_, i) => new Date(from.getTime() + ((to.getTime() - from.getTime()) * (i + 0.5)) / runs));
    const first = await load(to);
    // Checked against the chain: through snapshots and by folding every event, the same state.
    const checkDates = [to, spreadDates[Math.floor(runs / 3)]!, spreadDates[Math.floor((2 * runs) / 3)]!];
    for (const at of checkDates) {
      const viaSnapshots = await loadState(stores.readable, recommendationDecider, streamId, { occurredUntil: at });
      const folded = await loadState(withoutSnapshots, recommendationDecider, streamId, { occurredUntil: at });
      if (!isDeepStrictEqual(viaSnapshots, folded)) throw new Error(`as-of state at ${at.toISOString()} through snapshots differs from the fold of the log`);
    }
    for (let i = 0; i < 3; i++) {
      await load(to);
      await plain(to);
    }
    const series = async (dates: readonly Date[]) => {
      const loads: number[] = [];
      const plains: number[] = [];
      let events = 0;
      for (const at of dates) {
        const l = await load(at);
        events = Math.max(events, l.version);
        loads.push(l.ms);
        plains.push(await plain(at));
      }
      loads.sort((a, b) => a - b);
      plains.sort((a, b) => a - b);
      return { events, figures: { p50: ms(percentile(loads, 50)), p95: ms(percentile(loads, 95)), plainP50: ms(percentile(plains, 50)), plainP95: ms(percentile(plains, 95)) } };
    };
    const end = await series(Array.from({ length: runs }, () => to));
    const spread = await series(spreadDates);
    return { events: end.events, firstMs: ms(first.ms), end: end.figures, spread: spread.figures, checked: checkDates.length };
  } finally {
    await stores.close();
  }
}

/** `connections` clients, each sending its next GET as soon as the last answered, for `seconds`: every latency kept (p95 exact). */
async function latencies(url: string, options: { seconds: number; connections: number; token: string; headers?: Record<string, string> }): Promise<{ rate: number; p50: number; p95: number; p99: number; failed: number }> {
  const all: number[] = [];
  let failed = 0;
  const deadline = performance.now() + options.seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: options.connections }, async () => {
      while (performance.now() < deadline) {
        const t = performance.now();
        const response = await fetch(url, { headers: { authorization: `Bearer ${options.token}`, ...options.headers } });
        await response.arrayBuffer();
        all.push(performance.now() - t);
        if (response.status !== 200) failed++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  all.sort((a, b) => a - b);
  return { rate: Math.round(all.length / seconds), p50: ms(percentile(all, 50)), p95: ms(percentile(all, 95)), p99: ms(percentile(all, 99)), failed };
}

export async function nationalFigures(
  ledger: NationalLedger,
  settings: NationalSettings,
  options: { dataDir: string; add: (f: Figure) => void; note: (line: string) => void; log?: (line: string) => void },
): Promise<Record<string, unknown>> {
  const log = options.log ?? ((line: string) => console.log(line));
  const { add, note } = options;
  const detail: Record<string, unknown> = { database: new URL(ledger.adminUrl).pathname.slice(1), shape: ledger.shape, generatedNow: ledger.generatedNow, generateSeconds: ledger.generateSeconds };

  // The 10,000-event stream (illustrative, decided through the recommendation decider).
  const long = await ensureLongStream(ledger.appUrl);
  detail.longStream = { ...long, illustrative: true };
  log(`national: ${long.streamId}: ${long.events} events${long.appendedNow ? ', appended now' : ''}`);

  // 1. The global read over the national log.
  const stores = openStores(ledger.appUrl, 2);
  try {
    const logEvents = await stores.store.countAfter(START);
    detail.logEvents = logEvents;
    const read = await globalRead(stores.store, stores.pool, { cap: settings.globalReadCap, rounds: 1 });
    add(boundFigure(`national: global read (readAll, gap-free order), first ${read.events.toLocaleString('en-GB')} of ${logEvents.toLocaleString('en-GB')} events`, read.storeRate, 'ev/s', { atLeast: 150_000 }, { name: 'plain SELECT of the same rows by position', value: read.plainRate }));
  } finally {
    await stores.close();
  }

  // 2. Rebuild of every read model.
  if (settings.rebuild) {
    const rebuild = await measureRebuild(ledger.appUrl, log);
    detail.rebuild = rebuild;
    add(
      boundFigure(`national: rebuild of all ${rebuild.projections} read models together, applied events/s across projections (${rebuild.logEvents.toLocaleString('en-GB')}-event log)`, rebuild.together.appliedPerSecond, 'ev/s', { atLeast: 20_000 }, null, {
        seconds: rebuild.together.seconds,
        pagesRead: rebuild.together.reads,
        pagesShared: rebuild.together.shared,
      }),
    );
    add(boundFigure('national: rebuild of all read models together, log events/s', rebuild.together.logPerSecond, 'ev/s', { atLeast: 20_000 }, null, { tenths: rebuild.together.tenths }));
    add(
      ratioFigure(`national: rebuild together against the sequential way, first ${rebuild.sequentialPrefix.events.toLocaleString('en-GB')} events (a fiftieth of the log), applied events/s`, rebuild.togetherPrefix.appliedPerSecond, 'ev/s', { name: 'each read model rebuilt alone, one after another (same events)', value: rebuild.sequentialPrefix.appliedPerSecond }, 1.0, {
        togetherLogPerSecond: rebuild.togetherPrefix.logPerSecond,
        sequentialLogPerSecond: rebuild.sequentialPrefix.logPerSecond,
        sequentialPerProjection: rebuild.sequentialPrefix.perProjection,
      }),
    );
    const [first, last] = [rebuild.together.tenths[0]!, rebuild.together.tenths.at(-1)!];
    add(ratioFigure('national: rebuild flat as the log grows, log events/s in the last tenth against the first', last, 'ev/s', { name: 'the first tenth of the log', value: first }, 0.8, { tenths: rebuild.together.tenths }));
  } else {
    note('national: rebuild not measured in this run (BENCH_NATIONAL_REBUILD=false).');
  }

  // 3. The as-of state of the 10,000-event stream, its snapshots (a cache) cleared first so that every run measures the first load that keeps them.
  const cleaner = new pg.Client({ connectionString: ledger.adminUrl });
  await cleaner.connect();
  try {
    await cleaner.query('DELETE FROM state_snapshots WHERE stream_id = $1', [long.streamId]);
  } finally {
    await cleaner.end();
  }
  const asOf = await measureAsOf(ledger.appUrl, long.streamId, long.from, long.to, settings.asOfRuns);
  const stream = `${asOf.events.toLocaleString('en-GB')}-event stream (loadState, occurredUntil, snapshots checked against the chain; illustrative generated stream)`;
  add(
    boundFigure(`national: as-of state of a ${stream} as at its last event, p95 of ${settings.asOfRuns}`, asOf.end.p95, 'ms', { under: 50 }, { name: 'plain SELECT of the same rows, p95', value: asOf.end.plainP95 }, { p50: asOf.end.p50, plainP50: asOf.end.plainP50, firstLoadMs: asOf.firstMs, checkedAgainstFold: asOf.checked }),
  );
  add(
    boundFigure(`national: as-of state of a ${stream} as at ${settings.asOfRuns} dates spread along it, p95`, asOf.spread.p95, 'ms', { under: 50 }, { name: 'plain SELECT of the same rows, p95', value: asOf.spread.plainP95 }, { p50: asOf.spread.p50, plainP50: asOf.spread.plainP50 }),
  );

  // 4. HTTP: the API as a child process on the national ledger.
  const apiDir = join(options.dataDir, 'national-api');
  await mkdir(apiDir, { recursive: true });
  const api = await startApi({ databaseUrl: ledger.appUrl, migrationUrl: ledger.ownerUrl, dataDir: apiDir, demoData: false, runProjections: true, tokenCache: true });
  const rss = new RssSampler(api.child.pid!);
  rss.start();
  const admin = new pg.Client({ connectionString: ledger.adminUrl });
  await admin.connect();
  try {
    const writers = await mintTokens(apiDir, 200);
    const [reader] = await mintTokens(apiDir, 1, 'auditor');
    // Wait for the read models to be current (they are after a rebuild; the API catches up otherwise).
    const health = async () => (await (await fetch(`${api.url}/health`)).json()) as { details?: { projections?: { projections?: Record<string, { lag: number }> } } };
    for (let i = 0; i < 6000; i++) {
      const lags = Object.values((await health()).details?.projections?.projections ?? {}).map((p) => p.lag);
      if (lags.length > 0 && lags.every((l) => l === 0)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const schema = (await admin.query<{ s: string }>("SELECT table_schema AS s FROM information_schema.tables WHERE table_name = 'rm_register'")).rows[0]?.s ?? 'public';
    const biggest = (
      await admin.query<{ id: string; n: string }>(`SELECT substr(stream_id, 15) AS id, count(*) AS n FROM events WHERE stream_id LIKE 'collaboration-%' GROUP BY stream_id ORDER BY count(*) DESC LIMIT 1`)
    ).rows[0]!;
    const pair = (await admin.query<{ parties: string[] }>("SELECT data->'parties' AS parties FROM events WHERE stream_id = $1 AND stream_version = 1", [`collaboration-${biggest.id}`])).rows[0]!.parties;
    // The pair's months: the year up to its largest shared collaboration's last event (the default year, up to now, would be empty on a generated history), and the ten years before it (the most one request may ask).
    const lastMonth = (await admin.query<{ m: string }>("SELECT to_char(max(occurred_at) AT TIME ZONE 'UTC', 'YYYY-MM') AS m FROM events WHERE stream_id = $1", [`collaboration-${biggest.id}`])).rows[0]!.m;
    const year = { from: monthsBefore(lastMonth, 11), to: lastMonth };
    const decade = { from: monthsBefore(lastMonth, 119), to: lastMonth };
    detail.http = { collaboration: biggest.id, collaborationEvents: Number(biggest.n), pair: pair.slice(0, 2), pairYear: year, pairDecade: decade };
    const bare = await startBareServer(ledger.appUrl, { register: { sql: `SELECT * FROM ${schema}.rm_register ORDER BY proposed_at, collaboration_id LIMIT 50`, params: [] } }, 10);
    try {
      const reads = [
        { name: 'GET /register', path: '/register', bare: '/read/register' as string | undefined },
        { name: 'GET /collaborations/{id}/indicators (its largest collaboration)', path: `/collaborations/${biggest.id}/indicators`, bare: undefined },
        { name: `GET /indicators/pairs/${pair[0]}/${pair[1]}?from=${year.from}&to=${year.to} (a year)`, path: `/indicators/pairs/${pair[0]}/${pair[1]}?from=${year.from}&to=${year.to}`, bare: undefined },
        { name: `GET /indicators/pairs/${pair[0]}/${pair[1]}?from=${decade.from}&to=${decade.to} (ten years, the most one request may ask)`, path: `/indicators/pairs/${pair[0]}/${pair[1]}?from=${decade.from}&to=${decade.to}`, bare: undefined },
      ];
      for (const r of reads) {
        const response = await fetch(`${api.url}${r.path}`, { headers: { authorization: `Bearer ${reader}` } });
        if (response.status !== 200) throw new Error(`${r.path}: ${response.status} ${(await response.text()).slice(0, 300)}`);
        await latencies(`${api.url}${r.path}`, { seconds: 1, connections: settings.readConnections, token: reader! });
        const apiR = await latencies(`${api.url}${r.path}`, { seconds: settings.readSeconds, connections: settings.readConnections, token: reader! });
        const bareR = r.bare ? await latencies(`${bare.url}${r.bare}`, { seconds: settings.readSeconds, connections: settings.readConnections, token: reader! }) : undefined;
        add(boundFigure(`national: HTTP ${r.name} p95, ${settings.readConnections} clients closed loop`, apiR.p95, 'ms', { under: 100 }, bareR ? { name: 'bare Fastify + one SELECT of the same rows, p95', value: bareR.p95 } : null, { api: apiR, ...(bareR ? { bare: bareR } : {}) }));
      }
    } finally {
      await bare.stop();
    }

    // The closed-loop command rate on the national ledger, then writes at half of it while lag is sampled.
    await closedLoop(`${api.url}/recommendations`, { seconds: 2, connections: 200, method: 'POST', body: RECOMMENDATION_BODY, tokens: writers });
    const closed = combine([await withCpu(api.child.pid!, () => closedLoop(`${api.url}/recommendations`, { seconds: settings.commandSeconds, connections: 200, method: 'POST', body: RECOMMENDATION_BODY, tokens: writers }))]);
    detail.commandsClosedLoop = closed;
    const rate = Math.max(1, Math.round(closed.rate / 2));
    const lagSamples: number[] = [];
    let lagFailures = 0;
    const sampler = (async () => {
      const deadline = performance.now() + settings.lagSeconds * 1000;
      while (performance.now() < deadline) {
        const response = await fetch(`${api.url}/recommendations`, { method: 'POST', body: RECOMMENDATION_BODY, headers: { 'content-type': 'application/json', authorization: `Bearer ${writers[0]}` } });
        const body = (await response.json()) as { events?: Array<{ globalPosition: number }> };
        const written = performance.now();
        const position = body.events?.at(-1)?.globalPosition;
        if (position === undefined) {
          lagFailures++;
          continue;
        }
        const read = await fetch(`${api.url}/register`, { headers: { authorization: `Bearer ${reader}`, 'ledger-read-after': String(position) } });
        await read.arrayBuffer();
        if (read.status === 200) lagSamples.push(performance.now() - written);
        else lagFailures++;
        await new Promise((r) => setTimeout(r, 200));
      }
    })();
    const open = await openLoop(`${api.url}/recommendations`, { rate, seconds: settings.lagSeconds, body: RECOMMENDATION_BODY, tokens: writers });
    await sampler;
    lagSamples.sort((a, b) => a - b);
    const lag = { samples: lagSamples.length, failures: lagFailures, p50: ms(percentile(lagSamples, 50)), p95: ms(percentile(lagSamples, 95)), max: ms(lagSamples.at(-1) ?? Number.NaN) };
    add(
      boundFigure(`national: projection lag at half the closed-loop command rate (${rate} req/s of ${Math.round(closed.rate)}), Ledger-Read-After, worst of ${lag.samples} samples`, lag.max, 'ms', { under: 1000 }, null, {
        ...lag,
        open,
        closedLoop: { rate: Math.round(closed.rate), p99: closed.p99, cpuMsPerRequest: closed.cpuMsPerRequest },
      }),
    );
  } finally {
    rss.stop();
    await admin.end();
    await api.stop();
  }
  add(boundFigure('national: API RSS under load on the national ledger (peak VmRSS)', rss.peakMiB, 'MiB', { under: 512 }, null, { samples: rss.samples }));
  return detail;
}
