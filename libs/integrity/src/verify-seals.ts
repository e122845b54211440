import { type EventStore, type RecordedEvent, type VerifyReport, verifyLog } from '#event-store';
import { CompactRange, type Hash } from './merkle/rfc9162.js';
import { type Seal, accessLeafHash, eventLeafHash, sealLinkProblem, sealProblem } from './seal-format.js';
import { SEAL_EVENT, sealEventId } from './sealer.js';
import type { SealStore, StoredSeal } from './seal-store.js';

/**
 * What `ledger verify` checks beyond each stream's chain (libs/event-store verify.ts), in the same
 * single pass over the log: that every seal holds alone (its statement is that of its fields, its
 * hash, its key, its Ed25519 signature by a key we hold), that the seals chain, that the tree
 * recomputed from the log's events and read-access entries, in the log's order, has at each seal's
 * size exactly the root it signed, and that each seal is recorded as an event. With a digest the
 * auditor trusted, that the ledger extends it.
 */
export type SealFaultKind =
  /** A seal taken alone does not hold: its statement, seal hash, key id or signature. */
  | 'seal-signature'
  /** Signed by a key that is not one of ours (SEAL_KEY_DIR) or the auditor's. */
  | 'seal-untrusted-key'
  /** Seals are not numbered, linked, sized or timed in order. */
  | 'seal-chain'
  /** The log no longer hashes to the root a seal signed: an event was changed, removed, inserted or moved. */
  | 'seal-root'
  /** The log holds fewer events (or access entries) than a seal sealed: a tail was cut. */
  | 'sealed-event-missing'
  /** A seal and its LogSealed event disagree, or one is there without the other. */
  | 'seal-event'
  /** The ledger does not extend the digest the auditor trusted: history was rewritten after it. */
  | 'trusted-digest';

export interface SealFault {
  kind: SealFaultKind;
  /** The seal concerned (null: the trusted digest). */
  seq: number | null;
  detail: string;
  leafIndex?: number;
  eventId?: string;
  streamId?: string;
  streamVersion?: number;
  globalPosition?: number;
}

export interface SealReport {
  sealsChecked: number;
  leavesChecked: number;
  /** Events recorded after the last seal (sealed by the next). */
  unsealedEvents: number;
  latest: { seq: number; treeSize: number; rootHash: string; sealedAt: string } | null;
  faults: SealFault[];
  ok: boolean;
}

export interface LedgerVerifyReport extends VerifyReport {
  seals: SealReport;
}

export interface VerifySealsOptions {
  /** Key ids whose signatures count (ours, from SEAL_KEY_DIR; or the auditor's). Unset: any key a seal names (then say so). */
  trustedKeys?: ReadonlySet<string>;
  /** A seal the auditor kept (a sink's file, an earlier digest): the ledger must extend it. */
  trusted?: Seal;
  onProgress?: (checked: number) => void;
}

interface PendingLeaf {
  hash: Hash;
  event?: RecordedEvent;
  accessId?: number;
}

/** The log's chains and its seals, in one pass. */
export async function verifyLedger(store: Pick<EventStore, 'readAll' | 'readStream' | 'streamHeads' | 'findEvent'>, seals: SealStore, options: VerifySealsOptions = {}): Promise<LedgerVerifyReport> {
  const walker = new SealWalker(store, seals, options);
  await walker.start();
  const chains = await verifyLog(store, { onPage: (events, recomputed) => walker.feed(events, recomputed), onProgress: options.onProgress });
  const sealReport = await walker.finish();
  return { ...chains, seals: sealReport, ok: chains.ok && sealReport.ok };
}

