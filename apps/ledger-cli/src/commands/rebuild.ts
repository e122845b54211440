import type { Command } from 'commander';
import type { AnyProjection } from '#read-models';
import { type CliContext, openLedgerDatabase, usageError } from '../cli.js';

interface RebuildOptions {
  all?: boolean;
}

/**
 * `ledger rebuild`: empty read models and replay the log into them. A progress bar on a terminal
 * (standard error); then one line per projection on standard output, with events/s.
 */
export function registerRebuild(program: Command, { config, stdout, stderr }: CliContext): void {
  program
    .command('rebuild')
    .summary('empty a read model and rebuild it from the log')
    .description(
      `Empty a read model and rebuild it from the log, showing progress and events/s. Works beside a running API (its runner and this one never apply a page twice). Uses DATABASE_URL, else the embedded PostgreSQL of ${config.dataDir} ($LEDGER_DATA_DIR), running or not.`,
    )
    .argument('[projection]', 'the read model, with or without its version (register or register.v2; `ledger projections` lists them)')
    .option('--all', 'every read model, one after another')
    .action(async (name: string | undefined, options: RebuildOptions, command: Command) => {
      if (options.all && name) usageError(command, 'name one projection, or --all, not both');
      if (!options.all && !name) usageError(command, 'name one projection, or --all');
      const [{ SingleBar }, { PROJECTIONS, ProjectionRunner, findProjection }] = await Promise.all([import('cli-progress'), import('#read-models')]);
      let chosen: readonly AnyProjection[];
      try {
        chosen = options.all ? PROJECTIONS : [findProjection(PROJECTIONS, name!)];
      } catch (error) {
        usageError(command, (error as Error).message);
      }

      const database = await openLedgerDatabase(config);
      try {
        // Through the readable store: read models hold names decrypted, or erased once forgotten.
        const runner = new ProjectionRunner(database.readable, database.readModels, PROJECTIONS, { batchSize: 1000 });
        const { START } = await import('#event-store');
        const total = Math.max(1, await database.store.countAfter(START));
        const width = Math.max(...chosen.map((p) => p.name.length));
        for (const projection of chosen) {
          const started = performance.now();
          const rate = (read: number) => Math.round(read / Math.max(0.001, (performance.now() - started) / 1000));
          // Drawn only when standard error is a terminal; cleared when done, leaving the line below.
          const bar = new SingleBar({
            stream: stderr,
            format: `${projection.name.padEnd(width)} {bar} {value}/{total} events  {rate} events/s`,
            barCompleteChar: '█',
            barIncompleteChar: '░',
            barsize: 30,
            hideCursor: true,
            clearOnComplete: true,
            gracefulExit: true,
          });
          bar.start(total, 0, { rate: 0 });
          const read = await runner.rebuild(projection, (count) => bar.update(Math.min(count, total), { rate: rate(count) }));
          bar.update(Math.min(read, total), { rate: rate(read) });
          bar.stop();
          const seconds = ((performance.now() - started) / 1000).toFixed(1);
          stdout.write(`${projection.name.padEnd(width)} ${String(read).padStart(9)} events  ${rate(read)} events/s  done in ${seconds} s\n`);
        }
      } finally {
        await database.close();
      }
    });
}
