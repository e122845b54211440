import { readdir } from 'node:fs/promises';
import type { Command } from 'commander';
import type { PackManifest, Seal } from '#integrity';
import { isUuid } from '#shared-kernel';
import { type CliContext, openLedgerDatabase, usageError } from '../cli.js';

interface ExportOptions {
  out?: string;
  trusted?: string;
  seal: boolean;
  json?: boolean;
}

/** `ledger export <collaboration-id> --out DIR`: an audit pack an auditor verifies offline (libs/integrity audit-pack.ts). */
export function registerExport(program: Command, { config, stdout }: CliContext): void {
  program
    .command('export')
    .summary('write an audit pack of one collaboration: its events with inclusion proofs, the seals, the key, a timeline CSV')
    .description(
      'Write an audit pack: the collaboration’s events and those of its decisions, benefits and recommendations (every stored field), each with its inclusion proof to the latest seal; who read its restricted data, each entry with its proof; every seal to that head; the public keys; a CSV of the timeline; and a README on verifying it offline with `ledger verify-pack` and without our software. Seals first, so that the pack holds everything recorded until now (--no-seal: only what is already sealed). With --trusted, the pack also proves that its head extends that digest. docs/integrity.md, "Audit packs".',
    )
    .argument('<collaboration-id>', 'the collaboration (a UUID)')
    .option('--out <dir>', 'a new or empty folder for the pack (required)')
    .option('--trusted <file>', 'a digest the auditor kept (a sink’s seal-….json, their last pack’s digest.json)')
    .option('--no-seal', 'do not seal first: the pack ends at the latest seal')
    .option('--json', 'the manifest as one JSON object on standard output')
    .action(async (collaborationId: string, options: ExportOptions, command: Command) => {
      if (!isUuid(collaborationId)) usageError(command, `the collaboration id must be a UUID, not ${JSON.stringify(collaborationId)}`);
      if (!options.out) usageError(command, '--out is required: the folder to write the pack to');
      const existing = await readdir(options.out).catch(() => [] as string[]);
      if (existing.length > 0) usageError(command, `--out ${options.out} is not empty: give a new or empty folder`);
      const { SealKeyring, SealStore, Sealer, exportAuditPack, readDigestFile, sinksFrom } = await import('#integrity');
      let trusted: Seal | undefined;
      try {
        if (options.trusted !== undefined) trusted = await readDigestFile(options.trusted);
      } catch (error) {
        usageError(command, (error as Error).message);
      }
      const database = await openLedgerDatabase(config, 3);
      let manifest: PackManifest;
      try {
        if (options.seal) {
          const keys = await SealKeyring.openOrCreate(config.sealing.keyDir);
          // Only if something new was recorded: not the last seal's own event alone, which the next seal holds.
          await new Sealer(database.store, database.pool, keys, { intervalMs: 0, sinks: await sinksFrom(config.sealing.sinks) }).sealNow({ onlyIfNew: true });
        }
        manifest = await exportAuditPack(database.store, new SealStore(database.pool), collaborationId.toLowerCase(), options.out, { trusted });
      } catch (error) {
        if (/there is no collaboration|nothing is sealed yet|newer than the ledger/.test((error as Error).message)) usageError(command, (error as Error).message);
        throw error;
      } finally {
        await database.close();
      }
      if (options.json) stdout.write(`${JSON.stringify(manifest)}\n`);
      else {
        const events = manifest.streams.reduce((n, s) => n + s.events, 0);
        stdout.write(
          `audit pack of collaboration ${collaborationId} written to ${options.out}: ${events} events in ${manifest.streams.length} streams and ${manifest.readAccessEntries} read-access entries, proved to seal ${manifest.head.seq} (${manifest.head.treeSize} leaves)${trusted ? `, extending seal ${trusted.seq} you gave` : ''}. Verify it with: npm run ledger -- verify-pack ${options.out} --public-key <the key you trust>\n`,
        );
      }
    });
}
