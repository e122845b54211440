import type { Command } from 'commander';
import type { AnyProjection } from '#read-models';
import { type CliContext, openLedgerDatabase, progressBarOptions, usageError } from '../cli.js';

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
    .option('--all', 'every read model, side by side (each page of the log read once for all)')
    .action(async (name: string | undefined, options: RebuildOptions, command: Command) => {
      if (options.all && name) usageError(command, 'name one projection, or --all, not both');
      if (!options.all && !name) usageError(command, 'name one projection, or --all');
      const [{ MultiBar }, { PROJECTIONS, ProjectionRunner, findProjection }] = await Promise.all([import('cli-progress'), import('#read-models')]);
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
        const started = performance.now();
        const rate = (read: number) => Math.round(read / Math.max(0.001, (performance.now() - started) / 1000));
        // Drawn only when standard error is a terminal; cleared when done, leaving the lines below.
        const bars = new MultiBar(progressBarOptions(stderr, '{name} {bar} {value}/{total} events  {rate} events/s'));
        const bar = new Map(chosen.map((p) => [p.name, bars.create(total, 0, { name: p.name.padEnd(width), rate: 0 })]));
        // Side by side: every read model shares each page of the log, read and parsed once.
        const reads = await runner.rebuildTogether(chosen, (projection, count) => bar.get(projection.name)!.update(Math.min(count, total), { rate: rate(count) }));
        bars.stop();
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        for (const [i, projection] of chosen.entries()) stdout.write(`${projection.name.padEnd(width)} ${String(reads[i]).padStart(9)} events\n`);
        const all = reads.reduce((sum, n) => sum + n, 0);
        stdout.write(`${chosen.length} read model${chosen.length === 1 ? '' : 's'} rebuilt from ${Math.max(...reads, 0)} events (${all} applied) in ${seconds} s: ${rate(all)} events/s applied; pages of the log read from the database ${runner.pages.counts.reads} times, given to read models ${runner.pages.counts.reads + runner.pages.counts.shared} times\n`);
      } finally {
        await database.close();
      }
    });
}