class SealWalker {
  private readonly faults: SealFault[] = [];
  private readonly tree = new CompactRange();
  private sealQueue: StoredSeal[] = [];
  private nextSeq = 1;
  private exhausted = false;
  private current?: StoredSeal;
  private previous?: StoredSeal;
  /** The tree's edge when the current seal's leaves began (to rebuild it from the stored leaves). */
  private edgeAtStart: Array<{ level: number; hash: Hash }> = [];
  private leaves: PendingLeaf[] = [];
  private eventsInTree = 0;
  private sealsChecked = 0;
  private brokenAt?: number;
  private laterBroken = 0;
  private unsealed = 0;
  /** sealHash → seq of every LogSealed event met in the log. */
  private readonly sealEvents = new Map<string, number>();
  private latest?: StoredSeal;

  constructor(
    private readonly store: Pick<EventStore, 'findEvent'>,
    private readonly seals: SealStore,
    private readonly options: VerifySealsOptions,
  ) {}

  async start(): Promise<void> {
    if (this.options.trusted) {
      const problem = sealProblem(this.options.trusted, this.options.trustedKeys);
      if (problem) this.faults.push({ kind: 'trusted-digest', seq: null, detail: `the digest you trusted does not hold itself: ${problem}` });
    }
    await this.advance();
  }

  /** Moves to the next seal, finishing at once those that add no event (only read-access entries). */
  private async advance(): Promise<void> {
    for (;;) {
      if (this.current) this.previous = this.current;
      this.current = await this.nextSeal();
      if (!this.current) return;
      this.checkAlone(this.current);
      this.edgeAtStart = this.tree.nodes();
      this.leaves = [];
      if (this.current.eventCount > this.eventsInTree) return;
      await this.closeSeal();
    }
  }

  private async nextSeal(): Promise<StoredSeal | undefined> {
    if (this.sealQueue.length === 0 && !this.exhausted) {
      this.sealQueue = await this.seals.seals(this.nextSeq, 1000);
      if (this.sealQueue.length < 1000) this.exhausted = true;
    }
    const seal = this.sealQueue.shift();
    if (seal) {
      this.nextSeq = seal.seq + 1;
      this.latest = seal;
    }
    return seal;
  }

  private checkAlone(seal: StoredSeal): void {
    this.sealsChecked++;
    const problem = sealProblem(seal);
    if (problem) this.faults.push({ kind: 'seal-signature', seq: seal.seq, detail: `seal ${seal.seq}: ${problem}` });
    else if (this.options.trustedKeys && !this.options.trustedKeys.has(seal.keyId)) {
      this.faults.push({ kind: 'seal-untrusted-key', seq: seal.seq, detail: `seal ${seal.seq} is signed by key ${seal.keyId.slice(0, 16)}…, which is not one of the ledger's seal keys` });
    }
    const link = sealLinkProblem(this.previous, seal);
    if (link) this.faults.push({ kind: 'seal-chain', seq: seal.seq, detail: link });
  }

  /** `recomputed`: each event's link from its stored fields: the leaf is made from it, never from the stored hash. */
  async feed(events: readonly RecordedEvent[], recomputed: readonly string[]): Promise<void> {
    for (const [index, event] of events.entries()) {
      if (event.type === SEAL_EVENT) {
        const data = event.data as { sealHash?: unknown; seq?: unknown };
        if (typeof data.sealHash === 'string') this.sealEvents.set(data.sealHash, Number(data.seq));
      }
      if (!this.current) {
        this.unsealed++;
        continue;
      }
      this.append({ hash: eventLeafHash(recomputed[index]!), event });
      this.eventsInTree++;
      if (this.eventsInTree === this.current.eventCount) {
        await this.closeSeal();
        await this.advance();
      }
    }
  }

  private append(leaf: PendingLeaf): void {
    this.tree.append(leaf.hash);
    this.leaves.push(leaf);
    const trusted = this.options.trusted;
    if (trusted && this.tree.size === trusted.treeSize && this.tree.root().toString('hex') !== trusted.rootHash) {
      this.faults.push({
        kind: 'trusted-digest',
        seq: null,
        detail: `the log's first ${trusted.treeSize} leaves no longer hash to the root of the digest you trusted (seal ${trusted.seq}, ${trusted.sealedAt}): history was rewritten after it`,
      });
    }
  }

