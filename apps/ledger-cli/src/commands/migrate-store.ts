import { join } from 'node:path';
import type { Command } from 'commander';
import type { EventStore, ImportTarget, VerifyReport } from '#event-store';
import { type CliContext, progressBarOptions, usageError } from '../cli.js';

const STORES = ['postgres', 'eventstoredb'] as const;
type StoreKind = (typeof STORES)[number];

interface MigrateOptions {
  from: string;
  to: string;
  fromUrl?: string;
  toUrl?: string;
  batchSize: string;
  json?: boolean;
}

interface OpenedStore {
  store: EventStore;
  /** Where the copy is written (the owner's connection on PostgreSQL). */
  target(): Promise<ImportTarget>;
  /** Each stream's type where the store keeps one (PostgreSQL). */
  streamTypes(): Promise<Map<string, string>>;
  close(): Promise<void>;
}

/**
 * `ledger migrate-store`: copy the whole log from one store to another (ADR 0005), keeping every
 * event's id, order, both clocks, schema version and hashes; resumable; then `verify` the copy.
 */
export function registerMigrateStore(program: Command, { config, stdout, stderr }: CliContext): void {
  program
    .command('migrate-store')
    .summary('copy the log between PostgreSQL and EventStoreDB (or two PostgreSQL databases), then verify the copy')
    .description(
      'Copy every event of the log, in its order, from one store to another, keeping each event’s id, both clocks, schema version, previous hash and hash (the target takes an event only as an exact extension of its stream: docs/adr/0005-eventstoredb-adapter.md). ' +
        'Resumable: run it again after an interruption and it continues after the last event the target holds (a target holding another ledger is refused). Then verifies the copy as `ledger verify` does. ' +
        'postgres is DATABASE_URL (as a target, MIGRATION_DATABASE_URL: only the owner role may import), else the embedded PostgreSQL; eventstoredb is EVENTSTOREDB_URL; --from-url/--to-url name another. ' +
        'Exit code 0: copied and verified; 3: the copy does not verify; 1: refused or failed (nothing after the refused batch is written).',
    )
    .requiredOption('--from <store>', `the store to copy from: ${STORES.join(' or ')}`)
    .requiredOption('--to <store>', `the store to copy into: ${STORES.join(' or ')}`)
    .option('--from-url <url>', 'the source’s connection string, instead of the configured one')
    .option('--to-url <url>', 'the target’s connection string (PostgreSQL: its owner role), instead of the configured one')
    .option('--batch-size <n>', 'events per write to the target', '500')
    .option('--json', 'the report as one JSON object on standard output')
    .action(async (options: MigrateOptions, command: Command) => {
      const from = kindOf(command, '--from', options.from);
      const to = kindOf(command, '--to', options.to);
      const batchSize = Number(options.batchSize);
      if (!Number.isSafeInteger(batchSize) || batchSize < 1 || batchSize > 10_000) usageError(command, '--batch-size must be a whole number from 1 to 10000');
      if (from === to && (options.fromUrl ?? '') === (options.toUrl ?? '')) usageError(command, `--from and --to are the same ${from} store: name the other one with --to-url (or --from-url)`);
      for (const [kind, url, flag] of [[from, options.fromUrl, '--from-url'], [to, options.toUrl, '--to-url']] as const) {
        if (url !== undefined && kind === 'postgres' && !/^postgres(ql)?:\/\//.test(url)) usageError(command, `${flag} must be a postgres:// connection string for ${kind}`);
        if (url !== undefined && kind === 'eventstoredb' && !/^(kurrentdb|kdb|esdb|eventstore)(\+discover)?:\/\//.test(url)) usageError(command, `${flag} must be a kurrentdb:// or esdb:// connection string for ${kind}`);
        if (url === undefined && kind === 'eventstoredb' && !config.eventStoreDbUrl) usageError(command, `${flag === '--from-url' ? '--from' : '--to'} eventstoredb needs EVENTSTOREDB_URL or ${flag}`);
      }

      const [{ SingleBar }, { START, copyLedger, verifyLog }] = await Promise.all([import('cli-progress'), import('#event-store')]);
      const source = await openStore(from, options.fromUrl, false);
      let target: OpenedStore;
      try {
        target = await openStore(to, options.toUrl, true);
      } catch (error) {
        await source.close();
        throw error;
      }
      const bar = (label: string) =>
        new SingleBar(progressBarOptions(stderr, `${label} {bar} {value}/{total} events  {rate} events/s`));
      const started = performance.now();
      const rate = (n: number, since: number) => Math.round(n / Math.max(0.001, (performance.now() - since) / 1000));
      let copied: { alreadyCopied: number; copied: number };
      let report: VerifyReport;
      let sourceEvents: number;
      try {
        sourceEvents = await source.store.countAfter(START);
        const types = await source.streamTypes();
        const copying = bar('copying  ');
        copying.start(Math.max(1, sourceEvents), 0, { rate: 0 });
        copied = await copyLedger(source.store, await target.target(), {
          batchSize,
          streamTypeOf: (streamId) => types.get(streamId),
          onProgress: (n, already) => copying.update(already + n, { rate: rate(n, started) }),
        });
        copying.stop();
        const verifyStarted = performance.now();
        const verifying = bar('verifying');
        verifying.start(Math.max(1, sourceEvents), 0, { rate: 0 });
        report = await verifyLog(target.store, { onProgress: (checked) => verifying.update(checked, { rate: rate(checked, verifyStarted) }) });
        verifying.stop();
      } finally {
        await source.close();
        await target.close();
      }
      const seconds = (performance.now() - started) / 1000;
      const whole = report.ok && report.eventsChecked === sourceEvents;
      if (options.json) {
        stdout.write(`${JSON.stringify({ from, to, sourceEvents, ...copied, verify: report, whole, seconds: Number(seconds.toFixed(3)) })}\n`);
      } else {
        stdout.write(
          `${copied.copied} events copied from ${from} to ${to} (${copied.alreadyCopied} already there) in ${seconds.toFixed(1)} s; ` +
            `the copy holds ${report.eventsChecked} of the source's ${sourceEvents} events in ${report.streamsChecked} streams and ${report.ok ? 'verifies' : `does not verify (${report.faults.length} broken streams: run ledger verify on it)`}.\n`,
        );
      }
      if (!whole) process.exit(3);
    });

  function kindOf(command: Command, flag: string, value: string): StoreKind {
    if (!(STORES as readonly string[]).includes(value)) usageError(command, `${flag} must be ${STORES.join(' or ')}, not ${JSON.stringify(value)}`);
    return value as StoreKind;
  }

  async function openStore(kind: StoreKind, url: string | undefined, asTarget: boolean): Promise<OpenedStore> {
    const { EventStoreDbEventStore, PostgresEventStore, PostgresImportTarget, connectDatabase, connectEventStoreDb, migrateAs } = await import('#event-store');
    if (kind === 'eventstoredb') {
      const store = new EventStoreDbEventStore(connectEventStoreDb(url ?? config.eventStoreDbUrl!));
      return { store, target: async () => store.importTarget(), streamTypes: async () => new Map(), close: () => store.close() };
    }
    const { default: pg } = await import('pg');
    // A URL given here is used as it is (for a target: the owner's, who alone may import); else the configured database.
    const database = url
      ? { url, migrationUrl: url, stop: async () => undefined }
      : await connectDatabase({ url: config.databaseUrl, migrationUrl: config.migrationDatabaseUrl, dataDir: join(config.dataDir, 'postgres') });
    if (asTarget) await migrateAs(database.migrationUrl);
    const pool = new pg.Pool({ connectionString: database.url, max: 2 });
    const owner = asTarget ? new pg.Pool({ connectionString: database.migrationUrl, max: 1 }) : undefined;
    const store = new PostgresEventStore(pool);
    return {
      store,
      target: async () => new PostgresImportTarget(owner!),
      async streamTypes() {
        const { rows } = await pool.query<{ stream_id: string; type: string }>('SELECT stream_id, type FROM streams');
        return new Map(rows.map((r) => [r.stream_id, r.type]));
      },
      async close() {
        await store.close();
        await pool.end();
        await owner?.end();
        await database.stop();
      },
    };
  }
}
