import type { Command } from 'commander';
import type { CliContext } from '../cli.js';

/** `ledger rotate-seal-key`: a new Ed25519 key signs the seals from now on; the current one signs the hand-over. */
export function registerRotateSealKey(program: Command, { config, stdout }: CliContext): void {
  program
    .command('rotate-seal-key')
    .summary('make a new seal key; the current key signs the hand-over')
    .description(
      `Make a new Ed25519 key in ${config.sealing.keyDir} (SEAL_KEY_DIR) that signs every seal from now on. The current key signs a hand-over (rotation-<keyId>.json: from, to, when), so an auditor who trusts the old key can come to trust the new one; old keys stay, to verify old seals. Every process that seals must see the new key: restart them (docs/integrity.md, "Rotating the seal key").`,
    )
    .action(async () => {
      const { SealKeyring } = await import('#integrity');
      const keys = await SealKeyring.openOrCreate(config.sealing.keyDir);
      const rotation = await keys.rotate();
      stdout.write(`seal key rotated: ${rotation.from} → ${rotation.to} at ${rotation.rotatedAt}; the hand-over, signed by the old key, is in ${config.sealing.keyDir}/rotation-${rotation.to}.json and at GET /integrity/public-key\n`);
    });
}
