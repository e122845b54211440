import type { EventStore, RecordedEvent } from '#event-store';
import { consistencyProofRanges, inclusionProofRanges, verifyConsistency, verifyInclusion } from './merkle/rfc9162.js';
import { type ReadAccessEntry, type Seal, accessLeafHash, eventLeafHash, eventLeafInput, accessDigest, accessLeafInput, sealProblem } from './seal-format.js';
import type { SealStore, StoredSeal } from './seal-store.js';

/** An event exactly as stored: every field its content digest and hash are computed from (docs/integrity.md). */
export interface StoredEventFields {
  eventId: string;
  streamId: string;
  streamVersion: number;
  type: string;
  schemaVersion: number;
  data: unknown;
  metadata: Record<string, unknown>;
  occurredAt: string;
  recordedAt: string;
  transactionId: string;
  globalPosition: number;
  prevHash: string;
  hash: string;
  contentDigest: string | null;
}

export const storedFields = (e: RecordedEvent): StoredEventFields => ({
  eventId: e.eventId,
  streamId: e.streamId,
  streamVersion: e.streamVersion,
  type: e.type,
  schemaVersion: e.schemaVersion,
  data: e.data,
  metadata: e.metadata,
  occurredAt: e.occurredAt.toISOString(),
  recordedAt: e.recordedAt.toISOString(),
  transactionId: e.transactionId,
  globalPosition: e.globalPosition,
  prevHash: e.prevHash,
  hash: e.hash,
  contentDigest: e.contentDigest,
});

/** An inclusion proof of one event, or one read-access entry, to a signed tree head. */
export interface InclusionProof {
  format: 'ledger-inclusion-proof-v1';
  /** The leaf's place in the tree (0-based). */
  leafIndex: number;
  treeSize: number;
  /** The leaf's input (ledger-leaf-v1) and its RFC 9162 leaf hash, hex. */
  leafInput: string;
  leafHash: string;
  /** The audit path, RFC 9162 §2.1.3, nearest the leaf first, hex. */
  auditPath: string[];
  /** The signed tree head the path leads to. */
  seal: Seal;
  event?: StoredEventFields;
  readAccess?: ReadAccessEntry;
}

export interface ConsistencyProof {
  format: 'ledger-consistency-proof-v1';
  from: Seal;
  to: Seal;
  /** RFC 9162 §2.1.4 consistency path from from.treeSize to to.treeSize, hex (empty when the sizes are equal). */
  proof: string[];
}

export class ProofError extends Error {
  constructor(
    readonly reason: 'not-found' | 'not-sealed' | 'unknown-head' | 'head-too-small' | 'bad-range',
    message: string,
  ) {
    super(message);
  }
}

/** Public view of a stored seal: the signed head without where the sealer stopped reading. */
export const publicSeal = (seal: StoredSeal | Seal): Seal => ({
  format: seal.format,
  seq: seal.seq,
  treeSize: seal.treeSize,
  eventCount: seal.eventCount,
  accessCount: seal.accessCount,
  rootHash: seal.rootHash,
  previousSealHash: seal.previousSealHash,
  sealedAt: seal.sealedAt,
  keyId: seal.keyId,
  statement: seal.statement,
  sealHash: seal.sealHash,
  signature: seal.signature,
  publicKey: seal.publicKey,
});

/** Proofs served from the stored tree (O(log n) node reads each). */
export class ProofService {
  constructor(
    private readonly store: Pick<EventStore, 'findEvent'>,
    private readonly seals: SealStore,
  ) {}

  /** The head to prove against: the seal of this tree size, or the latest; it must hold the leaf. */
  private async headFor(leafIndex: number, treeSize?: number): Promise<StoredSeal> {
    const head = treeSize === undefined ? await this.seals.latest() : await this.seals.byTreeSize(treeSize);
    if (!head) throw new ProofError(treeSize === undefined ? 'not-sealed' : 'unknown-head', treeSize === undefined ? 'Nothing is sealed yet.' : `No seal has tree size ${treeSize}.`);
    if (head.treeSize <= leafIndex) throw new ProofError('head-too-small', `The seal of tree size ${head.treeSize} was made before leaf ${leafIndex}: name a later one.`);
    return head;
  }

  async forEvent(eventId: string, treeSize?: number): Promise<InclusionProof> {
    const event = await this.store.findEvent(eventId);
    if (!event) throw new ProofError('not-found', `No event has the id ${eventId}.`);
    const leafIndex = await this.seals.leafIndexOf(`event:${event.eventId}`);
    if (leafIndex === undefined) throw new ProofError('not-sealed', `Event ${eventId} is recorded but not sealed yet: it will be in the next seal.`);
    const head = await this.headFor(leafIndex, treeSize);
    const auditPath = await this.seals.rangeHashes(inclusionProofRanges(leafIndex, head.treeSize));
    return {
      format: 'ledger-inclusion-proof-v1',
      leafIndex,
      treeSize: head.treeSize,
      leafInput: eventLeafInput(event.hash),
      leafHash: eventLeafHash(event.hash).toString('hex'),
      auditPath: auditPath.map((h) => h.toString('hex')),
      seal: publicSeal(head),
      event: storedFields(event),
    };
  }

