import { join } from 'node:path';
import type { Command } from 'commander';
import type pg from 'pg';
import type { DataSource } from 'typeorm';
import type { LedgerConfig } from '#config';
import type { EventStore } from '#event-store';

/** What every command gets: the configuration read once at start, and where to write. */
export interface CliContext {
  config: LedgerConfig;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

/**
 * A command file's one export: it adds its command (name, options, help, action) to the program.
 * Commands import the heavy libraries (#read-models, #identity, #event-store…) inside their action,
 * with `await import()`, so that `ledger --help` and the other commands start at once.
 */
export type RegisterCommand = (program: Command, context: CliContext) => void;

/** Bad input: prints `ledger: <message>` and the command's help to standard error, then exits 2. */
export function usageError(command: Command, message: string): never {
  command.error(`ledger: ${message}`, { exitCode: 2, code: 'ledger.usage' });
  throw new Error(message); // not reached: error() exits (or throws through exitOverride)
}

/** The ledger's database as a second process sees it (DATABASE_URL, else the embedded cluster, running or not). */
export interface LedgerDatabase {
  pool: pg.Pool;
  /** The log as stored (personal names as ciphertext): PostgreSQL's, or EventStoreDB's with EVENT_STORE=eventstoredb. */
  store: EventStore;
  /** The same log as the domain reads it: personal names decrypted, or shown erased (rebuild, replay). */
  readable: EventStore;
  readModels: DataSource;
  /** The application role's connection string (DATABASE_URL, or the embedded cluster's). */
  url: string;
  /** The owner role's connection string (MIGRATION_DATABASE_URL, or the embedded cluster's owner). */
  migrationUrl: string;
  close(): Promise<void>;
}

export async function openLedgerDatabase(config: LedgerConfig, poolSize = 3): Promise<LedgerDatabase> {
  const [{ default: pg }, { EventStoreDbEventStore, PersonalDataEventStore, PostgresEventStore, PostgresPersonalDataKeys, connectDatabase, connectEventStoreDb, ledgerPoolOptions }, { openReadModelDatabase }, { personalFieldsOf }] =
    await Promise.all([import('pg'), import('#event-store'), import('#read-models'), import('#governance')]);
  const database = await connectDatabase({ url: config.databaseUrl, migrationUrl: config.migrationDatabaseUrl, dataDir: join(config.dataDir, 'postgres') });
  const pool = new pg.Pool(ledgerPoolOptions(database.url, poolSize));
  let readModels: DataSource;
  try {
    readModels = await openReadModelDatabase(database.url, poolSize);
  } catch (error) {
    await pool.end();
    await database.stop();
    throw error;
  }
  const store = config.eventStore === 'eventstoredb' ? new EventStoreDbEventStore(connectEventStoreDb(config.eventStoreDbUrl!)) : new PostgresEventStore(pool);
  return {
    pool,
    store,
    readable: new PersonalDataEventStore(store, new PostgresPersonalDataKeys(pool), personalFieldsOf),
    readModels,
    url: database.url,
    migrationUrl: database.migrationUrl,
    async close() {
      await store.close();
      await readModels.destroy();
      await pool.end();
      await database.stop();
    },
  };
}

/**
 * The options of every command's progress bar (cli-progress): drawn on standard error only when it
 * is a terminal, cleared when done so that the lines printed after it stay.
 */
export const progressBarOptions = (stream: NodeJS.WriteStream, format: string) => ({
  stream,
  format,
  barCompleteChar: '█',
  barIncompleteChar: '░',
  barsize: 30,
  hideCursor: true,
  clearOnComplete: true,
  gracefulExit: true,
});
