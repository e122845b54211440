import { execFile } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type TestDatabase, createTestDatabase } from '#testing';

const run = promisify(execFile);

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * `npm run ledger -- generate` as an operator runs it (the built CLI) into a fresh ledger database:
 * it writes a generated history, the read models rebuild from it, `ledger verify` passes, and a
 * second run into the same ledger is refused.
 */
describe('ledger generate', () => {
  let database: TestDatabase;
  let dataDir: string;

  const ledger = async (...args: string[]): Promise<Ran> => {
    const env = { ...process.env, DATABASE_URL: database.url, MIGRATION_DATABASE_URL: database.ownerUrl, LEDGER_DATA_DIR: dataDir, SEAL_KEY_DIR: join(dataDir, 'seal-key'), LOG_LEVEL: 'warn' };
    try {
      const { stdout, stderr } = await run(process.execPath, ['dist/apps/ledger-cli/src/main.js', ...args], { env, maxBuffer: 50 * 1024 * 1024 });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = await mkdtemp(join(tmpdir(), 'ledger-generate-'));
    await chmod(dataDir, 0o755);
  });
  afterAll(async () => {
    await database?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('generates 20 collaborations over 2 years; the read models rebuild from them and the log verifies', async () => {
    const generated = await ledger('generate', '--collaborations', '20', '--years', '2', '--seed', '11');
    expect(generated).toMatchObject({ code: 0, stdout: expect.stringMatching(/^generated \d+ events in \d+ streams: 20 collaborations from 2013-01-01 to 2014-12-31, seed 11, in [\d.]+ s \(\d+ events\/s\)\n$/) });
    const events = Number(/generated (\d+) events/.exec(generated.stdout)![1]);
    const { rows } = await database.pool.query<{ n: string; generated: string; collaborations: string }>(
      `SELECT count(*) AS n,
              count(*) FILTER (WHERE metadata->'provenance' = '{"illustrative": true, "generated": {"seed": 11, "tool": "ledger generate"}}'::jsonb) AS generated,
              count(*) FILTER (WHERE type = 'CollaborationProposed') AS collaborations
         FROM events`,
    );
    expect(rows[0]).toEqual({ n: String(events), generated: String(events), collaborations: '20' });
    // Staff names are stored as real commands store them: encrypted per person.
    const { rows: proposals } = await database.pool.query<{ proposedBy: { name: unknown } }>(`SELECT data->'proposedBy' AS "proposedBy" FROM events WHERE type = 'CollaborationProposed' LIMIT 1`);
    expect(proposals[0]!.proposedBy.name).toMatchObject({ $erasable: 'ledger-erasable-v1' });

    const rebuilt = await ledger('rebuild', '--all');
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.stdout).toMatch(new RegExp(`^register\\S*\\s+${events} events`, 'm'));
    const { rows: register } = await database.pool.query<{ n: string }>('SELECT count(*) AS n FROM read_models.rm_register');
    expect(register[0]!.n).toBe('20');
    const { rows: tenures } = await database.pool.query<{ n: string }>('SELECT count(*) AS n FROM read_models.rm_office_tenures');
    expect(Number(tenures[0]!.n)).toBeGreaterThanOrEqual(86);

    const verified = await ledger('verify');
    expect(verified.code).toBe(0);
    expect(verified.stdout).toContain(`${events} events in`);
    expect(verified.stdout).toContain('the log verifies');
  });

  it('refuses a ledger that already holds events, with exit code 2, writing nothing', async () => {
    const { rows: before } = await database.pool.query<{ n: string }>('SELECT count(*) AS n FROM events');
    const again = await ledger('generate', '--collaborations', '1', '--years', '1', '--seed', '1');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('the ledger already holds events');
    const { rows: after } = await database.pool.query<{ n: string }>('SELECT count(*) AS n FROM events');
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it.each([
    [['generate', '--years', '2', '--seed', '1'], /--collaborations is required/],
    [['generate', '--collaborations', 'ten', '--years', '2', '--seed', '1'], /--collaborations must be a whole number/],
    [['generate', '--collaborations', '5', '--years', '40', '--seed', '1'], /not in the past/],
    [['generate', '--collaborations', '5', '--years', '2', '--seed', '1', '--start', '2010-01-01'], /PCCs took office/],
  ])('refuses %j before touching the database (exit 2)', async (args, message) => {
    const refused = await ledger(...args);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(message);
    expect(refused.stderr).toContain('Usage: ledger generate');
  });
});
