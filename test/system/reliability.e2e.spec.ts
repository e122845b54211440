import { randomUUID } from 'node:crypto';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { embeddedUrlsForPort, runningEmbeddedPort } from '#event-store';
import { LocalIssuer } from '#identity';
import type { Principal } from '#shared-kernel';
import { type LedgerProcess, startLedgerProcess } from '../support/ledger-process.js';

/**
 * The real API process on its embedded PostgreSQL, under load, when things go wrong: the API killed
 * outright, PostgreSQL killed under it, Ctrl-C to the whole process group. Nothing acknowledged is
 * ever lost, no request gets a 500 or hangs, and the ledger recovers by itself. Every wait is
 * bounded; traffic goes to loopback only.
 */
const manager: Principal = { personId: 'cm-kent', name: 'Manager, Kent', role: 'collaboration-manager', force: 'kent' };
/** A request that takes longer than this has hung: the point of these tests is that none does. */
const HANG_MS = 20_000;

interface Sent {
  key: string;
  body: object;
}
interface Acknowledged extends Sent {
  answer: { streamId: string; version: number; events: Array<{ eventId: string; globalPosition: number }> };
}

/** Clients that each send recommendations, one after another, each with its own Idempotency-Key, until stopped or the API is gone. */
function load(url: () => string, token: string, clients: number) {
  const acknowledged: Acknowledged[] = [];
  const unanswered: Sent[] = [];
  const refusals: Array<{ status: number; code?: string; contentType: string | null }> = [];
  let stopping = false;
  const send = async (request: Sent) => {
    const response = await fetch(`${url()}/recommendations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': request.key },
      body: JSON.stringify(request.body),
      signal: AbortSignal.timeout(HANG_MS),
    });
    return { status: response.status, contentType: response.headers.get('content-type'), body: (await response.json()) as Record<string, any> };
  };
  const client = async (n: number) => {
    for (let i = 0; !stopping; i++) {
      const request: Sent = {
        key: randomUUID(),
        body: { source: 'internal-audit', reference: `Audit ${n}.${i}`, kind: 'recommendation', text: 'Track benefits monthly', addressedTo: 'kent', owner: { personId: 'o', name: 'Owner (illustrative)' }, dueDate: '2027-03-31', occurredAt: '2026-01-05T00:00:00Z' },
      };
      try {
        const answer = await send(request);
        if (answer.status === 201) acknowledged.push({ ...request, answer: answer.body as Acknowledged['answer'] });
        else {
          refusals.push({ status: answer.status, code: answer.body.code, contentType: answer.contentType });
          unanswered.push(request);
          await sleep(50);
        }
      } catch (error) {
        if ((error as Error).name === 'TimeoutError') throw new Error(`a request hung for ${HANG_MS} ms`);
        unanswered.push(request); // the connection broke: the request may or may not have been recorded
        await sleep(50);
      }
    }
  };
  const running = Promise.all(Array.from({ length: clients }, (_, n) => client(n)));
  return {
    acknowledged,
    unanswered,
    refusals,
    send,
    async stop() {
      stopping = true;
      await running;
    },
  };
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, attempts = 600): Promise<T> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    await sleep(100);
  }
  throw new Error(`${what} did not happen in ${attempts / 10} s`);
}

describe('reliability of the API process under load', () => {
  let dataDir: string;
  let token: string;
  const started: LedgerProcess[] = [];
  const start = async (options: { detached?: boolean } = {}) => {
    const api = await startLedgerProcess({ DATABASE_URL: undefined, LEDGER_DATA_DIR: dataDir, RATE_LIMIT_WRITES_PER_PRINCIPAL: '1000000', RATE_LIMIT_WRITES_PER_IP: '1000000' }, options);
    started.push(api);
    return api;
  };
  /** The ledger's own database, as its application role, for checking what was recorded. */
  const ledgerDatabase = async () => {
    const port = await runningEmbeddedPort(join(dataDir, 'postgres'));
    const pool = new pg.Pool({ connectionString: embeddedUrlsForPort(port!).url, max: 1 });
    return pool;
  };
  /** How many events each idempotency key recorded. */
  const recordedPerKey = async (pool: pg.Pool, keys: string[]) => {
    const { rows } = await pool.query<{ key: string; n: number }>(
      `SELECT metadata->>'idempotencyKey' AS key, count(*)::int AS n FROM events WHERE metadata->>'idempotencyKey' = ANY ($1) GROUP BY 1`,
      [keys],
    );
    return new Map(rows.map((r) => [r.key, r.n]));
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'ledger-reliability-'));
    await chmod(dataDir, 0o755);
    token = await (await LocalIssuer.openOrCreate(dataDir)).mint(manager);
  });
  afterEach(async () => {
    for (const api of started.splice(0)) {
      if (api.child.exitCode === null && api.child.signalCode === null) {
        api.child.kill('SIGTERM');
        await api.exited;
      }
    }
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('loses nothing acknowledged when killed outright under fifty clients; after a restart every retry gets its original answer and nothing is recorded twice', async () => {
    const first = await start();
    const clients = load(() => first.url, token, 50);
    await until('two hundred acknowledged commands', async () => (clients.acknowledged.length >= 200 ? true : undefined));
    first.child.kill('SIGKILL');
    await first.exited;
    await clients.stop();
    expect(clients.refusals).toEqual([]);

    const second = await start();
    const pool = await ledgerDatabase();
    try {
      // Every command that got a 201 is in the log, exactly once, as answered.
      const acknowledged = clients.acknowledged;
      const perKey = await recordedPerKey(pool, acknowledged.map((a) => a.key));
      expect(acknowledged.filter((a) => perKey.get(a.key) !== 1)).toEqual([]);
      const { rows } = await pool.query<{ event_id: string; global_position: string }>('SELECT event_id, global_position FROM events WHERE event_id = ANY ($1)', [acknowledged.map((a) => a.answer.events[0]!.eventId)]);
      expect(rows.length).toBe(acknowledged.length);

      // Retried with their keys, the acknowledged get their original answers; the unanswered get theirs, recorded once.
      const url = () => second.url;
      const again = load(url, token, 0);
      for (const request of acknowledged) {
        const answer = await again.send(request);
        expect({ status: answer.status, body: answer.body }).toEqual({ status: 201, body: request.answer });
      }
      for (const request of clients.unanswered) expect((await again.send(request)).status).toBe(201);
      const afterRetries = await recordedPerKey(pool, [...acknowledged, ...clients.unanswered].map((r) => r.key));
      expect([...afterRetries.values()].every((n) => n === 1)).toBe(true);
      expect(afterRetries.size).toBe(acknowledged.length + clients.unanswered.length);

      // And the log verifies: every digest, link, chain and head.
      const report = await verifyWithCli();
      expect(report).toMatchObject({ ok: true, faults: [] });
    } finally {
      await pool.end();
    }
  });

  it('answers 503, never 500 and never hanging, while its PostgreSQL is killed under it, and recovers by itself', async () => {
    const api = await start();
    const clients = load(() => api.url, token, 10);
    await until('some acknowledged commands', async () => (clients.acknowledged.length >= 20 ? true : undefined));
    const pid = Number((await readFile(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8')).split('\n', 1)[0]);
    process.kill(pid, 'SIGKILL');
    const down = await until('/health to report the database down', async () => {
      const response = await fetch(`${api.url}/health`, { signal: AbortSignal.timeout(HANG_MS) });
      return response.status === 503 ? response : undefined;
    });
    expect(await down.json()).toMatchObject({ status: 'error', error: { database: { status: 'down' } } });
    await until('the database to come back and /health to be ok', async () => ((await fetch(`${api.url}/health`, { signal: AbortSignal.timeout(HANG_MS) })).status === 200 ? true : undefined));
    const before = clients.acknowledged.length;
    await until('commands to be acknowledged again', async () => (clients.acknowledged.length > before + 20 ? true : undefined));
    await clients.stop();
    // Whatever was refused meanwhile was a 503 problem detail saying the database was unavailable.
    expect(clients.refusals.length).toBeGreaterThan(0);
    for (const refusal of clients.refusals) expect(refusal).toEqual({ status: 503, code: 'StoreUnavailable', contentType: expect.stringMatching(/^application\/problem\+json/) });
    expect(api.output()).toMatch(/the embedded PostgreSQL exited unexpectedly/);
    expect(api.child.exitCode).toBeNull();
  });

  it('on Ctrl-C to its whole process group, finishes the requests in flight, then stops PostgreSQL itself, cleanly; nothing acknowledged is lost', async () => {
    const api = await start({ detached: true });
    const clients = load(() => api.url, token, 20);
    await until('some acknowledged commands', async () => (clients.acknowledged.length >= 50 ? true : undefined));
    process.kill(-api.child.pid!, 'SIGINT'); // the terminal's Ctrl-C: the whole foreground group
    const { code } = await api.exited;
    await clients.stop();
    expect(code).toBe(0);
    const log = api.output().split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as { level: number; msg: string });
    const order = ['shutting down', 'HTTP server closed, in-flight requests finished, connection pools ended', 'embedded PostgreSQL stopped'].map((msg) => log.findIndex((l) => l.msg === msg));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // PostgreSQL was not signalled with the group: no session of the API was cut under it.
    expect(log.filter((l) => l.level >= 50)).toEqual([]);
    expect(api.output()).not.toMatch(/terminating connection due to administrator command/);
    for (const refusal of clients.refusals) expect(refusal.status).toBe(503);

    await start();
    const pool = await ledgerDatabase();
    try {
      const perKey = await recordedPerKey(pool, clients.acknowledged.map((a) => a.key));
      expect(clients.acknowledged.filter((a) => perKey.get(a.key) !== 1)).toEqual([]);
    } finally {
      await pool.end();
    }
  });

  /** `npm run ledger -- verify --json` against the running ledger's database. */
  async function verifyWithCli(): Promise<unknown> {
    const { spawn } = await import('node:child_process');
    const env: NodeJS.ProcessEnv = { ...process.env, LEDGER_DATA_DIR: dataDir };
    delete env.DATABASE_URL;
    const child = spawn(process.execPath, ['dist/apps/ledger-cli/src/main.js', 'verify', '--json'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    await new Promise((resolve) => child.on('exit', resolve));
    return JSON.parse(out.trim().split('\n').at(-1)!);
  }
});
