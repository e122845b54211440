import type { Command } from 'commander';
import type { Fault, VerifyReport } from '#event-store';
import { type CliContext, usageError } from '../cli.js';

interface VerifyOptions {
  stream?: string;
  json?: boolean;
}

/**
 * `ledger verify`: recompute every content digest from the stored fields and every stream's hash
 * chain, check each head against its last event and the log's order against each stream's
 * version order (docs/integrity.md). Exit 0 when all holds, 3 when anything is broken — each broken
 * stream's first fault on standard output.
 */
export function registerVerify(program: Command, { config, stdout, stderr }: CliContext): void {
  program
    .command('verify')
    .summary('recompute every hash and chain in the log; exit non-zero on any fault')
    .description(
      `Recompute every event's content digest from its stored fields (never trusting a stored digest), every stream's chain link by link, each stream's head against its last event, and that the log's transaction order agrees with each stream's version order. Prints each broken stream's first fault (stream, version, global position, kind: content, previous-link, missing-event, order, head-mismatch). Exit code 0: the log verifies; 3: faults found; 1: it could not be read. Reads the log EVENT_STORE names: PostgreSQL at DATABASE_URL (else the embedded one of ${config.dataDir}, $LEDGER_DATA_DIR), or EventStoreDB at EVENTSTOREDB_URL.`,
    )
    .option('--stream <id>', 'only this stream (e.g. collaboration-6f1c2a5e-…)')
    .option('--json', 'the report as one JSON object on standard output')
    .action(async (options: VerifyOptions, command: Command) => {
      if (options.stream !== undefined && !/^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/.test(options.stream)) usageError(command, '--stream must be a stream id such as collaboration-6f1c2a5e-3b7d-4f0e-9a1b-2c3d4e5f6a7b');
      const [{ SingleBar }, { START, verifyLog }, { openLedgerDatabase }] = await Promise.all([import('cli-progress'), import('#event-store'), import('../cli.js')]);
      const database = await openLedgerDatabase(config, 2);
      let report: VerifyReport;
      const started = performance.now();
      try {
        // Through the port: the log may be PostgreSQL's or EventStoreDB's (EVENT_STORE).
        const total = options.stream !== undefined ? await database.store.streamVersion(options.stream) : await database.store.countAfter(START);
        const bar = new SingleBar({
          stream: stderr,
          format: 'verifying {bar} {value}/{total} events  {rate} events/s',
          barCompleteChar: '█',
          barIncompleteChar: '░',
          barsize: 30,
          hideCursor: true,
          clearOnComplete: true,
          gracefulExit: true,
        });
        const rate = (checked: number) => Math.round(checked / Math.max(0.001, (performance.now() - started) / 1000));
        bar.start(Math.max(1, total), 0, { rate: 0 });
        report = await verifyLog(database.store, { streamId: options.stream, onProgress: (checked) => bar.update(checked, { rate: rate(checked) }) });
        bar.stop();
      } finally {
        await database.close();
      }
      const seconds = (performance.now() - started) / 1000;
      if (options.json) stdout.write(`${JSON.stringify({ ...report, seconds: Number(seconds.toFixed(3)) })}\n`);
      else stdout.write(describe(report, seconds));
      if (!report.ok) process.exit(3);
    });
}

function describe(report: VerifyReport, seconds: number): string {
  const rate = Math.round(report.eventsChecked / Math.max(0.001, seconds));
  const summary = `${report.eventsChecked} events in ${report.streamsChecked} streams checked in ${seconds.toFixed(1)} s (${rate} events/s): `;
  if (report.ok) return `${summary}the log verifies.\n`;
  const line = (f: Fault) => `  ${f.kind.padEnd(13)} ${f.streamId} version ${f.streamVersion}${f.globalPosition ? ` (position ${f.globalPosition})` : ''}: ${f.detail}`;
  return `${summary}${report.faults.length} broken stream${report.faults.length === 1 ? '' : 's'}:\n${report.faults.map(line).join('\n')}\n`;
}
