/**
 * bench:integrity — verify and seal throughput, side by side with baselines measured in the same run.
 *
 *   npm run bench:integrity                        embedded PostgreSQL (durable settings), throw-away
 *   DATABASE_URL=postgres://… npm run bench:integrity   a server of your own (a fresh database on it)
 *   BENCH_EVENTS=200000 BENCH_SECONDS=10 npm run bench:integrity
 *
 * 1. Appends BENCH_EVENTS events (16 writers, 100-event batches, each to its own streams: bench:append's
 *    fastest case) and reports that append rate.
 * 2. Seals the backlog: events sealed per second (leaves, tree, nodes, the seal row, its event).
 * 3. Appends for BENCH_SECONDS with the sealer running every second beside it, as the API does: the
 *    sealing lag at the end and the largest seen (does sealing keep up with the append rate?).
 * 4. Verify, on one core (one JavaScript thread), over the events already in memory — every content
 *    digest (RFC 8785) and link recomputed, every chain, the Merkle tree and every seal — against the
 *    baseline: one plain SHA-256 over each event's canonical bytes. Rounds in rotating order.
 * 5. Verify end to end, reading the log from PostgreSQL as `ledger verify` does.
 *
 * Results are printed and written to reports/bench-integrity.json; docs/benchmarks.md records them.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import {
  type Checkpoint,
  type EventStore,
  type EventToAppend,
  PostgresEventStore,
  type RecordedEvent,
  START,
  canonicalContent,
  checkpointOf,
  compareCheckpoints,
  migrate,
} from '#event-store';
import { SealKeyring, SealStore, Sealer, verifyLedger } from '#integrity';
import { metadata, payload } from './suite/appends.js';
import { openBenchDatabase } from './suite/bench-database.js';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = 3;
const WRITERS = 16;
const BATCH = 100;

/** bench:append's payload (bench/suite/appends.ts): the same event, so the figures compare. */
const event = (i: number): EventToAppend => ({
  eventId: randomUUID(),
  type: 'AgreementSigned',
  data: payload(i),
  metadata: metadata(),
  occurredAt: new Date('2015-04-01T09:00:00Z'),
});

/** 16 writers appending 100-event batches to streams of their own until `until()` says stop. */
async function appendUntil(store: PostgresEventStore, until: (appended: number) => boolean): Promise<{ events: number; seconds: number }> {
  let appended = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: WRITERS }, async (_w, writer) => {
      for (let round = 0; !until(appended); round++) {
        await store.append({ streamId: `collaboration-bench-${writer}-${round % 50}-${randomUUID().slice(0, 8)}`, expectedVersion: 'no-stream', events: Array.from({ length: BATCH }, (_e, i) => event(round * BATCH + i)) });
        appended += BATCH;
      }
    }),
  );
  return { events: appended, seconds: (performance.now() - started) / 1000 };
}

/** The log in memory, served through the port as verify reads it: verify's CPU work alone. */
function memoryStore(events: RecordedEvent[], heads: Awaited<ReturnType<EventStore['streamHeads']>>): Pick<EventStore, 'readAll' | 'readStream' | 'streamHeads' | 'findEvent'> {
  const byId = new Map(events.map((e) => [e.eventId, e]));
  return {
    async readAll(after: Checkpoint, options = {}) {
      let from = 0;
      if (after.transactionId !== '0') {
        let lo = 0;
        let hi = events.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (compareCheckpoints(checkpointOf(events[mid]!), after) <= 0) lo = mid + 1;
          else hi = mid;
        }
        from = lo;
      }
      const page = events.slice(from, from + (options.maxCount ?? 1000));
      return { events: page, checkpoint: page.length ? checkpointOf(page.at(-1)!) : after };
    },
    async readStream(streamId: string) {
      return events.filter((e) => e.streamId === streamId);
    },
    async streamHeads() {
      return heads;
    },
    async findEvent(eventId: string) {
      return byId.get(eventId);
    },
  };
}

const round1 = (n: number) => Math.round(n * 10) / 10;

