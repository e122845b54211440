import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readdirSync } from 'node:fs';
import { chmod, chown, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { type EventStore, PostgresEventStore, TransactionIdsAhead, freePort, migrate, provisionLedgerDatabase, startEmbeddedPostgres, verifyLog } from '#event-store';
import { DemoHistory, type LedgerCommands, runCommand } from '#governance';
import { PROJECTIONS, ProjectionRunner, openReadModelDatabase } from '#read-models';
import { logSettled } from '#testing';

/**
 * Backup and restore, as docs/operations.md tells an operator to do them, each proved by
 * restoring into a fresh cluster, `verify` clean, and the read models rebuilt to what the original
 * had: a physical (cold) copy of the data directory, and a logical dump restored into a younger
 * cluster, which the ledger refuses to start on until its transaction id epoch is raised.
 */
const PASSWORD = 'ledger-local';

/** A ledger's demo history in a database, its read models rebuilt; returns what they hold. */
async function fillAndProject(url: string): Promise<Record<string, string[]>> {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const store = new PostgresEventStore(pool);
  try {
    const commands = { execute: (aggregate: never, request: never) => runCommand(store as EventStore, aggregate, request) } as unknown as LedgerCommands;
    await new DemoHistory(commands).load();
    await logSettled(pool, () => store.head());
    return await projected(url, store);
  } finally {
    await store.close();
    await pool.end();
  }
}

/** Rebuilds every read model from the log and returns its rows, each as JSON, sorted. */
async function projected(url: string, store: EventStore): Promise<Record<string, string[]>> {
  const dataSource: DataSource = await openReadModelDatabase(url, 2);
  try {
    const runner = new ProjectionRunner(store, dataSource, PROJECTIONS);
    for (const projection of PROJECTIONS) await runner.rebuild(projection);
    const out: Record<string, string[]> = {};
    for (const projection of PROJECTIONS) out[projection.name] = (await dataSource.getRepository(projection.entity).find()).map((row) => JSON.stringify(row)).sort();
    return out;
  } finally {
    await dataSource.destroy();
  }
}

/** After a restore: the log verifies and the read models rebuild to exactly what they were. */
async function expectWhole(url: string, events: number, readModels: Record<string, string[]>) {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const store = new PostgresEventStore(pool);
  try {
    const report = await verifyLog(store);
    expect(report).toMatchObject({ ok: true, eventsChecked: events, faults: [] });
    expect(await projected(url, store)).toEqual(readModels);
  } finally {
    await store.close();
    await pool.end();
  }
}

describe('a cold copy of the embedded cluster’s data directory', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ledger-backup-'));
    await chmod(dir, 0o755);
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('restores into a new place, verifies clean, and rebuilds the same read models', async () => {
    const original = await startEmbeddedPostgres({ dataDir: join(dir, 'original'), database: 'ledger' });
    let readModels: Record<string, string[]>;
    let events: number;
    try {
      const owner = new pg.Pool({ connectionString: original.migrationUrl, max: 1 });
      await migrate(owner);
      await owner.end();
      readModels = await fillAndProject(original.url);
      const pool = new pg.Pool({ connectionString: original.url, max: 1 });
      events = Number((await pool.query<{ n: string }>('SELECT count(*) AS n FROM events')).rows[0]!.n);
      await pool.end();
    } finally {
      await original.stop(); // a cold copy: the server stopped cleanly first
    }
    // As an operator would: `cp -a` keeps the files' owner (the postgres user, when run as root) and modes.
    const { execFileSync } = await import('node:child_process');
    execFileSync('cp', ['-a', join(dir, 'original'), join(dir, 'restored')]);
    const restored = await startEmbeddedPostgres({ dataDir: join(dir, 'restored'), database: 'ledger' });
    try {
      await expectWhole(restored.url, events, readModels);
    } finally {
      await restored.stop();
    }
  });
});

/** PostgreSQL's own tools, of one major version, from the machine's packages; the embedded server has no pg_dump. */
const SYSTEM_BIN = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').map((v) => `/usr/lib/postgresql/${v}/bin`).find((bin) => ['initdb', 'postgres', 'pg_dump', 'pg_restore', 'pg_resetwal'].every((tool) => existsSync(join(bin, tool)))) : undefined;
const describeWithTools = SYSTEM_BIN ? describe : describe.skip;
if (!SYSTEM_BIN) console.warn('skipped: the logical dump and restore test needs PostgreSQL’s initdb, pg_dump, pg_restore and pg_resetwal under /usr/lib/postgresql/<version>/bin (Debian package postgresql)');

