/**
 * HTTP figures: the API started as a child process (`node dist/apps/ledger-api/src/main.js`, as
 * `npm start` runs it) over a fresh database, with the demo history loaded, against a bare Fastify
 * server (bench/bare-server.ts, also a child) on the same PostgreSQL server, interleaved slice by slice.
 *
 * - Commands, closed loop (autocannon, 200 connections, each connection with its own chief
 *   officer's bearer token from the local issuer): POST /recommendations (a cheap command: one new
 *   stream, one event) against the bare server's one-INSERT POST; with the verified-token cache on
 *   and, on a second API process, off (LEDGER_TOKEN_CACHE=false).
 * - Commands, open loop: a paced sender at half the baseline's closed-loop rate, fixed inter-arrival
 *   times, latency measured from each request's scheduled send time (no coordinated omission).
 * - Reads, closed loop: GET /register, a collaboration's timeline, its state as at a date, against
 *   the bare server's one SELECT of the same rows.
 * - The API's RSS (VmRSS from /proc/<pid>/status) sampled throughout.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { readFile, readdir } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon, { type Result } from 'autocannon';
import { freePort } from '#event-store';
import { ILLUSTRATIVE_RECOMMENDATION } from './illustrative-command.js';
import { LocalIssuer } from '#identity';
import { interleave, percentile } from './interleave.js';

export interface Child {
  url: string;
  child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

async function waitFor(url: string, child: ChildProcess, output: () => string, ok: (status: number) => boolean = (s) => s === 200): Promise<void> {
  for (let attempt = 0; attempt < 1200; attempt++) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited with ${child.exitCode}:\n${output().slice(-4000)}`);
    try {
      const response = await fetch(url);
      if (ok(response.status)) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`${url} did not answer in time:\n${output().slice(-4000)}`);
}

async function startChild(script: string, env: NodeJS.ProcessEnv, nodeArgs: string[] = []): Promise<{ child: ChildProcess; output: () => string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [...nodeArgs, script], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    output += chunk.toString();
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = once(child, 'exit');
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  };
  return { child, output: () => output, stop };
}

export interface ApiSettings {
  databaseUrl: string;
  migrationUrl: string;
  dataDir: string;
  demoData: boolean;
  runProjections: boolean;
  tokenCache: boolean;
  /** LEDGER_MAX_REQUESTS_IN_FLIGHT (unset: the API's default). */
  maxRequestsInFlight?: number;
  nodeArgs?: string[];
}

export async function startApi(settings: ApiSettings): Promise<Child> {
  const port = await freePort();
  const started = await startChild(
    'dist/apps/ledger-api/src/main.js',
    {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: settings.databaseUrl,
      MIGRATION_DATABASE_URL: settings.migrationUrl,
      LEDGER_DATA_DIR: settings.dataDir,
      LEDGER_DEMO_DATA: String(settings.demoData),
      RUN_PROJECTIONS: String(settings.runProjections),
      LEDGER_TOKEN_CACHE: String(settings.tokenCache),
      ...(settings.maxRequestsInFlight === undefined ? {} : { LEDGER_MAX_REQUESTS_IN_FLIGHT: String(settings.maxRequestsInFlight) }),
      // The load comes from a handful of principals on one address: the write limits would answer 429.
      RATE_LIMIT_WRITES_PER_PRINCIPAL: '1000000000',
      RATE_LIMIT_WRITES_PER_IP: '1000000000',
      // Seals only on demand: a seal in one slice and not the next would be noise, not the API's cost.
      SEAL_INTERVAL_SECONDS: '0',
      LOG_LEVEL: 'warn',
      LOG_FORMAT: 'json',
    },
    settings.nodeArgs,
  );
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/health`, started.child, started.output, (s) => s === 200 || (!settings.runProjections && s === 503));
  return { url, ...started };
}

export async function startBareServer(databaseUrl: string, reads: Record<string, { sql: string; params: unknown[] }>, poolSize: number): Promise<Child> {
  const port = await freePort();
  const started = await startChild('dist/bench/bare-server.js', { BARE_DATABASE_URL: databaseUrl, BARE_PORT: String(port), BARE_POOL_SIZE: String(poolSize), BARE_READS: JSON.stringify(reads) });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/read/none`, started.child, started.output, (s) => s === 404);
  return { url, ...started };
}