async function main(): Promise<void> {
  const database = await openBenchDatabase('ledger_bench_integrity');
  const { url, where } = database;
  const pool = new pg.Pool({ connectionString: url, max: 30 });
  let stopping = false;
  pool.on('error', (error) => stopping || console.error(`idle connection: ${error.message}`));
  await migrate(pool);
  const store = new PostgresEventStore(pool);
  const keysDir = await mkdtemp(join(tmpdir(), 'ledger-bench-keys-'));
  const sealer = new Sealer(store, pool, await SealKeyring.openOrCreate(keysDir), { intervalMs: 0 });
  const seals = new SealStore(pool);

  console.log(`bench:integrity on ${where}: ${EVENTS} events, then ${SECONDS} s of appends with sealing beside them`);
  // 1. The append rate, bench:append's fastest case.
  const appended = await appendUntil(store, (n) => n >= EVENTS);
  const appendRate = appended.events / appended.seconds;
  console.log(`appended ${appended.events} events in ${appended.seconds.toFixed(1)} s: ${Math.round(appendRate)} events/s (16 writers, 100-event batches)`);

  // 2. Sealing the backlog.
  let started = performance.now();
  const made = await sealer.sealNow();
  const sealSeconds = (performance.now() - started) / 1000;
  const sealedEvents = made.reduce((n, s) => Math.max(n, s.eventCount), 0);
  const sealRate = sealedEvents / sealSeconds;
  console.log(`sealed ${sealedEvents} events in ${made.length} seals in ${sealSeconds.toFixed(1)} s: ${Math.round(sealRate)} events/s (${(sealRate / appendRate).toFixed(2)}× the append rate)`);

  // 3. Appending with the sealer beside it, every second.
  let maxLag = 0;
  let sealing = true;
  const beside = (async () => {
    while (sealing) {
      const status = await sealer.status();
      maxLag = Math.max(maxLag, status.unsealedEvents);
      await sealer.sealNow({ onlyIfNew: true });
      await new Promise((r) => setTimeout(r, 1000));
    }
  })();
  const deadline = performance.now() + SECONDS * 1000;
  const concurrent = await appendUntil(store, () => performance.now() >= deadline);
  sealing = false;
  await beside;
  const lagAtEnd = (await sealer.status()).unsealedEvents;
  await sealer.sealNow();
  const concurrentRate = concurrent.events / concurrent.seconds;
  console.log(`with sealing every second beside it: ${Math.round(concurrentRate)} events/s appended; largest sealing lag seen ${maxLag} events, ${lagAtEnd} at the end (before a last seal)`);

  // 4. Verify on one core over the log in memory, against plain SHA-256 over the same bytes.
  const all: RecordedEvent[] = [];
  for (let after = START; ; ) {
    const page = await store.readAll(after, { maxCount: 5000 });
    all.push(...page.events);
    if (page.events.length < 5000) break;
    after = page.checkpoint;
  }
  const heads = await store.streamHeads();
  const canonical = all.map((e) => Buffer.from(canonicalContent(e), 'utf8'));
  const bytes = canonical.reduce((n, b) => n + b.length, 0);
  const memory = memoryStore(all, heads);
  const verifyRates: number[] = [];
  const baselineRates: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    // Rotating order: each contender meets the same noise.
    for (const contender of r % 2 === 0 ? ['baseline', 'verify'] : ['verify', 'baseline']) {
      if (contender === 'baseline') {
        started = performance.now();
        let x = 0;
        for (const b of canonical) x ^= createHash('sha256').update(b).digest()[0]!;
        baselineRates.push(all.length / ((performance.now() - started) / 1000) + x * 0);
      } else {
        started = performance.now();
        const report = await verifyLedger(memory, seals);
        if (!report.ok) throw new Error(`the benchmark's own ledger does not verify: ${JSON.stringify(report.seals.faults.slice(0, 2))}`);
        verifyRates.push(report.eventsChecked / ((performance.now() - started) / 1000));
      }
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const verifyRate = median(verifyRates);
  const baselineRate = median(baselineRates);
  console.log(`verify (one core, log in memory): ${Math.round(verifyRate)} events/s; plain SHA-256 over the same ${Math.round(bytes / all.length)}-byte canonical contents: ${Math.round(baselineRate)} events/s; ratio ${(verifyRate / baselineRate).toFixed(3)}`);

  // 5. Verify end to end from PostgreSQL.
  started = performance.now();
  const full = await verifyLedger(store, seals);
  const e2eRate = full.eventsChecked / ((performance.now() - started) / 1000);
  console.log(`verify end to end (reading PostgreSQL): ${Math.round(e2eRate)} events/s over ${full.eventsChecked} events, ${full.seals.sealsChecked} seals, ok: ${full.ok}`);

  const report = {
    when: new Date().toISOString(),
    where,
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
    events: all.length,
    appendEventsPerSecond: Math.round(appendRate),
    sealEventsPerSecond: Math.round(sealRate),
    sealToAppendRatio: round1((sealRate / appendRate) * 100) / 100,
    concurrent: { appendEventsPerSecond: Math.round(concurrentRate), largestSealingLagEvents: maxLag, lagAtEndEvents: lagAtEnd, seconds: SECONDS },
    verifyInMemoryEventsPerSecond: Math.round(verifyRate),
    baselineSha256EventsPerSecond: Math.round(baselineRate),
    verifyToBaselineRatio: Math.round((verifyRate / baselineRate) * 1000) / 1000,
    verifyEndToEndEventsPerSecond: Math.round(e2eRate),
    rounds: { verify: verifyRates.map(Math.round), baseline: baselineRates.map(Math.round) },
  };
  await mkdir('reports', { recursive: true });
  await writeFile('reports/bench-integrity.json', JSON.stringify(report, null, 2));
  stopping = true;
  await store.close();
  await pool.end();
  await database.stop();
  await rm(keysDir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
