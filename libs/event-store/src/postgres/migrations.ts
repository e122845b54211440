import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';

const MIGRATION_LOCK = 7_210_522_001; // any constant shared by every process of the ledger

/** infra/migrations, found from this file whether it runs from the sources or from dist/. */
export function migrationsDirectory(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'infra', 'migrations');
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('infra/migrations not found above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
}

export interface AppliedMigration {
  version: string;
  applied: boolean;
}

/**
 * Applies infra/migrations/NNNN_name.sql in order, each in its own transaction, once. Several
 * processes may start together: an advisory lock lets one migrate while the others wait. An
 * applied file that has since changed is refused: migrations are append-only, like the ledger.
 */
export async function migrate(pool: pg.Pool, directory = migrationsDirectory()): Promise<AppliedMigration[]> {
  const files = (await readdir(directory)).filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f)).sort();
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version    text        PRIMARY KEY,
      checksum   text        NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await client.query<{ version: string; checksum: string }>('SELECT version, checksum FROM schema_migrations');
    const applied = new Map(rows.map((r) => [r.version, r.checksum]));
    const outcome: AppliedMigration[] = [];
    for (const file of files) {
      const sql = await readFile(join(directory, file), 'utf8');
      const checksum = createHash('sha256').update(sql).digest('hex');
      const version = file.replace(/\.sql$/, '');
      const known = applied.get(version);
      if (known !== undefined) {
        if (known !== checksum) throw new Error(`migration ${file} was changed after it was applied; add a new migration instead`);
        outcome.push({ version, applied: false });
        continue;
      }
      try {
        await client.query('BEGIN');
        await client.query(sql);
        await client.query('INSERT INTO schema_migrations (version, checksum) VALUES ($1, $2)', [version, checksum]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`migration ${file} failed: ${(error as Error).message}`, { cause: error });
      }
      outcome.push({ version, applied: true });
    }
    // The application role's grants, again: it may have been created after the migration that grants them.
    // Each migration that adds tables grants on them in a function of its own (ledger_grant_app,
    // ledger_grant_app_integrity…), so that no migration has to redefine another's.
    const { rows: grants } = await client.query<{ name: string }>(
      `SELECT p.proname AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = 'public' AND p.proname LIKE 'ledger\\_grant\\_app%' AND p.pronargs = 0 ORDER BY p.proname`,
    );
    for (const { name } of grants) await client.query(`SELECT ${name}()`);
    await refuseTransactionIdsAhead(client);
    return outcome;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}

/** What the start is refused with when the log holds transaction ids this server has not reached. */
export class TransactionIdsAhead extends Error {
  constructor(readonly highestRecorded: string, readonly serverNow: string) {
    super(
      `the log holds transaction ids up to ${highestRecorded}, ahead of this server's ${serverNow}: it was restored from a logical dump into a younger cluster. ` +
        'Readers of the log in order would not see those events until the server caught up, and new events would sort before them. ' +
        'Stop the server and raise its transaction id epoch above the old one (pg_resetwal -e), as docs/operations.md (Backup and restore) describes, or restore a physical backup.',
    );
    this.name = 'TransactionIdsAhead';
  }
}

/**
 * The gap-free order compares each event's transaction id with the server's (ADR 0001): a log whose
 * ids are ahead of the server's — a logical dump restored into a younger cluster — would hide its
 * events from every reader and sort new events before old ones. Refused at start, with what to do.
 */
async function refuseTransactionIdsAhead(client: pg.PoolClient): Promise<void> {
  const { rows } = await client.query<{ present: boolean }>("SELECT to_regclass('events') IS NOT NULL AS present");
  if (!rows[0]?.present) return;
  const { rows: ids } = await client.query<{ recorded: string | null; now: string; ahead: boolean }>(
    'SELECT max(transaction_id)::text AS recorded, pg_current_xact_id()::text AS now, max(transaction_id) >= pg_current_xact_id() AS ahead FROM events',
  );
  if (ids[0]?.ahead) throw new TransactionIdsAhead(ids[0].recorded!, ids[0].now);
}
