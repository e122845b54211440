import type { Command } from 'commander';
import type { PackReport, PublicKeyFile, Seal } from '#integrity';
import { type CliContext, usageError } from '../cli.js';

interface VerifyPackOptions {
  trusted?: string;
  publicKey?: string;
  json?: boolean;
}

/**
 * `ledger verify-pack <dir>`: an audit pack verified offline — no database, no network, nothing
 * but its files and what the auditor brings (the keys they trust, the digest they kept).
 */
export function registerVerifyPack(program: Command, { stdout, stderr }: CliContext): void {
  program
    .command('verify-pack')
    .summary('verify an audit pack offline (no database): seals, events, chains, proofs, and that it extends a digest you kept')
    .description(
      'Verify an audit pack made by `ledger export`, with no database and no network: every seal’s statement and Ed25519 signature and the chain of seals to the head; every event’s content digest and hash recomputed from its stored fields, every stream’s chain, every inclusion proof to the head; the read-access entries; the timeline CSV; and with --trusted, that the pack’s head extends the digest you kept (an RFC 9162 consistency proof: export the pack with the same --trusted). Exit code 0: the pack verifies; 3: it does not, each fault named; 2: bad input.',
    )
    .argument('<dir>', 'the pack’s folder')
    .option('--trusted <file>', 'the digest you kept from before (a sink’s seal-….json, your last pack’s digest.json)')
    .option('--public-key <file>', 'the keys you trust (GET /integrity/public-key saved); without it the pack’s own keys are used, and the report says so')
    .option('--json', 'the report as one JSON object on standard output')
    .action(async (dir: string, options: VerifyPackOptions, command: Command) => {
      const { readDigestFile, readPublicKeysFile, verifyAuditPack } = await import('#integrity');
      let trusted: Seal | undefined;
      let publicKeys: PublicKeyFile[] | undefined;
      try {
        if (options.trusted !== undefined) trusted = await readDigestFile(options.trusted);
        if (options.publicKey !== undefined) publicKeys = await readPublicKeysFile(options.publicKey);
      } catch (error) {
        usageError(command, (error as Error).message);
      }
      let report: PackReport;
      try {
        report = await verifyAuditPack(dir, { trusted, publicKeys });
      } catch (error) {
        usageError(command, (error as Error).message);
      }
      if (report.keysFrom === 'pack') stderr.write('ledger: no --public-key given: the seals were checked against the pack’s own keys; compare their keyId with the one the ledger publishes\n');
      if (options.json) stdout.write(`${JSON.stringify(report)}\n`);
      else stdout.write(describe(report));
      if (!report.ok) process.exit(3);
    });
}

function describe(report: PackReport): string {
  const head = report.head ? `seal ${report.head.seq} (${report.head.treeSize} leaves, ${report.head.sealedAt})` : 'no head';
  const summary = `collaboration ${report.collaborationId}: ${report.eventsChecked} events in ${report.streamsChecked} streams, ${report.readAccessChecked} read-access entries and ${report.sealsChecked} seals checked against ${head}`;
  const trusted = report.extendsTrusted === true ? '; it extends the digest you trusted' : '';
  if (report.ok) return `${summary}${trusted}: the pack verifies.\n`;
  return `${summary}: ${report.faults.length} fault${report.faults.length === 1 ? '' : 's'}:\n${report.faults.map((f) => `  ${f.kind.padEnd(14)} ${f.detail}`).join('\n')}\n`;
}
