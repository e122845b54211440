import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type EventStore, GENESIS_HASH, type RecordedEvent, chainLink, contentDigest } from '#event-store';
import { type ConsistencyProof, type InclusionProof, ProofService, type StoredEventFields, consistencyProofProblem, inclusionProofProblem, publicSeal } from './proofs.js';
import { type PublicKeyFile, type Seal, keyIdOf, publicKeyFile, sealLinkProblem, sealProblem } from './seal-format.js';
import type { SealStore } from './seal-store.js';
import { AUDIT_PACK_README } from './audit-pack-readme.js';

/**
 * An audit pack: one collaboration's record, provable offline, by someone who trusts neither the
 * ledger's operator nor its software (README.md in the pack, docs/integrity.md). JSON and CSV only.
 *
 *   manifest.json     what the pack holds, the head it proves to, each file's SHA-256
 *   digest.json       the head: the seal every proof leads to (keep it: next time, --trusted)
 *   seals.json        every seal from the first to the head, a signed hash chain
 *   public-keys.json  the Ed25519 keys that signed them
 *   events.json       every event of the collaboration and of its decisions, benefits and
 *                     recommendations, each with every stored field and its inclusion proof
 *   read-access.json  who read the collaboration's restricted data, each entry with its proof
 *   consistency.json  with `export --trusted`: the proof that the head extends the digest given
 *   timeline.csv      the events in the log's order, one line each, for people
 *   README.md         how to verify it, with and without our software
 */
export const PACK_FORMAT = 'ledger-audit-pack-v1';

export interface PackManifest {
  format: typeof PACK_FORMAT;
  collaborationId: string;
  exportedAt: string;
  head: { seq: number; treeSize: number; rootHash: string; sealHash: string };
  streams: Array<{ streamId: string; events: number }>;
  readAccessEntries: number;
  /** SHA-256 (hex) of every other file. */
  files: Record<string, string>;
}

/** The types whose stream belongs to a collaboration when their data names it. */
const BELONGS_TO_COLLABORATION = ['DecisionProposed', 'BenefitIdentified', 'RecommendationRaised'];

export interface ExportOptions {
  /** A digest the auditor kept: the pack then carries the proof that its head extends it. */
  trusted?: Seal;
  now?: Date;
}

