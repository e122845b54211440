import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { embeddedUrlsForPort, runningEmbeddedPort } from '#event-store';
import { LocalIssuer } from '#identity';
import type { Principal } from '#shared-kernel';
import { type LedgerProcess, startLedgerProcess } from '../support/ledger-process.js';

const run = promisify(execFile);
const registrar: Principal = { personId: 'reg', name: 'Registrar', role: 'registrar' };
const manager: Principal = { personId: 'cm', name: 'Manager', role: 'collaboration-manager', force: 'cheshire' };

/** `npm run ledger -- rebuild` and apps/ledger-projector beside a running API, as an operator runs them. */
describe('read-model processes beside the API', () => {
  let dataDir: string;
  let issuer: LocalIssuer;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'ledger-read-models-'));
    await chmod(dataDir, 0o755);
    issuer = await LocalIssuer.openOrCreate(dataDir);
  });
  afterAll(async () => rm(dataDir, { recursive: true, force: true }));

  async function propose(api: LedgerProcess, name: string): Promise<string> {
    const response = await fetch(`${api.url}/collaborations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await issuer.mint(manager)}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        name,
        purpose: 'Underwater search and marine unit for the region',
        functions: ['underwater search'],
        parties: ['cheshire', 'merseyside'],
        leadForce: 'cheshire',
        costSharing: 'equal',
        noticePeriodMonths: 12,
        reviewDate: '2020-01-01',
        occurredAt: '2012-01-01T00:00:00Z',
      }),
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { collaborationId: string }).collaborationId;
  }

  /** The register's ids once it shows `expected` (projections catch up a moment after the command). */
  async function registerOf(api: LedgerProcess, expected: string): Promise<string[]> {
    let ids: string[] = [];
    for (let attempt = 0; attempt < 100 && !ids.includes(expected); attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, 100));
      const response = await fetch(`${api.url}/register`, { headers: { authorization: `Bearer ${await issuer.mint(registrar)}` } });
      ids = ((await response.json()) as { items: Array<{ collaborationId: string }> }).items.map((e) => e.collaborationId);
    }
    return ids;
  }

  it('rebuilds every read model from the log while the API runs, showing progress and events/s', async () => {
    const api = await startLedgerProcess({ DATABASE_URL: undefined, LEDGER_DATA_DIR: dataDir });
    try {
      const id = await propose(api, 'North West underwater search (illustrative)');
      expect(await registerOf(api, id)).toEqual([id]);
      const { stdout } = await run(process.execPath, ['dist/apps/ledger-cli/src/main.js', 'rebuild', '--all'], { env: { ...process.env, DATABASE_URL: '', LEDGER_DATA_DIR: dataDir } });
      for (const name of ['register.v4', 'signature-matrix.v2', 'office-holders.v3', 'decision-log.v4']) expect(stdout).toMatch(new RegExp(`${name.replace('.', '\\.')} +\\d+ events`));
      // Side by side: each page of the log read once for all read models (each still reads the empty page that ends it).
      const [, read, given] = /\d+ read models rebuilt from \d+ events \(\d+ applied\) in [\d.]+ s: \d+ events\/s applied; pages of the log read from the database (\d+) times, given to read models (\d+) times/.exec(stdout)!;
      expect(Number(read)).toBeLessThan(Number(given));
      expect(await registerOf(api, id)).toEqual([id]);
      const refused = await run(process.execPath, ['dist/apps/ledger-cli/src/main.js', 'rebuild', 'no-such-model'], { env: { ...process.env, DATABASE_URL: '', LEDGER_DATA_DIR: dataDir } }).catch((e: { code: number; stderr: string }) => e);
      expect(refused).toMatchObject({ code: 2, stderr: expect.stringMatching(/no projection "no-such-model"/) });

      // `ledger projections` reports what the API's runner recorded: here, every read model caught up…
      const projections = (args: string[] = []) =>
        run(process.execPath, ['dist/apps/ledger-cli/src/main.js', 'projections', ...args], { env: { ...process.env, DATABASE_URL: '', LEDGER_DATA_DIR: dataDir } });
      const report = JSON.parse((await projections(['--json'])).stdout) as Array<{ projection: string; checkpoint: { position: number }; eventsApplied: number; lag: number; failing: unknown }>;
      expect(report.map((p) => p.projection)).toEqual(expect.arrayContaining(['register.v4', 'signature-matrix.v2', 'office-holders.v3', 'decision-log.v4']));
      for (const p of report) expect(p).toMatchObject({ lag: 0, failing: null, checkpoint: { position: expect.any(Number) } });
      // …and one failing, as its runner records a page it cannot apply (see the runner's spec): still exit code 0.
      const database = new pg.Client({ connectionString: embeddedUrlsForPort((await runningEmbeddedPort(join(dataDir, 'postgres')))!).url });
      await database.connect();
      try {
        const failure = { position: 9, error: 'column "signed_on" does not exist', since: '2026-01-05T10:00:00.000Z', attempts: 4, retryAt: '2026-01-05T10:00:08.000Z' };
        await database.query(`UPDATE rm_checkpoints SET failure = $1 WHERE projection = 'decision-log.v4'`, [JSON.stringify(failure)]);
        const table = await projections();
        expect(table.stdout).toMatch(/^decision-log\.v4 +\d+ +\d+ +0 +FAILING$/m);
        expect(table.stdout).toMatch(/^register\.v4 +\d+ +\d+ +0 +ok$/m);
        expect(table.stdout).toContain('decision-log.v4 cannot apply the event at position 9: column "signed_on" does not exist');
        expect(table.stdout).toContain('failing since 2026-01-05T10:00:00.000Z, 4 attempts; next attempt at 2026-01-05T10:00:08.000Z');
        const failingNow = (JSON.parse((await projections(['--json'])).stdout) as typeof report).filter((p) => p.failing);
        expect(failingNow).toEqual([expect.objectContaining({ projection: 'decision-log.v4', failing: failure })]);
      } finally {
        await database.query(`UPDATE rm_checkpoints SET failure = NULL`);
        await database.end();
      }
    } finally {
      api.child.kill('SIGTERM');
      expect((await api.exited).code).toBe(0);
    }
  });

  it('keeps the read models from a projector process when the API runs none', async () => {
    const api = await startLedgerProcess({ DATABASE_URL: undefined, LEDGER_DATA_DIR: dataDir, RUN_PROJECTIONS: 'false' });
    const projector = spawn(process.execPath, ['dist/apps/ledger-projector/src/main.js'], { env: { ...process.env, DATABASE_URL: '', LEDGER_DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    projector.stdout!.on('data', (chunk) => (output += chunk));
    projector.stderr!.on('data', (chunk) => (output += chunk));
    const running = new Promise<void>((resolve) => projector.stdout!.on('data', () => output.includes('ledger projector running') && resolve()));
    try {
      await running;
      const id = await propose(api, 'North West marine unit, second entry (illustrative)');
      expect(await registerOf(api, id)).toContain(id);
      const health = (await (await fetch(`${api.url}/health`)).json()) as { info: { projections: { projections: Record<string, { active: boolean }> } } };
      expect(Object.values(health.info.projections.projections).every((p) => p.active === false)).toBe(true);
    } finally {
      projector.kill('SIGTERM');
      const [code] = await once(projector, 'exit');
      expect({ code, output: code === 0 ? '' : output }).toEqual({ code: 0, output: '' });
      api.child.kill('SIGTERM');
      expect((await api.exited).code).toBe(0);
    }
  });
});
