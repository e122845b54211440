import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrateAs, provisionLedgerDatabase } from '#event-store';

/**
 * A fresh ledger database for one test file, on the cluster the Jest global set-up started
 * (embedded PostgreSQL) or on the server DATABASE_URL names, provisioned as in production: owned by
 * ledger_owner (migrations), used by ledger_app (which may only read the log and execute
 * ledger_append). Dropped by `drop()`.
 */
export interface TestDatabase {
  /** The application's connection string (ledger_app). */
  url: string;
  /** The owner's connection string (ledger_owner), for migrations. */
  ownerUrl: string;
  /** The cluster superuser's connection string for this database: for tests that inspect or tamper. */
  adminUrl: string;
  /** A pool on `url`, as the application connects. */
  pool: pg.Pool;
  /** A pool on `adminUrl`. */
  adminPool: pg.Pool;
  drop(): Promise<void>;
}

/** Test roles' password: the test cluster is a throw-away one on 127.0.0.1. */
const TEST_ROLE_PASSWORD = 'ledger-test';

export function testAdminUrl(): string {
  const url = process.env.LEDGER_TEST_ADMIN_URL ?? process.env.DATABASE_URL;
  if (!url) throw new Error('no test database: run the tests with `npm test` (its global set-up starts PostgreSQL)');
  return url;
}

export async function createTestDatabase(options: { migrate?: boolean; poolSize?: number } = {}): Promise<TestDatabase> {
  const clusterAdmin = testAdminUrl();
  const name = `ledger_test_${randomBytes(6).toString('hex')}`;
  const { appUrl, ownerUrl } = await provisionLedgerDatabase(clusterAdmin, name, TEST_ROLE_PASSWORD);
  const admin = new URL(clusterAdmin);
  admin.pathname = `/${name}`;
  const adminUrl = admin.toString();
  if (options.migrate ?? true) await migrateAs(ownerUrl);
  const pool = new pg.Pool({ connectionString: appUrl, max: options.poolSize ?? 10 });
  const adminPool = new pg.Pool({ connectionString: adminUrl, max: 4 });
  // An idle connection closed by the server (a forced drop at the end) must not fail the test run.
  for (const p of [pool, adminPool]) p.on('error', (error) => console.warn(`test database ${name}: idle connection closed: ${error.message}`));
  return {
    url: appUrl,
    ownerUrl,
    adminUrl,
    pool,
    adminPool,
    async drop() {
      await pool.end();
      await adminPool.end();
      const client = new pg.Client({ connectionString: clusterAdmin });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/**
 * Waits until everything committed in this database is visible to gap-free readers: they never pass
 * a transaction still open anywhere in the cluster, and other test files share the cluster.
 */
export async function logSettled(pool: pg.Pool, head: () => Promise<{ position: number }>): Promise<void> {
  for (let attempt = 0; attempt < 400; attempt++) {
    const { rows } = await pool.query<{ committed: string | null }>('SELECT max(global_position) AS committed FROM events');
    if (Number(rows[0]!.committed ?? 0) <= (await head()).position) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('committed events stayed invisible to gap-free readers for 10 s: a transaction is held open in the cluster');
}