  async forAccessEntry(entry: ReadAccessEntry, treeSize?: number): Promise<InclusionProof> {
    const leafIndex = await this.seals.leafIndexOf(`read-access:${entry.id}`);
    if (leafIndex === undefined) throw new ProofError('not-sealed', `Read-access entry ${entry.id} is not sealed yet.`);
    const head = await this.headFor(leafIndex, treeSize);
    const auditPath = await this.seals.rangeHashes(inclusionProofRanges(leafIndex, head.treeSize));
    return {
      format: 'ledger-inclusion-proof-v1',
      leafIndex,
      treeSize: head.treeSize,
      leafInput: accessLeafInput(accessDigest(entry)),
      leafHash: accessLeafHash(entry).toString('hex'),
      auditPath: auditPath.map((h) => h.toString('hex')),
      seal: publicSeal(head),
      readAccess: entry,
    };
  }

  async consistency(from: number, to: number): Promise<ConsistencyProof> {
    if (!(from >= 1 && to >= from)) throw new ProofError('bad-range', `from (${from}) must be at least 1 and at most to (${to}).`);
    const [first, second] = await Promise.all([this.seals.byTreeSize(from), this.seals.byTreeSize(to)]);
    if (!first) throw new ProofError('unknown-head', `No seal has tree size ${from}.`);
    if (!second) throw new ProofError('unknown-head', `No seal has tree size ${to}.`);
    return this.consistencyFrom(first, second);
  }

  /**
   * From a seal the auditor kept to one of ours. The kept seal need not be in our seals table (it
   * may have been replaced): the proof is made from our tree as it is, and fails to verify if our
   * tree's first leaves no longer hash to the kept root.
   */
  async consistencyFrom(kept: Seal, head: StoredSeal | Seal): Promise<ConsistencyProof> {
    if (kept.treeSize > head.treeSize) throw new ProofError('bad-range', `seal ${kept.seq} (${kept.treeSize} leaves) is larger than seal ${head.seq} (${head.treeSize} leaves).`);
    const proof = kept.treeSize === head.treeSize ? [] : await this.seals.rangeHashes(consistencyProofRanges(kept.treeSize, head.treeSize));
    return { format: 'ledger-consistency-proof-v1', from: publicSeal(kept), to: publicSeal(head), proof: proof.map((h) => h.toString('hex')) };
  }
}

/**
 * What is wrong with an inclusion proof, checked from its own fields alone (and the keys the
 * auditor trusts), or undefined: the seal holds, the leaf is recomputed from the stored fields it
 * carries — never taken from the proof — and the audit path leads from it to the signed root.
 */
export function inclusionProofProblem(proof: InclusionProof, trustedKeys?: ReadonlySet<string>, recomputeEventHash?: (event: StoredEventFields) => string | undefined): string | undefined {
  if (proof?.format !== 'ledger-inclusion-proof-v1') return `not a ledger-inclusion-proof-v1 (format ${JSON.stringify(proof?.format)})`;
  const sealIssue = sealProblem(proof.seal, trustedKeys);
  if (sealIssue) return `its seal does not hold: ${sealIssue}`;
  if (proof.treeSize !== proof.seal.treeSize) return 'its tree size is not its seal’s';
  let leaf;
  if (proof.event) {
    const recomputed = recomputeEventHash?.(proof.event);
    if (recomputeEventHash && recomputed !== proof.event.hash) return `event ${proof.event.eventId}: its stored fields do not hash to its recorded hash (${recomputed === undefined ? 'they cannot be read' : 'altered'})`;
    leaf = eventLeafHash(proof.event.hash);
  } else if (proof.readAccess) {
    leaf = accessLeafHash(proof.readAccess);
  } else return 'it proves nothing: no event and no read-access entry';
  if (leaf.toString('hex') !== proof.leafHash) return 'its leaf hash is not the hash of what it proves';
  const path = proof.auditPath.map((h) => Buffer.from(h, 'hex'));
  if (!verifyInclusion(proof.leafIndex, proof.treeSize, leaf, path, Buffer.from(proof.seal.rootHash, 'hex'))) return `its audit path does not lead from leaf ${proof.leafIndex} to the root seal ${proof.seal.seq} signed`;
  return undefined;
}

/** What is wrong with a consistency proof between two seals, or undefined. */
export function consistencyProofProblem(proof: ConsistencyProof, trustedKeys?: ReadonlySet<string>): string | undefined {
  for (const seal of [proof.from, proof.to]) {
    const issue = sealProblem(seal, trustedKeys);
    if (issue) return `seal ${seal?.seq}: ${issue}`;
  }
  const ok = verifyConsistency(
    proof.from.treeSize,
    proof.to.treeSize,
    Buffer.from(proof.from.rootHash, 'hex'),
    Buffer.from(proof.to.rootHash, 'hex'),
    proof.proof.map((h) => Buffer.from(h, 'hex')),
  );
  return ok ? undefined : `the tree of seal ${proof.to.seq} (${proof.to.treeSize} leaves) does not extend the tree of seal ${proof.from.seq} (${proof.from.treeSize} leaves): history was rewritten between them`;
}