  /** The current seal's events are in; add its access entries and compare the root it signed. */
  private async closeSeal(): Promise<void> {
    const seal = this.current!;
    const fromId = this.previous?.throughAccessId ?? 0;
    const wanted = seal.accessCount - (this.previous?.accessCount ?? 0);
    const access = wanted > 0 ? await this.seals.accessAfter(fromId, wanted, { throughId: seal.throughAccessId }) : [];
    for (const entry of access) this.append({ hash: accessLeafHash(entry), accessId: entry.id });
    if (access.length < wanted) {
      this.faults.push({ kind: 'sealed-event-missing', seq: seal.seq, detail: `seal ${seal.seq} sealed ${wanted} read-access entries after entry ${fromId}, the log holds ${access.length}: entries were deleted` });
    }
    await this.compareRoot(seal);
  }

  private async compareRoot(seal: StoredSeal): Promise<void> {
    if (this.tree.root().toString('hex') === seal.rootHash && this.tree.size === seal.treeSize) return;
    if (this.brokenAt !== undefined) {
      this.laterBroken++;
      return;
    }
    this.brokenAt = seal.seq;
    this.faults.push(await this.nameTheLeaf(seal));
  }

  /**
   * Which leaf no longer matches. The stored leaves are trusted only if they hash to the root the
   * seal signed (so a rewrite of the stored tree too cannot mislead this): then the first leaf where
   * the log differs is named, with what the seal sealed there and what the log holds now.
   */
  private async nameTheLeaf(seal: StoredSeal): Promise<SealFault> {
    const start = this.previous?.treeSize ?? 0;
    const stored = await this.seals.leaves(start, seal.treeSize);
    const signedTree = CompactRange.from(start, this.edgeAtStart);
    for (let i = start; i < seal.treeSize; i++) {
      const leaf = stored.get(i);
      if (!leaf) break;
      signedTree.append(leaf.hash);
    }
    const range = `leaves ${start}–${seal.treeSize - 1}`;
    if (signedTree.size !== seal.treeSize || signedTree.root().toString('hex') !== seal.rootHash) {
      return { kind: 'seal-root', seq: seal.seq, detail: `the log no longer hashes to the root seal ${seal.seq} signed (${range}), and the stored tree does not either, so the leaf cannot be named` };
    }
    for (let i = start; i < seal.treeSize; i++) {
      const sealed = stored.get(i)!;
      const now = this.leaves[i - start];
      if (now && now.hash.equals(sealed.hash)) continue;
      const [kind, ref] = sealed.ref.split(/:(.*)/s) as [string, string];
      if (!now) {
        return { kind: 'sealed-event-missing', seq: seal.seq, leafIndex: i, ...(kind === 'event' ? { eventId: ref } : {}), detail: `${describeRef(kind, ref)}, sealed at leaf ${i} by seal ${seal.seq}, is no longer in the log` };
      }
      const at = now.event ? { eventId: now.event.eventId, streamId: now.event.streamId, streamVersion: now.event.streamVersion, globalPosition: now.event.globalPosition } : {};
      const holds = now.event ? `event ${now.event.eventId} (${now.event.streamId} version ${now.event.streamVersion}, position ${now.event.globalPosition})` : `read-access entry ${now.accessId}`;
      if (kind === 'event' && now.event?.eventId === ref) {
        return { kind: 'seal-root', seq: seal.seq, leafIndex: i, ...at, detail: `${holds} changed after seal ${seal.seq} sealed it at leaf ${i} (its content, clocks or chain were rewritten)` };
      }
      const stillThere = kind === 'event' ? await this.store.findEvent(ref) : undefined;
      const what = describeRef(kind, ref);
      return {
        kind: 'seal-root',
        seq: seal.seq,
        leafIndex: i,
        ...at,
        detail: stillThere
          ? `the log's order changed: seal ${seal.seq} sealed ${what} at leaf ${i}, the log now has ${holds} there (events were reordered)`
          : `${what}, sealed at leaf ${i} by seal ${seal.seq}, is no longer in the log (deleted); the log now has ${holds} there`,
      };
    }
    return { kind: 'seal-root', seq: seal.seq, detail: `the log no longer hashes to the root seal ${seal.seq} signed (${range})` };
  }

