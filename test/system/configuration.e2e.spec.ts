import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from '@jest/globals';

const run = promisify(execFile);

/** A process started with a bad setting stops at once, naming the variable and what it may be. */
describe('a bad setting at start', () => {
  /** The process's exit code and output; the timeout only stops a process that hangs instead of exiting. */
  const start = async (entry: string, args: string[], env: Record<string, string>) => {
    const failure = (await run(process.execPath, [entry, ...args], { env: { ...process.env, ...env }, timeout: 30_000 }).then(
      (done) => ({ code: 0, ...done }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    )) as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  };

  it('stops the API with one line naming PORT and its allowed values, and exit code 1', async () => {
    const result = await start('dist/apps/ledger-api/src/main.js', [], { PORT: 'abc' });
    expect(result).toEqual({ code: 1, stdout: '', stderr: 'ledger-api: PORT must be a whole number from 1 to 65535, not "abc"\n' });
  });

  it('stops the projector on a LOG_LEVEL it does not know', async () => {
    const result = await start('dist/apps/ledger-projector/src/main.js', [], { LOG_LEVEL: 'loud' });
    expect(result).toEqual({ code: 1, stdout: '', stderr: 'ledger-projector: LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, not "loud"\n' });
  });

  it('stops the command line with exit code 2, without showing a DATABASE_URL that may hold a password', async () => {
    const result = await start('dist/apps/ledger-cli/src/main.js', ['projections'], { DATABASE_URL: 'mysql://ledger:hunter2@db/ledger' });
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'ledger: DATABASE_URL must be a postgres:// or postgresql:// connection string (its value is not shown: it may hold a password)\n',
    });
  });
});
