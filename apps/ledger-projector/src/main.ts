import 'reflect-metadata';
import { join } from 'node:path';
import pg from 'pg';
import { createLogger, loadConfigOrExit } from '#config';
import { type EventStore, EventStoreDbEventStore, PersonalDataEventStore, PostgresEventStore, PostgresPersonalDataKeys, connectDatabase, connectEventStoreDb, ledgerPoolOptions, migrateAs } from '#event-store';
import { personalFieldsOf } from '#governance';
import { PROJECTIONS, ProjectionRunner, openReadModelDatabase } from '#read-models';

/**
 * The projections in a process of their own, for scale-out: run the API with RUN_PROJECTIONS=false
 * and one or more of these. Each projection is kept by one process at a time (an advisory lock);
 * the others stand by and take over if it stops.
 */
const config = loadConfigOrExit(process.env, { program: 'ledger-projector', stdoutIsTTY: process.stdout.isTTY });
const log = createLogger(config.log);

async function main(): Promise<void> {
  const database = await connectDatabase({ url: config.databaseUrl, migrationUrl: config.migrationDatabaseUrl, dataDir: join(config.dataDir, 'postgres') });
  const pool = new pg.Pool(ledgerPoolOptions(database.url, 4));
  await migrateAs(database.migrationUrl);
  const dataSource = await openReadModelDatabase(database.url, 4);
  // The log is read from EventStoreDB with EVENT_STORE=eventstoredb; the read models and their checkpoints stay in PostgreSQL.
  const raw: EventStore = config.eventStore === 'eventstoredb' ? new EventStoreDbEventStore(connectEventStoreDb(config.eventStoreDbUrl!)) : new PostgresEventStore(pool);
  // Read models see personal names decrypted, or erased once a person is forgotten (as the API's runner does).
  const store: EventStore = new PersonalDataEventStore(raw, new PostgresPersonalDataKeys(pool), personalFieldsOf);
  const runner = new ProjectionRunner(store, dataSource, PROJECTIONS, { log: (message) => log.warn(message) });
  await runner.start();
  log.info({ projections: PROJECTIONS.map((p) => p.name) }, 'ledger projector running');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'projector stopping');
    await runner.stop();
    await store.close();
    await dataSource.destroy();
    await pool.end();
    await database.stop();
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.removeAllListeners(signal);
    process.once(signal, () => void stop(signal));
  }
}

main().catch((error: unknown) => {
  log.fatal({ err: error }, 'the ledger projector could not start');
  process.exit(1);
});
