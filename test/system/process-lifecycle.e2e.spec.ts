import { existsSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { type LedgerProcess, logMessages, startLedgerProcess } from '../support/ledger-process.js';

/**
 * The API as `npm start` runs it, with no DATABASE_URL: it starts its own embedded PostgreSQL,
 * shuts down in order on SIGTERM, and recovers by itself after being killed outright.
 */
describe('the ledger API process on its embedded database', () => {
  let dataDir: string;
  const env = () => ({ DATABASE_URL: undefined, LEDGER_DATA_DIR: dataDir });

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'ledger-process-'));
    await chmod(dataDir, 0o755);
  });
  const started: LedgerProcess[] = [];
  const start = async (extra: Record<string, string | undefined> = {}) => {
    const api = await startLedgerProcess({ ...env(), ...extra });
    started.push(api);
    return api;
  };
  afterEach(async () => {
    // A test that failed half-way must not leave its API (and PostgreSQL) running for the next one.
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

  it('starts its own PostgreSQL with the demo history, answers /health and /api/docs, and on SIGTERM closes HTTP, then pools, then the database', async () => {
    const api = await start({ LEDGER_DEMO_DATA: undefined });
    const health = (await (await fetch(`${api.url}/health`)).json()) as { info: { eventStore: { headPosition: number } } };
    expect(health).toMatchObject({ status: 'ok', info: { database: { status: 'up', embedded: true }, eventStore: { status: 'up' } } });
    expect(health.info.eventStore.headPosition).toBeGreaterThan(100);
    expect(logMessages(api.output()).some((m) => m.startsWith('demo history loaded'))).toBe(true);
    let published: string[] = [];
    for (let attempt = 0; attempt < 100 && !published.includes('All Wales collaboration'); attempt++) {
      if (attempt > 0) await sleep(100); // the projections catch up a moment after start
      published = ((await (await fetch(`${api.url}/public/register`)).json()) as { items: Array<{ name: string }> }).items.map((p) => p.name);
    }
    expect(published).toContain('All Wales collaboration');

    const docs = await fetch(`${api.url}/api/docs`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toMatch(/swagger-ui/i);
    const openApi = (await (await fetch(`${api.url}/api/docs/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(openApi.paths)).toEqual(expect.arrayContaining(['/collaborations', '/collaborations/{collaborationId}/signatures']));

    api.child.kill('SIGTERM');
    expect(await api.exited).toEqual({ code: 0, signal: null });

    const messages = logMessages(api.output());
    const order = [
      'shutting down',
      'event store closed: pending appends committed, connection pool ended',
      'HTTP server closed, in-flight requests finished, connection pools ended',
      'embedded PostgreSQL stopped',
    ].map((m) => messages.indexOf(m));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
  });

  it('recovers by itself from a run killed with SIGKILL that left its PostgreSQL and lock behind', async () => {
    const first = await start();
    first.child.kill('SIGKILL');
    await first.exited;
    const pidFile = join(dataDir, 'postgres', 'postmaster.pid');
    expect(existsSync(pidFile)).toBe(true);
    const orphan = Number((await readFile(pidFile, 'utf8')).split('\n', 1)[0]);
    expect(isRunning(orphan)).toBe(true);

    const second = await start();
    try {
      const health = await (await fetch(`${second.url}/health`)).json();
      expect(health).toMatchObject({ status: 'ok', info: { database: { embedded: true } } });
      const messages = logMessages(second.output());
      expect(messages).toContain(`stopping the PostgreSQL (pid ${orphan}) left running on ${join(dataDir, 'postgres')} by an earlier run`);
      expect(messages).toContain('schema up to date');
      expect(isRunning(orphan)).toBe(false);
    } finally {
      second.child.kill('SIGTERM');
      expect((await second.exited).code).toBe(0);
    }
  });

  it('refuses to start a second process on a data directory a live process is using, and leaves the first alone', async () => {
    const first = await start();
    try {
      const second = await startLedgerProcess(env()).catch((error: Error) => error);
      expect(second).toBeInstanceOf(Error);
      expect((second as Error).message).toMatch(/in use by process \d+/);
      expect((await fetch(`${first.url}/health`)).status).toBe(200);
    } finally {
      first.child.kill('SIGTERM');
      expect((await first.exited).code).toBe(0);
    }
  });
});

/** Alive and not a zombie waiting to be reaped by its new parent. */
function isRunning(pid: number): boolean {
  try {
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
}
