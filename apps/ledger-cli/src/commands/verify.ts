import type { Command } from 'commander';
import type { Fault, VerifyReport } from '#event-store';
import type { LedgerVerifyReport, Seal, SealFault } from '#integrity';
import { type CliContext, progressBarOptions, usageError } from '../cli.js';

interface VerifyOptions {
  stream?: string;
  json?: boolean;
  trusted?: string;
}

/**
 * `ledger verify`: recompute every content digest from the stored fields and every stream's hash
 * chain, check each head against its last event and the log's order against each stream's version
 * order (docs/integrity.md); and, over the whole log in the same pass, recompute the seals' Merkle
 * tree and check every seal: its statement, its Ed25519 signature by one of the ledger's keys, the
 * chain of seals, and that the log still hashes to the root it signed. Exit 0 when all holds, 3 when
 * anything is broken — each broken stream's first fault, and the first seal the log no longer
 * matches with the leaf named, on standard output.
 */
export function registerVerify(program: Command, { config, stdout, stderr }: CliContext): void {
  program
    .command('verify')
    .summary('recompute every hash, chain and seal of the log; exit non-zero on any fault')
    .description(
      `Recompute every event's content digest from its stored fields (never trusting a stored digest), every stream's chain link by link, each stream's head against its last event, and that the log's transaction order agrees with each stream's version order; then the seals: the Merkle tree recomputed from the log, every seal's statement and Ed25519 signature (by a key of ${config.sealing.keyDir}, SEAL_KEY_DIR), the chain of seals, each seal recorded as its LogSealed event. Prints each broken stream's first fault (content, previous-link, missing-event, order, head-mismatch) and each seal fault (seal-root naming the event, sealed-event-missing, seal-signature, seal-untrusted-key, seal-chain, seal-event, trusted-digest). Exit code 0: the log verifies; 3: faults found; 1: it could not be read. Reads the log EVENT_STORE names: PostgreSQL at DATABASE_URL (else the embedded one of ${config.dataDir}, $LEDGER_DATA_DIR), or EventStoreDB at EVENTSTOREDB_URL.`,
    )
    .option('--stream <id>', 'only this stream’s chain (e.g. collaboration-6f1c2a5e-…); seals are checked over the whole log only')
    .option('--trusted <file>', 'a digest you kept (a sink’s seal-….json, a pack’s digest.json): the log must still extend it')
    .option('--json', 'the report as one JSON object on standard output')
    .action(async (options: VerifyOptions, command: Command) => {
      if (options.stream !== undefined && !/^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/.test(options.stream)) usageError(command, '--stream must be a stream id such as collaboration-6f1c2a5e-3b7d-4f0e-9a1b-2c3d4e5f6a7b');
      if (options.stream !== undefined && options.trusted !== undefined) usageError(command, '--trusted checks the whole log: give it without --stream');
      const [{ SingleBar }, { START, verifyLog }, { SealKeyring, SealStore, readDigestFile, verifyLedger }, { openLedgerDatabase }] = await Promise.all([
        import('cli-progress'),
        import('#event-store'),
        import('#integrity'),
        import('../cli.js'),
      ]);
      let trusted: Seal | undefined;
      if (options.trusted !== undefined) {
        try {
          trusted = await readDigestFile(options.trusted);
        } catch (error) {
          usageError(command, `--trusted: ${(error as Error).message}`);
        }
      }
      // Never made here: a verifier that created a key would vouch for seals it did not sign.
      const keys = await SealKeyring.openExisting(config.sealing.keyDir);
      const database = await openLedgerDatabase(config, 2);
      let report: VerifyReport | LedgerVerifyReport;
      const started = performance.now();
      try {
        // Through the port: the log may be PostgreSQL's or EventStoreDB's (EVENT_STORE).
        const total = options.stream !== undefined ? await database.store.streamVersion(options.stream) : await database.store.countAfter(START);
        const bar = new SingleBar(progressBarOptions(stderr, 'verifying {bar} {value}/{total} events  {rate} events/s'));
        const rate = (checked: number) => Math.round(checked / Math.max(0.001, (performance.now() - started) / 1000));
        bar.start(Math.max(1, total), 0, { rate: 0 });
        const onProgress = (checked: number) => bar.update(checked, { rate: rate(checked) });
        report =
          options.stream !== undefined
            ? await verifyLog(database.store, { streamId: options.stream, onProgress })
            : await verifyLedger(database.store, new SealStore(database.pool), { trustedKeys: keys?.keyIds(), trusted, onProgress });
        bar.stop();
      } finally {
        await database.close();
      }
      if (!keys && options.stream === undefined) stderr.write(`ledger: no seal key in ${config.sealing.keyDir} (SEAL_KEY_DIR): each seal's signature was checked against the key it names, which shows it is intact but not that it is ours\n`);
      const seconds = (performance.now() - started) / 1000;
      if (options.json) stdout.write(`${JSON.stringify({ ...report, seconds: Number(seconds.toFixed(3)) })}\n`);
      else stdout.write(describe(report, seconds));
      if (!report.ok) process.exit(3);
    });
}

function describe(report: VerifyReport | LedgerVerifyReport, seconds: number): string {
  const rate = Math.round(report.eventsChecked / Math.max(0.001, seconds));
  const seals = 'seals' in report ? report.seals : undefined;
  const sealed = seals
    ? seals.latest
      ? `, ${seals.sealsChecked} seals (the latest, ${seals.latest.seq}, over ${seals.latest.treeSize} leaves; ${seals.unsealedEvents} events since)`
      : ', no seal yet'
    : '';
  const summary = `${report.eventsChecked} events in ${report.streamsChecked} streams${sealed} checked in ${seconds.toFixed(1)} s (${rate} events/s): `;
  if (report.ok) return `${summary}the log verifies.\n`;
  const line = (f: Fault) => `  ${f.kind.padEnd(13)} ${f.streamId} version ${f.streamVersion}${f.globalPosition ? ` (position ${f.globalPosition})` : ''}: ${f.detail}`;
  const sealLine = (f: SealFault) => `  ${f.kind.padEnd(13)} ${f.seq === null ? 'digest' : `seal ${f.seq}`}${f.leafIndex !== undefined ? ` leaf ${f.leafIndex}` : ''}: ${f.detail}`;
  const chainPart = report.faults.length ? `${report.faults.length} broken stream${report.faults.length === 1 ? '' : 's'}:\n${report.faults.map(line).join('\n')}\n` : '';
  const sealPart = seals?.faults.length ? `${seals.faults.length} seal fault${seals.faults.length === 1 ? '' : 's'}:\n${seals.faults.map(sealLine).join('\n')}\n` : '';
  return `${summary}\n${chainPart}${sealPart}`;
}