  async finish(): Promise<SealReport> {
    if (this.current) {
      // The log ran out before this seal's events: a tail was cut.
      const seal = this.current;
      const missingAt = this.tree.size;
      const stored = await this.seals.leaves(missingAt, missingAt + 1);
      const sealed = stored.get(missingAt);
      const [kind, ref] = sealed ? (sealed.ref.split(/:(.*)/s) as [string, string]) : ['event', ''];
      this.faults.push({
        kind: 'sealed-event-missing',
        seq: seal.seq,
        leafIndex: missingAt,
        ...(kind === 'event' && ref ? { eventId: ref } : {}),
        detail: `seal ${seal.seq} sealed ${seal.eventCount} events, the log holds ${this.eventsInTree}: ${sealed ? describeRef(kind, ref) : 'the event'} at leaf ${missingAt} and everything sealed after it are missing (the log's tail was cut)`,
      });
      while (await this.nextSeal());
    }
    if (this.laterBroken > 0) {
      const first = this.faults.find((f) => f.seq === this.brokenAt && (f.kind === 'seal-root' || f.kind === 'sealed-event-missing'));
      if (first) first.detail += `; the ${this.laterBroken} later seal${this.laterBroken === 1 ? '' : 's'} do not match either`;
    }
    await this.checkSealEvents();
    const trusted = this.options.trusted;
    if (trusted && this.latest && this.latest.seq >= trusted.seq) {
      const ours = await this.seals.bySeq(trusted.seq);
      if (ours && ours.sealHash !== trusted.sealHash) {
        this.faults.push({ kind: 'trusted-digest', seq: trusted.seq, detail: `seal ${trusted.seq} is not the one you trusted (${trusted.sealHash.slice(0, 12)}…, now ${ours.sealHash.slice(0, 12)}…): the seals were made again` });
      }
    }
    if (trusted && this.tree.size < trusted.treeSize) {
      this.faults.push({ kind: 'trusted-digest', seq: null, detail: `the digest you trusted seals ${trusted.treeSize} leaves; the log now holds ${this.tree.size}: it was cut` });
    }
    const latest = this.latest;
    return {
      sealsChecked: this.sealsChecked,
      leavesChecked: this.tree.size,
      unsealedEvents: this.unsealed,
      latest: latest ? { seq: latest.seq, treeSize: latest.treeSize, rootHash: latest.rootHash, sealedAt: latest.sealedAt } : null,
      faults: this.faults,
      ok: this.faults.length === 0,
    };
  }

  /** Every seal is in the log as its LogSealed event, and every LogSealed event is a seal of the table. */
  private async checkSealEvents(): Promise<void> {
    const tableHashes = new Map<string, number>();
    let from = 1;
    for (;;) {
      const page = await this.seals.seals(from, 1000);
      for (const seal of page) tableHashes.set(seal.sealHash, seal.seq);
      if (page.length < 1000) break;
      from = page.at(-1)!.seq + 1;
    }
    for (const [hash, seq] of tableHashes) {
      if (this.sealEvents.has(hash)) continue;
      // The newest seal's event may not be readable yet (recorded just after the seal); look it up.
      const recorded = await this.store.findEvent(sealEventId(hash));
      if (!recorded) this.faults.push({ kind: 'seal-event', seq, detail: `seal ${seq} is not recorded in the log as its ${SEAL_EVENT} event` });
    }
    for (const [hash, seq] of this.sealEvents) {
      if (tableHashes.get(hash) !== seq) this.faults.push({ kind: 'seal-event', seq, detail: `the log records seal ${seq} (${hash.slice(0, 12)}…), which the seals table does not hold: the seals were replaced` });
    }
  }
}

const describeRef = (kind: string, ref: string) => (kind === 'event' ? `event ${ref}` : `read-access entry ${ref}`);
