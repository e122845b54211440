import type { Command } from 'commander';
import type { AppendRequest, EventStore } from '#event-store';
import { type CliContext, type LedgerDatabase, openLedgerDatabase, progressBarOptions, usageError } from '../cli.js';

interface GenerateOptions {
  collaborations?: string;
  years?: string;
  seed?: string;
  start?: string;
}

const wholeNumber = (command: Command, name: string, value: string | undefined): number => {
  if (value === undefined) usageError(command, `--${name} is required`);
  if (!/^\d{1,10}$/.test(value)) usageError(command, `--${name} must be a whole number, not "${value}"`);
  return Number(value);
};

/**
 * `ledger generate`: fill an empty ledger with a generated, fictitious history (libs/governance
 * generate/): the 43 forces' office holders, their risk appetites and N collaborations over Y
 * years, every command decided by the aggregates' deciders (a refusal stops it, exit 1), appended
 * through the personal-data store as real commands are. A progress bar on standard error; then
 * what was written, how fast, on standard output. Refuses (exit 2) a ledger that holds events.
 */
export function registerGenerate(program: Command, { config, stdout, stderr }: CliContext): void {
  program
    .command('generate')
    .summary('fill an empty ledger with a generated, fictitious history (same seed, same history)')
    .description(
      `Generate a lawful but fictitious history into an empty ledger: office holders of the 43 forces handing over over the years (PCCs, then mayors or PFCCs where they took over), risk appetites, and --collaborations collaborations over --years years from --start, proposed, signed by every party's office holders of the day, varied, with decisions under their delegation schemes (escalations, urgency, ratifications), monthly benefit measurements and recommendations. Every command goes through the aggregates' own deciders; every event is marked provenance { illustrative: true, generated: { seed, tool: 'ledger generate' } }, and every person is "Generated holder/person N". Uses DATABASE_URL, else the embedded PostgreSQL of ${config.dataDir} ($LEDGER_DATA_DIR).`,
    )
    .option('--collaborations <n>', 'how many collaborations (required)')
    .option('--years <n>', 'how many years of history (required)')
    .option('--seed <n>', 'the seed: the same seed gives the same events (required)')
    .option('--start <date>', 'the first day of the history, on or after 2012-11-22', '2013-01-01')
    .action(async (options: GenerateOptions, command: Command) => {
      const collaborations = wholeNumber(command, 'collaborations', options.collaborations);
      const years = wholeNumber(command, 'years', options.years);
      const seed = wholeNumber(command, 'seed', options.seed);
      const [{ default: pg }, { SingleBar }, { generateLedger, generationWindow, personalFieldsOf }, { CachedPersonalDataKeys, PersonalDataEventStore, PostgresEventStore, PostgresPersonalDataKeys, START, ledgerPoolOptions }] = await Promise.all([
        import('pg'),
        import('cli-progress'),
        import('#governance'),
        import('#event-store'),
      ]);
      const request = { collaborations, years, seed, start: options.start };
      try {
        generationWindow(request);
      } catch (error) {
        if (error instanceof RangeError) usageError(command, error.message);
        throw error;
      }

      const database = await openLedgerDatabase(config, 2);
      let refused: string | undefined;
      try {
        const already = await database.store.countAfter(START, { cap: 1 });
        if (already > 0) refused = 'the ledger already holds events: generate writes only into an empty ledger (use a new database, DATABASE_URL, or a new LEDGER_DATA_DIR)';
        else await generateInto(database);
      } finally {
        await database.close();
      }
      if (refused) {
        stderr.write(`ledger: ${refused}\n`);
        process.exit(2);
      }

      async function generateInto(database: LedgerDatabase): Promise<void> {
        // A pool of its own: large group-committed batches (two at a time) and the key look-ups beside
        // them may wait longer for a connection than an API request should.
        const pool = new pg.Pool({ ...ledgerPoolOptions(database.url, 6), connectionTimeoutMillis: 120_000, query_timeout: 600_000 });
        try {
          await generateThrough(pool, database);
        } finally {
          await pool.end();
        }
      }

      async function generateThrough(pool: import('pg').Pool, database: LedgerDatabase): Promise<void> {
        // Appends group-committed in large batches; names encrypted as every command's are.
        const inner: EventStore = config.eventStore === 'eventstoredb' ? database.store : new PostgresEventStore(pool, { maxBatchEvents: 5000, maxConcurrentBatches: 2 });
        const writer = new PersonalDataEventStore(inner, new CachedPersonalDataKeys(new PostgresPersonalDataKeys(pool)), personalFieldsOf);
        const sink = { append: async (requests: AppendRequest[]) => void (await Promise.all(requests.map((r) => writer.append(r)))) };

        const started = performance.now();
        const seconds = () => (performance.now() - started) / 1000;
        const bar = new SingleBar(progressBarOptions(stderr, 'generate {bar} {value}/{total} collaborations  {events} events  {rate} events/s'));
        bar.start(collaborations, 0, { events: 0, rate: 0 });
        let report;
        try {
          report = await generateLedger(request, sink, (p) => bar.update(p.collaborationsDone, { events: p.events, rate: Math.round(p.events / Math.max(0.001, seconds())) }));
        } finally {
          bar.stop();
        }
        const elapsed = seconds();
        stdout.write(
          `generated ${report.events} events in ${report.streams} streams: ${report.collaborations} collaborations from ${report.from} to ${report.to}, seed ${seed}, in ${elapsed.toFixed(1)} s (${Math.round(report.events / Math.max(0.001, elapsed))} events/s)\n`,
        );
      }
    });
}
