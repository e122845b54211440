import { readFile } from 'node:fs/promises';
import { type PublicKeyFile, type Seal, publicKeyFile } from './seal-format.js';

/**
 * The files an auditor keeps and hands to the verifiers: a digest (one seal: a sink's
 * seal-….json, a pack's digest.json, GET /integrity/digest saved) and the public keys they trust
 * (GET /integrity/public-key saved, a pack's public-keys.json, or one key). Errors say what the file
 * should be; the command line turns them into exit code 2.
 */
async function readJson(path: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new Error(`${path} cannot be read: it should be ${what}`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`${path} is not JSON: it should be ${what}`);
  }
}

export async function readDigestFile(path: string): Promise<Seal> {
  const value = (await readJson(path, 'a seal (ledger-seal-v1), such as a sink’s seal-….json or a pack’s digest.json')) as Partial<Seal>;
  if (value?.format !== 'ledger-seal-v1') throw new Error(`${path} is not a seal (ledger-seal-v1): give a sink’s seal-….json or a pack’s digest.json`);
  return value as Seal;
}

export async function readPublicKeysFile(path: string): Promise<PublicKeyFile[]> {
  const value = (await readJson(path, 'public keys: GET /integrity/public-key saved, a pack’s public-keys.json, or one ledger-seal-key-v1')) as unknown;
  const list = Array.isArray(value) ? value : (value as { keys?: unknown })?.keys !== undefined ? (value as { keys: unknown[] }).keys : [value];
  const keys: PublicKeyFile[] = [];
  for (const entry of list) {
    const raw = (entry as { publicKey?: unknown })?.publicKey;
    if (typeof raw !== 'string' || Buffer.from(raw, 'base64').length !== 32) throw new Error(`${path} holds an entry that is not an Ed25519 public key (publicKey: 32 bytes, base64)`);
    keys.push(publicKeyFile(Buffer.from(raw, 'base64')));
  }
  if (keys.length === 0) throw new Error(`${path} holds no public key`);
  return keys;
}
