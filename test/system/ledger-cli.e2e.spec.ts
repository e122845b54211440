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
    [['token', '--role', 'superintendent', '--name', 'X'], /--role must be one of/, 'Usage: ledger token'],
    [['token', '--role', 'chief-officer', '--name', 'X'], /acts for a force: give --force/, 'Usage: ledger token'],
    [['token', '--role', 'auditor'], /--name is required/, 'Usage: ledger token'],
    [['token', '--role', 'auditor', '--name', 'X', '--ttl', '0'], /--ttl is in hours/, 'Usage: ledger token'],
    [['token', '--role', 'auditor', '--name', 'X', '--colour', 'blue'], /unknown option '--colour'/, 'Usage: ledger token'],
    [['rebuild'], /name one projection, or --all/, 'Usage: ledger rebuild'],
    [['projections', '--yaml'], /unknown option '--yaml'/, 'Usage: ledger projections'],
    [['frobnicate'], /unknown command/, 'Usage: ledger <command>'],
  ])('refuses %j with a clear message, the command\'s help and exit code 2', async (args, message, usage) => {
    const failure = (await ledger(...args).catch((e: unknown) => e)) as { code: number; stdout: string; stderr: string };
    expect(failure.code).toBe(2);
    expect(failure.stderr).toMatch(message);
    expect(failure.stderr).toContain(usage);
    expect(failure.stdout).toBe('');
  });

  it.each([['token'], ['rebuild'], ['projections']])('explains %s with --help', async (command) => {
    const { stdout } = await ledger(command, '--help');
    expect(stdout).toContain(`Usage: ledger ${command} [options]`);
    expect(stdout).toMatch(/^Options:$/m);
  });

  it('lists its commands when run with none', async () => {
    const { stdout } = await ledger();
    expect(stdout.match(/^ {2}(token|rebuild|projections) /gm)).toEqual(['  token ', '  rebuild ', '  projections ']);
  });
});
