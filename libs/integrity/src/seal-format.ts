import { type KeyObject, createHash, createPublicKey, sign, verify } from 'node:crypto';
import canonicalize from 'canonicalize';
import { type Hash, leafHash } from './merkle/rfc9162.js';

/**
 * The formats of the seals, specified in docs/integrity.md ("Seals") so that an auditor can check
 * them with any SHA-256, RFC 8785 and Ed25519 implementation. Pure: no I/O, no database.
 */
export const SEAL_FORMAT = 'ledger-seal-v1';
export const LEAF_FORMAT = 'ledger-leaf-v1';
export const ACCESS_FORMAT = 'ledger-access-v1';
export const ZERO_HASH = '0'.repeat(64);

const sha256Hex = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/** The leaf of the tree for an event: its chain hash (which covers its stream, version, recorded time and content). */
export const eventLeafInput = (eventHash: string): string => `${LEAF_FORMAT}\nevent\n${eventHash}`;
export const eventLeafHash = (eventHash: string): Hash => leafHash(Buffer.from(eventLeafInput(eventHash), 'utf8'));

/** One entry of the read-access log, as stored and as sealed. */
export interface ReadAccessEntry {
  /** Its place in the access log: 1, 2, 3… in the order readers see them (gaps where a batch rolled back). */
  id: number;
  /** When the route answered, ISO 8601 UTC with milliseconds. */
  accessedAt: string;
  personId: string;
  role: string;
  force: string | null;
  /** The collaboration whose restricted data was read (null when the route named another stream). */
  collaborationId: string | null;
  /** The request's method and path, e.g. "GET /collaborations/6f1c…/timeline". */
  resource: string;
  /** The route's pattern, e.g. "/collaborations/:collaborationId/timeline". */
  route: string;
  correlationId: string | null;
  clientIp: string | null;
}

/** SHA-256 (hex) of the entry as JSON canonicalised by RFC 8785. */
export function accessDigest(entry: ReadAccessEntry): string {
  const text = canonicalize({
    format: ACCESS_FORMAT,
    id: entry.id,
    accessedAt: entry.accessedAt,
    personId: entry.personId,
    role: entry.role,
    force: entry.force,
    collaborationId: entry.collaborationId,
    resource: entry.resource,
    route: entry.route,
    correlationId: entry.correlationId,
    clientIp: entry.clientIp,
  });
  return sha256Hex(text!);
}
export const accessLeafInput = (digest: string): string => `${LEAF_FORMAT}\nread-access\n${digest}`;
export const accessLeafHash = (entry: ReadAccessEntry): Hash => leafHash(Buffer.from(accessLeafInput(accessDigest(entry)), 'utf8'));

/** What a seal states. Every field is in the signed statement. */
export interface SealFields {
  seq: number;
  /** Leaves in the tree: eventCount + accessCount. */
  treeSize: number;
  /** Events in the tree (the first eventCount events of the log, in its order, sealed in their seals). */
  eventCount: number;
  /** Read-access entries in the tree. */
  accessCount: number;
  /** The tree's root, RFC 9162 MTH, hex. */
  rootHash: string;
  /** The previous seal's sealHash (64 zeros for the first): seals chain. */
  previousSealHash: string;
  /** When the sealer signed, ISO 8601 UTC with milliseconds. */
  sealedAt: string;
  /** SHA-256 (hex) of the signing key's raw 32-byte Ed25519 public key. */
  keyId: string;
}

/** A signed tree head: the fields, the exact statement signed, its hash, the Ed25519 signature and the public key. */
export interface Seal extends SealFields {
  format: typeof SEAL_FORMAT;
  statement: string;
  /** SHA-256 (hex) of the statement's UTF-8 bytes: what the next seal names as previousSealHash. */
  sealHash: string;
  /** Ed25519 signature over the statement's UTF-8 bytes, base64. */
  signature: string;
  /** The signer's raw 32-byte Ed25519 public key, base64 (check it against a key you trust: keyId). */
  publicKey: string;
}

/** The statement: nine lines joined by LF, no trailing LF. */
export function sealStatement(f: SealFields): string {
  return [SEAL_FORMAT, f.seq, f.treeSize, f.eventCount, f.accessCount, f.rootHash, f.previousSealHash, f.sealedAt, f.keyId].map(String).join('\n');
}

export const sealHashOf = (statement: string): string => sha256Hex(Buffer.from(statement, 'utf8'));

/** keyId: SHA-256 of the raw public key. */
export const keyIdOf = (rawPublicKey: Uint8Array): string => sha256Hex(rawPublicKey);

/** The raw 32-byte public key of an Ed25519 key object. */
export function rawPublicKey(key: KeyObject): Buffer {
  const jwk = (key.type === 'private' ? createPublicKey(key) : key).export({ format: 'jwk' }) as { x: string };
  return Buffer.from(jwk.x, 'base64url');
}

