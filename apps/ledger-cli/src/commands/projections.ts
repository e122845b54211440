import type { Command } from 'commander';
import type { ProjectionStatus } from '#read-models';
import { type CliContext, openLedgerDatabase } from '../cli.js';

interface ProjectionsOptions {
  json?: boolean;
}

/** What the report says of one projection (the runner's status less `active`, which would only describe this process). */
type Reported = Omit<ProjectionStatus, 'active'>;

/**
 * `ledger projections`: each read model's checkpoint, events applied, lag and whether it is failing,
 * as recorded by whichever process keeps it. A report: exit code 0 even when some are failing.
 */
export function registerProjections(program: Command, { config, stdout }: CliContext): void {
  program
    .command('projections')
    .summary('list the read models: checkpoint, events applied, lag, failing or not')
    .description(
      `List each read model with its checkpoint (global position), the events it has applied, its lag (events in the log it has not applied yet) and, when the process keeping it cannot apply the next page, where, why, since when and when it tries again. A plain table, or JSON with --json. Exits 0 even when some are failing. Uses DATABASE_URL, else the embedded PostgreSQL of ${config.dataDir} ($LEDGER_DATA_DIR).`,
    )
    .option('--json', 'one JSON array on standard output, for machines')
    .action(async (options: ProjectionsOptions) => {
      const { PROJECTIONS, ProjectionRunner } = await import('#read-models');
      const database = await openLedgerDatabase(config, 2);
      let report: Reported[];
      try {
        const runner = new ProjectionRunner(database.store, database.readModels, PROJECTIONS);
        report = (await runner.status()).map(({ active: _active, ...status }) => status);
      } finally {
        await database.close();
      }
      stdout.write(options.json ? `${JSON.stringify(report)}\n` : table(report, Boolean(stdout.isTTY)));
    });
}

function table(report: Reported[], terminal: boolean): string {
  const alarm = (text: string) => (terminal ? `\x1b[1;31m${text}\x1b[0m` : text);
  const header = ['projection', 'checkpoint', 'events applied', 'lag', 'state'];
  const rows = report.map((s) => [s.projection, String(s.checkpoint.position), String(s.eventsApplied), String(s.lag), s.failing ? 'FAILING' : 'ok']);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const numeric = [false, true, true, true, false];
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (numeric[i] ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const lines = [line(header), ...rows.map((row) => (row[4] === 'FAILING' ? alarm(line(row)) : line(row)))];
  const failing = report.filter((s) => s.failing);
  if (failing.length > 0) {
    lines.push('', alarm(`${failing.length} of ${report.length} read models are failing:`));
    for (const { projection, failing: f } of failing) {
      lines.push(
        alarm(`  ${projection} cannot apply the event at position ${f!.position}: ${f!.error}`),
        `    failing since ${f!.since.toISOString()}, ${f!.attempts} attempt${f!.attempts === 1 ? '' : 's'}; next attempt at ${f!.retryAt.toISOString()}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
