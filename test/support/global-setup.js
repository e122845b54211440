// Plain ESM JavaScript (Jest loads global set-up outside its transform). It starts one real,
// throw-away PostgreSQL for the whole run unless DATABASE_URL names a server; each test file then
// creates its own database on it (libs/testing). `npm test` builds dist/ before Jest starts.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default async function globalSetup() {
  if (process.env.DATABASE_URL) {
    process.env.LEDGER_TEST_ADMIN_URL = process.env.DATABASE_URL;
    console.log(`\nTests use the PostgreSQL server named by DATABASE_URL.`);
    return;
  }
  const { startEmbeddedPostgres } = await import('../../dist/libs/event-store/src/index.js');
  const dataDir = await mkdtemp(join(tmpdir(), 'ledger-test-pg-'));
  const database = await startEmbeddedPostgres({ dataDir, database: 'postgres', persistent: false, unsafeFast: true, provision: false });
  globalThis.__LEDGER_TEST_DATABASE__ = database;
  process.env.LEDGER_TEST_ADMIN_URL = database.url;
  console.log(`\nTests use an embedded PostgreSQL in ${dataDir}.`);
}