describeWithTools(`a logical dump (pg_dump) restored into a younger cluster${SYSTEM_BIN ? '' : ' — skipped: no PostgreSQL tools under /usr/lib/postgresql'}`, () => {
  let dir: string;
  let ids: { uid?: number; gid?: number } = {};
  const running: ChildProcess[] = [];

  const tool = async (name: string, args: string[]) => {
    const child = spawn(join(SYSTEM_BIN!, name), args, { ...ids, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C' } });
    let output = '';
    child.stdout!.on('data', (c) => (output += c));
    child.stderr!.on('data', (c) => (output += c));
    const [code] = (await once(child, 'exit')) as [number];
    if (code !== 0) throw new Error(`${name} ${args.join(' ')} failed (${code}):\n${output}`);
    return output;
  };
  const cluster = async (name: string) => {
    const dataDir = join(dir, name);
    await tool('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C']);
    return dataDir;
  };
  const serve = async (dataDir: string) => {
    const port = await freePort();
    const child = spawn(join(SYSTEM_BIN!, 'postgres'), ['-D', dataDir, '-p', String(port), '-k', dataDir, '-c', 'listen_addresses=127.0.0.1'], { ...ids, detached: true, stdio: 'ignore' });
    running.push(child);
    const admin = `postgres://postgres@127.0.0.1:${port}/postgres`;
    for (let attempt = 0; ; attempt++) {
      try {
        const client = new pg.Client({ connectionString: admin });
        await client.connect();
        await client.end();
        break;
      } catch (error) {
        if (attempt > 300 || child.exitCode !== null) throw error;
        await sleep(100);
      }
    }
    return { port, admin, child };
  };
  const shutDown = async (child: ChildProcess) => {
    if (child.exitCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGINT');
    await exited;
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ledger-dump-'));
    await chmod(dir, 0o755);
    if (process.getuid?.() === 0) {
      // PostgreSQL will not run as root: as the postgres system user, which owns the clusters.
      const { execFileSync } = await import('node:child_process');
      ids = { uid: Number(execFileSync('id', ['-u', 'postgres']).toString()), gid: Number(execFileSync('id', ['-g', 'postgres']).toString()) };
      await chown(dir, ids.uid!, ids.gid!);
    }
  });
  afterAll(async () => {
    for (const child of running) await shutDown(child);
    await rm(dir, { recursive: true, force: true });
  });

  it('is refused at start until the new cluster’s transaction id epoch is raised above the old one; then it verifies clean and rebuilds the same read models', async () => {
    // The production cluster: older than any new one (its transaction id epoch is 1).
    const productionDir = await cluster('production');
    await tool('pg_resetwal', ['-e', '1', productionDir]);
    const production = await serve(productionDir);
    const { appUrl, ownerUrl } = await provisionLedgerDatabase(production.admin, 'ledger', PASSWORD);
    const ownerPool = new pg.Pool({ connectionString: ownerUrl, max: 1 });
    await migrate(ownerPool);
    await ownerPool.end();
    const readModels = await fillAndProject(appUrl);
    const countPool = new pg.Pool({ connectionString: appUrl, max: 1 });
    const events = Number((await countPool.query<{ n: string }>('SELECT count(*) AS n FROM events')).rows[0]!.n);
    await countPool.end();

    // The backup, as the procedure says: pg_dump in its custom format, of the ledger database.
    const dump = join(dir, 'ledger.dump');
    await tool('pg_dump', ['-Fc', '-d', `postgres://postgres@127.0.0.1:${production.port}/ledger`, '-f', dump]);
    await shutDown(production.child);

    // A fresh cluster: the roles first, then the database as it was.
    const freshDir = await cluster('fresh');
    let fresh = await serve(freshDir);
    const admin = new pg.Client({ connectionString: fresh.admin });
    await admin.connect();
    for (const role of ['ledger_owner', 'ledger_app']) await admin.query(`CREATE ROLE ${role} LOGIN PASSWORD '${PASSWORD}'`);
    await admin.end();
    await tool('pg_restore', ['--create', '-d', fresh.admin, dump]);
    const freshOwner = `postgres://ledger_owner:${PASSWORD}@127.0.0.1:${fresh.port}/ledger`;

    // Started on it as it is, the ledger refuses: its readers would not see the restored events.
    const early = new pg.Pool({ connectionString: freshOwner, max: 1 });
    await expect(migrate(early)).rejects.toBeInstanceOf(TransactionIdsAhead);
    await early.end();

    // The procedure: stop the server, raise its epoch above the old one, start it again.
    await shutDown(fresh.child);
    await tool('pg_resetwal', ['-e', '2', freshDir]);
    fresh = await serve(freshDir);
    const restoredOwner = new pg.Pool({ connectionString: `postgres://ledger_owner:${PASSWORD}@127.0.0.1:${fresh.port}/ledger`, max: 1 });
    await migrate(restoredOwner);
    await restoredOwner.end();
    await expectWhole(`postgres://ledger_app:${PASSWORD}@127.0.0.1:${fresh.port}/ledger`, events, readModels);
  });
});