export function publicKeyFromRaw(raw: Uint8Array): KeyObject {
  if (raw.length !== 32) throw new Error('an Ed25519 public key is 32 bytes');
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(raw).toString('base64url') }, format: 'jwk' });
}

export function signSeal(fields: SealFields, privateKey: KeyObject): Seal {
  const statement = sealStatement(fields);
  const publicKey = rawPublicKey(privateKey);
  if (keyIdOf(publicKey) !== fields.keyId) throw new Error('the seal names another key than the one signing it');
  return {
    format: SEAL_FORMAT,
    ...fields,
    statement,
    sealHash: sealHashOf(statement),
    signature: sign(null, Buffer.from(statement, 'utf8'), privateKey).toString('base64'),
    publicKey: publicKey.toString('base64'),
  };
}

/** What is wrong with a seal taken alone (fields, statement, hash, key id, signature), or undefined. */
export function sealProblem(seal: Seal, trustedKeys?: ReadonlySet<string>): string | undefined {
  const f = seal as Partial<Seal>;
  if (f.format !== SEAL_FORMAT) return `format is ${JSON.stringify(f.format)}, not ${SEAL_FORMAT}`;
  for (const name of ['seq', 'treeSize', 'eventCount', 'accessCount'] as const) {
    if (!Number.isSafeInteger(f[name]) || (f[name] as number) < 0) return `${name} is not a whole number`;
  }
  if (seal.seq < 1 || seal.treeSize !== seal.eventCount + seal.accessCount) return 'its sizes do not add up (treeSize = eventCount + accessCount, seq from 1)';
  for (const name of ['rootHash', 'previousSealHash', 'keyId', 'sealHash'] as const) {
    if (typeof f[name] !== 'string' || !/^[0-9a-f]{64}$/.test(f[name] as string)) return `${name} is not 64 lowercase hex digits`;
  }
  if (typeof seal.sealedAt !== 'string' || new Date(seal.sealedAt).toISOString() !== seal.sealedAt) return 'sealedAt is not ISO 8601 UTC with milliseconds';
  if (seal.statement !== sealStatement(seal)) return 'its statement is not the statement of its fields';
  if (seal.sealHash !== sealHashOf(seal.statement)) return 'its sealHash is not the SHA-256 of its statement';
  let key: KeyObject;
  try {
    const raw = Buffer.from(seal.publicKey, 'base64');
    if (keyIdOf(raw) !== seal.keyId) return 'its public key is not the key its keyId names';
    key = publicKeyFromRaw(raw);
  } catch {
    return 'its public key is not an Ed25519 public key';
  }
  if (trustedKeys && !trustedKeys.has(seal.keyId)) return `it is signed by key ${seal.keyId.slice(0, 16)}…, which is not a key you trust`;
  let valid = false;
  try {
    valid = verify(null, Buffer.from(seal.statement, 'utf8'), key, Buffer.from(seal.signature, 'base64'));
  } catch {
    valid = false;
  }
  return valid ? undefined : 'its signature does not verify with its key';
}

/** What is wrong with `next` as the seal after `previous` (undefined: the first), or undefined. */
export function sealLinkProblem(previous: Seal | undefined, next: Seal): string | undefined {
  if (!previous) {
    return next.seq === 1 && next.previousSealHash === ZERO_HASH ? undefined : `the first seal must be seq 1 naming 64 zeros as its previous seal, not seq ${next.seq}`;
  }
  if (next.seq !== previous.seq + 1) return `seal ${next.seq} follows seal ${previous.seq}: seals are numbered without a gap`;
  if (next.previousSealHash !== previous.sealHash) return `seal ${next.seq} names ${next.previousSealHash.slice(0, 12)}… as its previous seal, but seal ${previous.seq} is ${previous.sealHash.slice(0, 12)}…`;
  if (next.treeSize <= previous.treeSize || next.eventCount < previous.eventCount || next.accessCount < previous.accessCount) return `seal ${next.seq} does not extend seal ${previous.seq}'s tree`;
  if (next.sealedAt < previous.sealedAt) return `seal ${next.seq} was sealed before seal ${previous.seq}`;
  return undefined;
}

/** The public key as an auditor keeps it: the raw key, its id, and PEM for openssl. */
export interface PublicKeyFile {
  format: 'ledger-seal-key-v1';
  algorithm: 'Ed25519';
  keyId: string;
  /** Raw 32-byte public key, base64. */
  publicKey: string;
  /** SubjectPublicKeyInfo PEM (openssl pkey -pubin). */
  pem: string;
}

export function publicKeyFile(raw: Uint8Array): PublicKeyFile {
  return {
    format: 'ledger-seal-key-v1',
    algorithm: 'Ed25519',
    keyId: keyIdOf(raw),
    publicKey: Buffer.from(raw).toString('base64'),
    pem: publicKeyFromRaw(raw).export({ type: 'spki', format: 'pem' }).toString(),
  };
}
