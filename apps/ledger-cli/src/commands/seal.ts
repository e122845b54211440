import type { Command } from 'commander';
import type { StoredSeal } from '#integrity';
import { type CliContext, openLedgerDatabase } from '../cli.js';

interface SealOptions {
  json?: boolean;
}

/**
 * `ledger seal`: seal now what was recorded since the last seal (the API also seals every
 * SEAL_INTERVAL_SECONDS), publish the seal to the configured sinks, print it. Safe beside a
 * running API: one sealer at a time, whatever the process.
 */
export function registerSeal(program: Command, { config, stdout }: CliContext): void {
  program
    .command('seal')
    .summary('seal now: add what was recorded since the last seal to the signed Merkle tree over the log')
    .description(
      `Append every event recorded since the last seal, in the log's gap-free order, and every read-access entry, to the ledger's one append-only RFC 9162 Merkle tree; sign the new tree head with the Ed25519 key in ${config.sealing.keyDir} (SEAL_KEY_DIR; made on first use); record the seal in the seals table and as a LogSealed event; write it to the sinks (SEAL_SINK_DIR, SEAL_SINK_S3_BUCKET). Waits if another process is sealing. docs/integrity.md, "Seals".`,
    )
    .option('--json', 'the seals made, as one JSON array on standard output')
    .action(async (options: SealOptions) => {
      const { SealKeyring, Sealer, publicSeal, sinksFrom } = await import('#integrity');
      const keys = await SealKeyring.openOrCreate(config.sealing.keyDir);
      const database = await openLedgerDatabase(config, 3);
      let made: StoredSeal[];
      try {
        const sealer = new Sealer(database.store, database.pool, keys, { intervalMs: 0, sinks: await sinksFrom(config.sealing.sinks), log: (message) => process.stderr.write(`ledger: ${message}\n`) });
        made = await sealer.sealNow();
      } finally {
        await database.close();
      }
      if (options.json) stdout.write(`${JSON.stringify(made.map(publicSeal))}\n`);
      else if (made.length === 0) stdout.write('nothing to seal: every recorded event is in a seal\n');
      else for (const seal of made) stdout.write(`seal ${seal.seq}: ${seal.treeSize} leaves (${seal.eventCount} events, ${seal.accessCount} read-access entries), root ${seal.rootHash}, signed by key ${seal.keyId.slice(0, 16)}… at ${seal.sealedAt}\n`);
    });
}
