import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabaseIfMissing, startEmbeddedPostgres } from '#event-store';

export interface BenchDatabase {
  url: string;
  /** Where it runs, as the report says it. */
  where: string;
  /** Stops the throw-away embedded cluster and removes its files; a database on DATABASE_URL is left. */
  stop(): Promise<void>;
}

/**
 * The database a single-purpose bench (bench:append, bench:integrity) runs on: a fresh database
 * named `${prefix}_<time>` on the server DATABASE_URL names, or else a throw-away embedded
 * PostgreSQL with durable settings (fsync on, synchronous_commit on).
 */
export async function openBenchDatabase(prefix: string): Promise<BenchDatabase> {
  const given = process.env.DATABASE_URL;
  if (given) {
    const target = new URL(given);
    const admin = target.toString();
    target.pathname = `/${prefix}_${Date.now()}`;
    await createDatabaseIfMissing(admin, target.pathname.slice(1));
    return { url: target.toString(), where: 'DATABASE_URL', stop: async () => undefined };
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'ledger-bench-'));
  await chmod(dataDir, 0o755);
  const database = await startEmbeddedPostgres({ dataDir, database: 'ledger_bench', persistent: false, provision: false });
  return {
    url: database.url,
    where: 'embedded PostgreSQL (fsync on, synchronous_commit on)',
    async stop() {
      await database.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
