import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrate } from '#event-store';

/**
 * A fresh, migrated database for one test file, on the cluster the Jest global set-up started
 * (embedded PostgreSQL) or on the server DATABASE_URL names. Dropped by `drop()`.
 */
export interface TestDatabase {
  url: string;
  pool: pg.Pool;
  drop(): Promise<void>;
}

export function testAdminUrl(): string {
  const url = process.env.LEDGER_TEST_ADMIN_URL ?? process.env.DATABASE_URL;
  if (!url) throw new Error('no test database: run the tests with `npm test` (its global set-up starts PostgreSQL)');
  return url;
}

export async function createTestDatabase(options: { migrate?: boolean; poolSize?: number } = {}): Promise<TestDatabase> {
  const adminUrl = testAdminUrl();
  const name = `ledger_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  } finally {
    await admin.end();
  }
  const target = new URL(adminUrl);
  target.pathname = `/${name}`;
  const url = target.toString();
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 });
  // An idle connection closed by the server (a forced drop at the end) must not fail the test run.
  pool.on('error', (error) => console.warn(`test database ${name}: idle connection closed: ${error.message}`));
  if (options.migrate ?? true) await migrate(pool);
  return {
    url,
    pool,
    async drop() {
      await pool.end();
      const client = new pg.Client({ connectionString: adminUrl });
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
