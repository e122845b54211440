import { execFile } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEFAULT_AUDIENCE, TokenVerifier } from '#identity';

const run = promisify(execFile);

/** `npm run ledger -- token …` as a new user runs it (the built CLI, a fresh data directory). */
describe('ledger token', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'ledger-cli-'));
    await chmod(dataDir, 0o755);
  });
  afterAll(async () => rm(dataDir, { recursive: true, force: true }));

  const ledger = (...args: string[]) =>
    run(process.execPath, ['dist/apps/ledger-cli/src/main.js', ...args], { env: { ...process.env, LEDGER_DATA_DIR: dataDir } });

  it('mints a token the API verifies as that person, role and force', async () => {
    const { stdout } = await ledger('token', '--role', 'policing-body', '--force', 'devon-and-cornwall', '--name', 'PCC for Devon, Cornwall and the Isles of Scilly', '--person', 'pcc-dc');
    const verifier = await TokenVerifier.create({ audience: DEFAULT_AUDIENCE, dataDir });
    expect(await verifier.verify(stdout.trim())).toEqual({
      personId: 'pcc-dc',
      name: 'PCC for Devon, Cornwall and the Isles of Scilly',
      role: 'policing-body',
      force: 'devon-and-cornwall',
    });
  });

  it.each([
    [['token', '--role', 'superintendent', '--name', 'X'], /--role must be one of/],
    [['token', '--role', 'chief-officer', '--name', 'X'], /acts for a force: give --force/],
    [['token', '--role', 'auditor'], /--name is required/],
    [['token', '--role', 'auditor', '--name', 'X', '--ttl', '0'], /--ttl is in hours/],
    [['frobnicate'], /unknown command/],
  ])('refuses %j with a clear message and exit code 2', async (args, message) => {
    const failure = (await ledger(...args).catch((e: unknown) => e)) as { code: number; stderr: string };
    expect(failure.code).toBe(2);
    expect(failure.stderr).toMatch(message);
  });
});
