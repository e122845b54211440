import { type KeyObject, createPrivateKey, generateKeyPairSync, sign } from 'node:crypto';
import { chmod, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type PublicKeyFile, keyIdOf, publicKeyFile, rawPublicKey } from './seal-format.js';

/**
 * The sealer's Ed25519 keys, in a directory of their own (SEAL_KEY_DIR, default
 * $LEDGER_DATA_DIR/seal-key), never in the database a superuser could rewrite:
 *
 *   ed25519-<keyId>.pem     a private key (PKCS#8, mode 0600), one per key ever used
 *   current                 the keyId that signs new seals
 *   rotation-<keyId>.json   for every key but the first: the previous key's signature over the new
 *                           one (docs/integrity.md, "Rotating the seal key")
 *
 * Created on first start. Several processes may start at once on one directory: each makes a key,
 * and the first to create `current` (exclusively) wins; the others remove theirs and use it.
 */
export interface KeyRotation {
  format: 'ledger-key-rotation-v1';
  from: string;
  to: string;
  /** The new key's raw public key, base64. */
  publicKey: string;
  rotatedAt: string;
  /** Ed25519 signature by the previous key over `statement`, base64. */
  signature: string;
  statement: string;
}

export const rotationStatement = (from: string, to: string, rotatedAt: string) => ['ledger-key-rotation-v1', from, to, rotatedAt].join('\n');

export class SealKeyring {
  private constructor(
    readonly directory: string,
    private readonly keys: Map<string, KeyObject>,
    private currentId: string,
    readonly rotations: KeyRotation[],
  ) {}

  static async openOrCreate(directory: string): Promise<SealKeyring> {
    await mkdir(directory, { recursive: true, mode: 0o700 });
    let current = await readCurrent(directory);
    if (!current) {
      const { privateKey } = generateKeyPairSync('ed25519');
      const keyId = keyIdOf(rawPublicKey(privateKey));
      await writePrivate(directory, keyId, privateKey);
      try {
        await writeFile(join(directory, 'current'), `${keyId}\n`, { flag: 'wx', mode: 0o600 });
        current = keyId;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        await rm(join(directory, `ed25519-${keyId}.pem`), { force: true });
        current = (await readCurrent(directory))!;
      }
    }
    return SealKeyring.load(directory, current);
  }

  /** The keyring in `directory`, or undefined when no key was ever made there (never creates one: for verifiers). */
  static async openExisting(directory: string): Promise<SealKeyring | undefined> {
    const current = await readCurrent(directory);
    return current ? SealKeyring.load(directory, current) : undefined;
  }

  private static async load(directory: string, current: string): Promise<SealKeyring> {
    const keys = new Map<string, KeyObject>();
    const rotations: KeyRotation[] = [];
    for (const file of (await readdir(directory)).sort()) {
      if (/^ed25519-[0-9a-f]{64}\.pem$/.test(file)) {
        const key = createPrivateKey(await readFile(join(directory, file), 'utf8'));
        keys.set(keyIdOf(rawPublicKey(key)), key);
      } else if (/^rotation-[0-9a-f]{64}\.json$/.test(file)) {
        rotations.push(JSON.parse(await readFile(join(directory, file), 'utf8')) as KeyRotation);
      }
    }
    if (!keys.has(current)) throw new Error(`the seal key ${current} named by ${join(directory, 'current')} is not in that directory`);
    return new SealKeyring(directory, keys, current, rotations.sort((a, b) => a.rotatedAt.localeCompare(b.rotatedAt)));
  }

  get currentKeyId(): string {
    return this.currentId;
  }

  get current(): KeyObject {
    return this.keys.get(this.currentId)!;
  }

  /** Every key this directory holds, oldest rotation first ending with the current one: whose seals we vouch for. */
  publicKeys(): PublicKeyFile[] {
    return [...this.keys.values()].map((key) => publicKeyFile(rawPublicKey(key)));
  }

  keyIds(): Set<string> {
    return new Set(this.keys.keys());
  }

  /**
   * A new key signs from now on; the current one signs the hand-over, so that whoever trusts the old
   * key can come to trust the new one without asking us. Old keys stay, to verify old seals.
   */
  async rotate(now = new Date()): Promise<KeyRotation> {
    const { privateKey } = generateKeyPairSync('ed25519');
    const raw = rawPublicKey(privateKey);
    const to = keyIdOf(raw);
    const rotatedAt = now.toISOString();
    const statement = rotationStatement(this.currentId, to, rotatedAt);
    const rotation: KeyRotation = {
      format: 'ledger-key-rotation-v1',
      from: this.currentId,
      to,
      publicKey: raw.toString('base64'),
      rotatedAt,
      statement,
      signature: sign(null, Buffer.from(statement, 'utf8'), this.current).toString('base64'),
    };
    await writePrivate(this.directory, to, privateKey);
    await writeFile(join(this.directory, `rotation-${to}.json`), `${JSON.stringify(rotation, null, 2)}\n`, { mode: 0o644 });
    await writeFile(join(this.directory, 'current'), `${to}\n`, { mode: 0o600 });
    this.keys.set(to, privateKey);
    this.currentId = to;
    this.rotations.push(rotation);
    return rotation;
  }
}

async function readCurrent(directory: string): Promise<string | undefined> {
  try {
    const id = (await readFile(join(directory, 'current'), 'utf8')).trim();
    return /^[0-9a-f]{64}$/.test(id) ? id : undefined;
  } catch {
    return undefined;
  }
}

async function writePrivate(directory: string, keyId: string, key: KeyObject): Promise<void> {
  const path = join(directory, `ed25519-${keyId}.pem`);
  await writeFile(path, key.export({ type: 'pkcs8', format: 'pem' }), { flag: 'wx', mode: 0o600 });
  await chmod(path, 0o600);
}