/** The peak VmRSS (MiB) of a process, sampled every 200 ms while `during` runs. */
export class RssSampler {
  peakMiB = 0;
  samples = 0;
  private timer: NodeJS.Timeout | undefined;
  constructor(private readonly pid: number) {}
  start(): void {
    this.timer = setInterval(() => void this.sample(), 200);
  }
  async sample(): Promise<void> {
    try {
      const status = await readFile(`/proc/${this.pid}/status`, 'utf8');
      const kb = Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1] ?? 0);
      this.peakMiB = Math.max(this.peakMiB, kb / 1024);
      this.samples++;
    } catch {
      // the process is gone
    }
  }
  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }
}

/** CPU time (user + system, ms) a process has used so far, from /proc/<pid>/stat (clock ticks of 10 ms). */
export async function cpuMs(pid: number): Promise<number> {
  try {
    const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

/** An autocannon slice, with the CPU the server process used during it. */
export type Slice = Result & { serverCpuMs: number };

export async function withCpu(pid: number, run: () => Promise<Result>): Promise<Slice> {
  const before = await cpuMs(pid);
  const result = await run();
  return Object.assign(result, { serverCpuMs: (await cpuMs(pid)) - before });
}

export interface ClosedLoop {
  /** 2xx answers a second. */
  rate: number;
  /** The server process's CPU time per answered request (ms): what the machine's noise changes least. */
  cpuMsPerRequest: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  slices: number[];
}

/** Sums autocannon's slices: the rate over all of them, the worst slice's p99, the median slice's p50. */
export function combine(results: Array<Result & { serverCpuMs?: number }>): ClosedLoop {
  const ok = results.reduce((a, r) => a + r['2xx'], 0);
  const cpu = results.reduce((a, r) => a + (r.serverCpuMs ?? Number.NaN), 0);
  const seconds = results.reduce((a, r) => a + r.duration, 0);
  const p50s = results.map((r) => r.latency.p50).sort((a, b) => a - b);
  return {
    rate: ok / seconds,
    cpuMsPerRequest: Number((cpu / Math.max(1, ok)).toFixed(3)),
    p50: p50s[Math.floor(p50s.length / 2)]!,
    p99: Math.max(...results.map((r) => r.latency.p99)),
    non2xx: results.reduce((a, r) => a + r.non2xx, 0),
    errors: results.reduce((a, r) => a + r.errors + r.timeouts, 0),
    slices: results.map((r) => Math.round(r['2xx'] / r.duration)),
  };
}

export function closedLoop(url: string, options: { seconds: number; connections: number; method?: string; body?: string; tokens: string[] }): Promise<Result> {
  let next = 0;
  return autocannon({
    url,
    connections: options.connections,
    duration: options.seconds,
    method: options.method ?? 'GET',
    timeout: 30,
    ...(options.body ? { body: options.body } : {}),
    headers: { 'content-type': 'application/json' },
    // Each connection a person of its own, as 200 clients would be: their tokens, not one.
    setupClient: (client) => client.setHeaders({ 'content-type': 'application/json', authorization: `Bearer ${options.tokens[next++ % options.tokens.length]}` }),
  });
}

export interface OpenLoop {
  targetRate: number;
  sentRate: number;
  completed: number;
  /** Answered with anything but 2xx, or not at all (a connection error); `refused` among them. */
  failed: number;
  /** Answered 503 Overloaded: refused at once by the API's bounded admission (LEDGER_MAX_REQUESTS_IN_FLIGHT). */
  refused: number;
  /** p99 of the requests answered 2xx alone (ms, from the scheduled send). */
  completedP99: number;
  /** Still unanswered drainSeconds after the last send: counted at the latency they had reached. */
  unfinished: number;
  p50: number;
  p99: number;
  max: number;
}

/**
 * A paced sender: request i is due at start + i / rate, whatever happened to the ones before it, and
 * its latency runs from that scheduled time to the end of its answer: a stall that delays sending
 * counts against the server instead of vanishing (coordinated omission).
 */
export async function openLoop(url: string, options: { rate: number; seconds: number; body: string; tokens: string[]; drainSeconds?: number }): Promise<OpenLoop> {
  const agent = new Agent({ keepAlive: true, maxSockets: 2048 });
  const total = Math.max(1, Math.floor(options.rate * options.seconds));
  const interval = 1000 / options.rate;
  const latencies: number[] = [];
  const completedLatencies: number[] = [];
  let failed = 0;
  let refused = 0;
  let completed = 0;
  const target = new URL(url);
  const body = Buffer.from(options.body);
  const inFlight: Array<Promise<void>> = [];
  let closed = false; // after the drain: answers and errors of abandoned requests are no longer counted
  const send = (i: number, scheduled: number) =>
    new Promise<void>((resolve) => {
      const req = request(
        { agent, host: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': body.length, authorization: `Bearer ${options.tokens[i % options.tokens.length]}` } },
        (res) => {
          res.resume();
          res.on('end', () => {
            if (closed) return resolve();
            const latency = performance.now() - scheduled;
            latencies.push(latency);
            if (res.statusCode && res.statusCode >= 200 && res.statusCode < 300) {
              completed++;
              completedLatencies.push(latency);
            } else {
              failed++;
              if (res.statusCode === 503) refused++;
            }
            resolve();
          });
        },
      );
      req.on('error', () => {
        if (closed) return resolve();
        failed++;
        latencies.push(performance.now() - scheduled);
        resolve();
      });
      req.end(body);
    });
  const start = performance.now() + 20;
  let sent = 0;
  while (sent < total) {
    const now = performance.now();
    while (sent < total && start + sent * interval <= now) {
      inFlight.push(send(sent, start + sent * interval));
      sent++;
    }
    await new Promise((r) => setImmediate(r));
  }
  const sendingSeconds = (performance.now() - start) / 1000;
  // A server that cannot keep up would make the drain as long as its queue: wait drainSeconds at
  // most, then count each answer still owed at the latency it has reached (a lower bound).
  const scheduledOf = (i: number) => start + i * interval;
  const done = new Set<number>();
  inFlight.forEach((p, i) => void p.then(() => done.add(i)));
  await Promise.race([Promise.all(inFlight), sleep((options.drainSeconds ?? 10) * 1000)]);
  closed = true;
  const now = performance.now();
  let unfinished = 0;
  for (let i = 0; i < inFlight.length; i++) {
    if (done.has(i)) continue;
    unfinished++;
    latencies.push(now - scheduledOf(i));
  }
  agent.destroy();
  latencies.sort((a, b) => a - b);
  completedLatencies.sort((a, b) => a - b);
  return {
    targetRate: options.rate,
    sentRate: sent / sendingSeconds,
    completed,
    failed,
    refused,
    completedP99: percentile(completedLatencies, 99),
    unfinished,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? Number.NaN,
  };
}

/** Mint `count` chief officers' tokens (one person each) from the API's local issuer. */
export async function mintTokens(dataDir: string, count: number, role: 'chief-officer' | 'auditor' = 'chief-officer'): Promise<string[]> {
  const issuer = await LocalIssuer.openOrCreate(dataDir);
  return Promise.all(
    Array.from({ length: count }, (_, i) =>
      issuer.mint({ personId: `bench-${role}-${i}-${randomUUID().slice(0, 8)}`, name: `Bench ${role} ${i}`, role, ...(role === 'chief-officer' ? { force: 'kent' } : {}) }, { ttlSeconds: 4 * 3600 }),
    ),
  );
}

/** The command the write figures send: a recommendation raised to Kent by its chief officer (one new stream, one event). */
export const RECOMMENDATION_BODY = JSON.stringify(ILLUSTRATIVE_RECOMMENDATION);

export { interleave };

/** The newest .cpuprofile in a directory. */
export async function newestProfile(dir: string): Promise<string | undefined> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.cpuprofile')).sort();
  return files.length ? join(dir, files.at(-1)!) : undefined;
}