export async function exportAuditPack(
  store: Pick<EventStore, 'readStream' | 'readByType' | 'findEvent'>,
  seals: SealStore,
  collaborationId: string,
  directory: string,
  options: ExportOptions = {},
): Promise<PackManifest> {
  const head = await seals.latest();
  if (!head) throw new Error('nothing is sealed yet: run `ledger seal` first');
  const proofs = new ProofService(store, seals);
  const main = `collaboration-${collaborationId}`;
  const related = (await store.readByType(BELONGS_TO_COLLABORATION))
    .filter((e) => (e.data as { collaborationId?: unknown }).collaborationId === collaborationId)
    .map((e) => e.streamId);
  const streamIds = [...new Set([main, ...related])];
  const byStream: RecordedEvent[][] = [];
  for (const streamId of streamIds) byStream.push(await store.readStream(streamId));
  if (byStream[0]!.length === 0) throw new Error(`there is no collaboration ${collaborationId}`);

  const events: InclusionProof[] = [];
  for (const event of byStream.flat()) {
    try {
      events.push(await proofs.forEvent(event.eventId, head.treeSize));
    } catch {
      // Recorded after the head: the next pack holds it.
    }
  }
  events.sort((a, b) => a.leafIndex - b.leafIndex);
  const access: InclusionProof[] = [];
  for (let after = 0; ; ) {
    const page = await seals.accessAfter(after, 1000, { collaborationId, throughId: head.throughAccessId });
    for (const entry of page) access.push(await proofs.forAccessEntry(entry, head.treeSize));
    if (page.length < 1000) break;
    after = page.at(-1)!.id;
  }
  const chain: Seal[] = [];
  for (let from = 1; from <= head.seq; ) {
    const page = await seals.seals(from, 1000);
    chain.push(...page.filter((s) => s.seq <= head.seq).map(publicSeal));
    if (page.length < 1000) break;
    from = page.at(-1)!.seq + 1;
  }
  const keys = [...new Map(chain.map((s) => [s.keyId, publicKeyFile(Buffer.from(s.publicKey, 'base64'))])).values()];
  let consistency: ConsistencyProof | undefined;
  if (options.trusted) {
    if (options.trusted.treeSize > head.treeSize) throw new Error(`the digest given (seal ${options.trusted.seq}) is newer than the ledger's latest seal`);
    consistency = await proofs.consistencyFrom(options.trusted, head);
  }

  const files: Record<string, string> = {
    'digest.json': json(publicSeal(head)),
    'seals.json': json(chain),
    'public-keys.json': json(keys),
    'events.json': json(events),
    'read-access.json': json(access),
    'timeline.csv': timelineCsv(events.map((p) => p.event!)),
    'README.md': AUDIT_PACK_README,
    ...(consistency ? { 'consistency.json': json(consistency) } : {}),
  };
  const counts = new Map<string, number>();
  for (const p of events) counts.set(p.event!.streamId, (counts.get(p.event!.streamId) ?? 0) + 1);
  const manifest: PackManifest = {
    format: PACK_FORMAT,
    collaborationId,
    exportedAt: (options.now ?? new Date()).toISOString(),
    head: { seq: head.seq, treeSize: head.treeSize, rootHash: head.rootHash, sealHash: head.sealHash },
    streams: streamIds.map((streamId) => ({ streamId, events: counts.get(streamId) ?? 0 })),
    readAccessEntries: access.length,
    files: Object.fromEntries(Object.entries(files).map(([name, content]) => [name, sha256(content)])),
  };
  await mkdir(directory, { recursive: true });
  for (const [name, content] of Object.entries(files)) await writeFile(join(directory, name), content);
  await writeFile(join(directory, 'manifest.json'), json(manifest));
  return manifest;
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled; lines end CRLF. */
const csvField = (value: unknown) => {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};
export const TIMELINE_COLUMNS = ['global_position', 'stream_id', 'stream_version', 'type', 'occurred_at', 'recorded_at', 'back_dated', 'recorded_by', 'role', 'event_id', 'hash'];

/** The timeline for people: the events in the log's order (as sealed), one line each. */
export function timelineCsv(events: readonly StoredEventFields[]): string {
  const rows = events.map((e) => {
    const metadata = e.metadata as { backDated?: boolean; actor?: { personId?: string }; role?: string };
    return [e.globalPosition, e.streamId, e.streamVersion, e.type, e.occurredAt, e.recordedAt, metadata.backDated ?? false, metadata.actor?.personId ?? '', metadata.role ?? '', e.eventId, e.hash];
  });
  return [TIMELINE_COLUMNS, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** The hash an event's stored fields give (docs/integrity.md, ledger-event-v1), or undefined when they cannot be read. */
export function recomputeEventHash(e: StoredEventFields): string | undefined {
  try {
    const digest = contentDigest({ eventId: e.eventId, type: e.type, schemaVersion: e.schemaVersion, occurredAt: new Date(e.occurredAt), data: e.data, metadata: e.metadata });
    return chainLink(e.prevHash, e.streamId, e.streamVersion, new Date(e.recordedAt), digest);
  } catch {
    return undefined;
  }
}

export type PackFaultKind = 'pack-file' | 'seal' | 'seal-chain' | 'untrusted-key' | 'event' | 'stream-chain' | 'read-access' | 'timeline' | 'trusted-digest';
export interface PackFault {
  kind: PackFaultKind;
  detail: string;
  eventId?: string;
  streamId?: string;
  streamVersion?: number;
}

export interface PackReport {
  ok: boolean;
  collaborationId: string | null;
  head: { seq: number; treeSize: number; sealedAt: string } | null;
  eventsChecked: number;
  streamsChecked: number;
  readAccessChecked: number;
  sealsChecked: number;
  /** Whose keys the seals were checked against: the auditor's (--public-key) or only the pack's own. */
  keysFrom: 'auditor' | 'pack';
  /** Whether a digest the auditor trusted was given and the pack proved it extends it. */
  extendsTrusted: boolean | null;
  faults: PackFault[];
}

export interface VerifyPackOptions {
  /** The digest the auditor kept from before (a sink's seal file, an earlier pack's digest.json). */
  trusted?: Seal;
  /** Public keys the auditor trusts; unset: the pack's own (said so in the report). */
  publicKeys?: PublicKeyFile[];
}

/**
 * Verifies an audit pack with nothing but its files: every seal alone and the chain of seals, every
 * event's hash recomputed from its stored fields and every stream's chain, every inclusion proof to
 * the head, the read-access entries, the timeline, and — with a digest the auditor trusted — that
 * the head extends it (a consistency proof). No database, no network.
 */
export async function verifyAuditPack(directory: string, options: VerifyPackOptions = {}): Promise<PackReport> {
  const faults: PackFault[] = [];
  const report: PackReport = {
    ok: false,
    collaborationId: null,
    head: null,
    eventsChecked: 0,
    streamsChecked: 0,
    readAccessChecked: 0,
    sealsChecked: 0,
    keysFrom: options.publicKeys ? 'auditor' : 'pack',
    extendsTrusted: null,
    faults,
  };
  const present = new Set(await readdir(directory));
  const read = async (name: string): Promise<string | undefined> => (present.has(name) ? readFile(join(directory, name), 'utf8') : undefined);
  const manifestText = await read('manifest.json');
  if (!manifestText) throw new Error(`${directory} holds no manifest.json: it is not an audit pack`);
  const manifest = JSON.parse(manifestText) as PackManifest;
  if (manifest.format !== PACK_FORMAT) throw new Error(`${directory}/manifest.json is not a ${PACK_FORMAT}`);
  report.collaborationId = manifest.collaborationId;
  const texts = new Map<string, string>();
  for (const [name, hash] of Object.entries(manifest.files)) {
    const text = await read(name);
    if (text === undefined) faults.push({ kind: 'pack-file', detail: `${name} is missing from the pack` });
    else {
      texts.set(name, text);
      if (sha256(text) !== hash) faults.push({ kind: 'pack-file', detail: `${name} is not the file the pack was exported with (its SHA-256 differs from the manifest's)` });
    }
  }
  const parse = <T>(name: string, fallback: T): T => {
    try {
      return texts.has(name) ? (JSON.parse(texts.get(name)!) as T) : fallback;
    } catch {
      faults.push({ kind: 'pack-file', detail: `${name} is not JSON` });
      return fallback;
    }
  };
  const head = parse<Seal | undefined>('digest.json', undefined);
  const chain = parse<Seal[]>('seals.json', []);
  const packKeys = parse<PublicKeyFile[]>('public-keys.json', []);
  const events = parse<InclusionProof[]>('events.json', []);
  const access = parse<InclusionProof[]>('read-access.json', []);
  const consistency = parse<ConsistencyProof | undefined>('consistency.json', undefined);

  // The keys: the auditor's own when given (the pack's must be among them), else the pack's.
  const keyFiles = options.publicKeys ?? packKeys;
  const trustedKeys = new Set(keyFiles.filter((k) => keyIdOf(Buffer.from(k.publicKey, 'base64')) === k.keyId).map((k) => k.keyId));

  // The seals: each alone, then as a chain ending at the head.
  let previous: Seal | undefined;
  for (const seal of chain) {
    report.sealsChecked++;
    const problem = sealProblem(seal, trustedKeys);
    if (problem) faults.push({ kind: problem.includes('not a key you trust') ? 'untrusted-key' : 'seal', detail: `seal ${seal.seq}: ${problem}` });
    const link = sealLinkProblem(previous, seal);
    if (link) faults.push({ kind: 'seal-chain', detail: link });
    previous = seal;
  }
  if (!head) faults.push({ kind: 'pack-file', detail: 'the pack has no head (digest.json)' });
  else {
    report.head = { seq: head.seq, treeSize: head.treeSize, sealedAt: head.sealedAt };
    if (previous?.sealHash !== head.sealHash) faults.push({ kind: 'seal-chain', detail: `the chain of seals does not end at the head (seal ${head.seq})` });
    if (manifest.head.sealHash !== head.sealHash) faults.push({ kind: 'pack-file', detail: 'the manifest names another head than digest.json' });
  }

  // Every event: its hash from its stored fields, its proof to the head, its stream's chain.
  const streams = new Map<string, StoredEventFields[]>();
  for (const proof of events) {
    report.eventsChecked++;
    const event = proof.event;
    if (!event) {
      faults.push({ kind: 'event', detail: `leaf ${proof.leafIndex}: a proof in events.json proves no event` });
      continue;
    }
    const at = { eventId: event.eventId, streamId: event.streamId, streamVersion: event.streamVersion };
    const problem = inclusionProofProblem(proof, trustedKeys, recomputeEventHash);
    if (problem) faults.push({ kind: 'event', ...at, detail: `${event.streamId} version ${event.streamVersion}: ${problem}` });
    else if (head && proof.seal.sealHash !== head.sealHash) faults.push({ kind: 'event', ...at, detail: `${event.streamId} version ${event.streamVersion}: proved to seal ${proof.seal.seq}, not the head` });
    streams.set(event.streamId, [...(streams.get(event.streamId) ?? []), event]);
  }
  for (const { streamId, events: count } of manifest.streams) {
    report.streamsChecked++;
    const list = (streams.get(streamId) ?? []).sort((a, b) => a.streamVersion - b.streamVersion);
    if (list.length !== count) faults.push({ kind: 'stream-chain', streamId, detail: `${streamId}: the manifest lists ${count} events, the pack holds ${list.length}` });
    let prev = GENESIS_HASH;
    for (const [index, event] of list.entries()) {
      if (event.streamVersion !== index + 1 || event.prevHash !== prev) {
        faults.push({ kind: 'stream-chain', streamId, streamVersion: index + 1, eventId: event.eventId, detail: `${streamId}: version ${index + 1} ${event.streamVersion !== index + 1 ? 'is missing' : 'does not link to the version before it'}` });
        break;
      }
      prev = event.hash;
    }
  }
  for (const proof of access) {
    report.readAccessChecked++;
    const problem = inclusionProofProblem(proof, trustedKeys);
    if (problem || proof.readAccess?.collaborationId !== manifest.collaborationId) {
      faults.push({ kind: 'read-access', detail: `read-access entry ${proof.readAccess?.id}: ${problem ?? 'it is about another collaboration'}` });
    }
  }
  const timeline = texts.get('timeline.csv');
  if (timeline !== undefined && timeline !== timelineCsv(events.filter((p) => p.event).map((p) => p.event!))) {
    faults.push({ kind: 'timeline', detail: 'timeline.csv is not the timeline of events.json' });
  }

  // A digest the auditor kept: the head must extend it.
  if (options.trusted && head) {
    const trusted = options.trusted;
    const alone = sealProblem(trusted, trustedKeys);
    if (alone) faults.push({ kind: 'trusted-digest', detail: `the digest you trusted (seal ${trusted.seq}) does not hold: ${alone}` });
    else if (trusted.treeSize > head.treeSize) faults.push({ kind: 'trusted-digest', detail: `the pack's head (seal ${head.seq}, ${head.treeSize} leaves) is older than the digest you trusted (seal ${trusted.seq}, ${trusted.treeSize} leaves)` });
    else {
      const same = chain.find((s) => s.seq === trusted.seq);
      if (same && same.sealHash !== trusted.sealHash) {
        faults.push({ kind: 'trusted-digest', detail: `the pack's seal ${trusted.seq} is not the seal ${trusted.seq} you trusted: the ledger’s seals were made again, so its history was rewritten` });
      } else if (!same) {
        faults.push({ kind: 'trusted-digest', detail: `the pack's seals do not include seal ${trusted.seq} you trusted although its tree is larger: the ledger’s seals were made again, so its history was rewritten` });
      }
      if (trusted.sealHash === head.sealHash) report.extendsTrusted = true;
      else if (!consistency || consistency.from.sealHash !== trusted.sealHash || consistency.to.sealHash !== head.sealHash) {
        faults.push({ kind: 'trusted-digest', detail: `the pack carries no consistency proof from the digest you trusted (seal ${trusted.seq}) to its head: export it with --trusted <that digest>` });
      } else {
        const problem = consistencyProofProblem(consistency, trustedKeys);
        if (problem) faults.push({ kind: 'trusted-digest', detail: problem });
        else report.extendsTrusted = true;
      }
      if (report.extendsTrusted !== true) report.extendsTrusted = false;
    }
  }
  report.ok = faults.length === 0;
  return report;
}
