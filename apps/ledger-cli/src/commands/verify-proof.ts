import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { InclusionProof, PublicKeyFile, Seal } from '#integrity';
import { type CliContext, usageError } from '../cli.js';

interface VerifyProofOptions {
  publicKey?: string;
  digest?: string;
  json?: boolean;
}

/**
 * `ledger verify-proof <file>`: one event's inclusion proof (GET /events/{eventId}/proof saved),
 * checked offline: no database, no network. The event's hash is recomputed from its stored fields,
 * the leaf from the hash, the audit path to the root, the seal's signature with a key you trust.
 */
export function registerVerifyProof(program: Command, { stdout }: CliContext): void {
  program
    .command('verify-proof')
    .summary('check one event’s inclusion proof offline, against a digest and the public key')
    .description(
      'Check an inclusion proof (the answer of GET /events/{eventId}/proof, saved to a file) with no database and no network: the event’s content digest and hash recomputed from its stored fields, its leaf hash, the RFC 9162 audit path to the seal’s root, the seal’s statement and Ed25519 signature by a key you trust (--public-key), and, with --digest, that the seal is the digest you hold. Exit code 0: it proves the event; 3: it does not (why is printed); 2: bad input.',
    )
    .argument('<file>', 'the proof, as GET /events/{eventId}/proof answered it')
    .option('--public-key <file>', 'the keys you trust: GET /integrity/public-key saved, or a pack’s public-keys.json (required)')
    .option('--digest <file>', 'the digest you hold (a seal): the proof must lead to it (ask for the proof with ?treeSize= its treeSize)')
    .option('--json', 'the verdict as one JSON object')
    .action(async (file: string, options: VerifyProofOptions, command: Command) => {
      if (!options.publicKey) usageError(command, '--public-key is required: the proof is only as good as the key it is checked with');
      const { inclusionProofProblem, readDigestFile, readPublicKeysFile, recomputeEventHash } = await import('#integrity');
      let proof: InclusionProof;
      let keys: PublicKeyFile[];
      let digest: Seal | undefined;
      try {
        proof = JSON.parse(await readFile(file, 'utf8')) as InclusionProof;
      } catch {
        usageError(command, `${file} cannot be read as JSON: give the answer of GET /events/{eventId}/proof`);
      }
      try {
        keys = await readPublicKeysFile(options.publicKey);
        if (options.digest !== undefined) digest = await readDigestFile(options.digest);
      } catch (error) {
        usageError(command, (error as Error).message);
      }
      let problem = inclusionProofProblem(proof, new Set(keys.map((k) => k.keyId)), recomputeEventHash);
      if (!problem && digest && digest.sealHash !== proof.seal.sealHash) problem = `it leads to seal ${proof.seal.seq}, not to the digest you hold (seal ${digest.seq}): ask for the proof with ?treeSize=${digest.treeSize}`;
      const what = proof.event ? `event ${proof.event.eventId} (${proof.event.streamId} version ${proof.event.streamVersion})` : `read-access entry ${proof.readAccess?.id}`;
      if (options.json) stdout.write(`${JSON.stringify({ ok: !problem, problem: problem ?? null, leafIndex: proof.leafIndex, seal: proof.seal?.seq ?? null })}\n`);
      else stdout.write(problem ? `the proof does not hold: ${problem}\n` : `${what} is leaf ${proof.leafIndex} of the tree seal ${proof.seal.seq} signed (${proof.seal.treeSize} leaves, ${proof.seal.sealedAt}): proved.\n`);
      if (problem) process.exit(3);
    });
}
