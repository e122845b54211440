import { type EventStore, type RecordedEvent, START, type StreamHead } from './event-store.port.js';
import { GENESIS_HASH, chainLink, contentDigest } from './hash-chain.js';

/**
 * Verification of the whole log, trusting nothing the store says about itself: every content
 * digest is recomputed from the stored fields (never taken from the row), every stream's chain is
 * recomputed link by link, every head is checked against its stream's last event, and the global
 * order (transaction order) must agree with each stream's version order. Streaming: one pass over
 * the log in gap-free order, keeping only each stream's last version and hash.
 */
export type FaultKind =
  /** The stored content does not hash to what the chain recorded: a payload, type, date or metadata was edited. */
  | 'content'
  /** An event's previous hash is not the hash of the event before it. */
  | 'previous-link'
  /** A version is missing: an event was deleted from inside the stream. */
  | 'missing-event'
  /** The log's (transaction) order disagrees with the stream's version order: events were reordered. */
  | 'order'
  /** The stream's head does not name its last event: a tail was cut, or the head was moved. */
  | 'head-mismatch';

export interface Fault {
  streamId: string;
  kind: FaultKind;
  /** The stream version at which the stream first breaks. */
  streamVersion: number;
  /** The global position of the event concerned, when there is one. */
  globalPosition: number | null;
  detail: string;
}

export interface VerifyReport {
  eventsChecked: number;
  streamsChecked: number;
  /** The first fault of each broken stream, in log order. */
  faults: Fault[];
  ok: boolean;
}

interface StreamProgress {
  version: number;
  hash: string;
  broken: boolean;
  /** A version skipped: missing, unless it turns up later in the log (then the stream was reordered). */
  gap?: { fault: Fault; missing: number };
}

export interface VerifyOptions {
  /** Only this stream. */
  streamId?: string;
  /** Called every `progressEvery` events with the number checked so far. */
  onProgress?: (checked: number) => void;
  progressEvery?: number;
  pageSize?: number;
  /**
   * Called with each page of the whole log once its events are checked, before the next is read,
   * with each event's link recomputed from its stored fields (never the stored hash): lets another
   * check (the seals' Merkle tree, libs/integrity) ride the same single pass. Not called with `streamId`.
   */
  onPage?: (events: readonly RecordedEvent[], recomputedHashes: readonly string[]) => Promise<void> | void;
}

/** The event's link recomputed from its stored fields and its stored previous hash. */
const recomputedLink = (event: RecordedEvent) => chainLink(event.prevHash, event.streamId, event.streamVersion, event.recordedAt, contentDigest(event));

/** Checks one event (its link recomputed) against the state of its stream so far; returns the fault, if any. */
function check(event: RecordedEvent, recomputed: string, progress: StreamProgress): Fault | undefined {
  const at = { streamId: event.streamId, streamVersion: event.streamVersion, globalPosition: event.globalPosition };
  if (event.streamVersion <= progress.version) {
    return { ...at, kind: 'order', detail: `version ${event.streamVersion} comes after version ${progress.version} in the log's order` };
  }
  if (event.streamVersion !== progress.version + 1) {
    return { ...at, streamVersion: progress.version + 1, kind: 'missing-event', detail: `version ${progress.version + 1} is missing: version ${event.streamVersion} follows version ${progress.version}` };
  }
  if (event.prevHash !== progress.hash) {
    return { ...at, kind: 'previous-link', detail: `its previous hash ${event.prevHash.slice(0, 12)}… is not the hash of version ${progress.version} (${progress.hash.slice(0, 12)}…)` };
  }
  // event.prevHash is progress.hash here, so the link recomputed from it is the chain's.
  if (recomputed !== event.hash) {
    return { ...at, kind: 'content', detail: 'the stored content does not hash to the recorded link: the event was altered after it was recorded' };
  }
  return undefined;
}

/** Verifies the log (or one stream) and each stream's head; see the module comment. */
export async function verifyLog(store: Pick<EventStore, 'readAll' | 'readStream' | 'streamHeads'>, options: VerifyOptions = {}): Promise<VerifyReport> {
  const { onProgress, progressEvery = 5000, pageSize = 2000 } = options;
  const streams = new Map<string, StreamProgress>();
  const faults: Fault[] = [];
  let checked = 0;
  const visit = (event: RecordedEvent): string => {
    const recomputed = recomputedLink(event);
    let progress = streams.get(event.streamId);
    if (!progress) streams.set(event.streamId, (progress = { version: 0, hash: GENESIS_HASH, broken: false }));
    checked++;
    if (onProgress && checked % progressEvery === 0) onProgress(checked);
    if (progress.broken) {
      if (progress.gap && event.streamVersion === progress.gap.missing) {
        Object.assign(progress.gap.fault, {
          kind: 'order',
          globalPosition: event.globalPosition,
          detail: `version ${event.streamVersion} comes after a later version in the log's order: the stream was reordered`,
        } satisfies Partial<Fault>);
        progress.gap = undefined;
      }
      return recomputed;
    }
    const fault = check(event, recomputed, progress);
    if (fault) {
      faults.push(fault);
      progress.broken = true;
      if (fault.kind === 'missing-event') progress.gap = { fault, missing: fault.streamVersion };
      return recomputed;
    }
    progress.version = event.streamVersion;
    progress.hash = event.hash;
    return recomputed;
  };

  if (options.streamId) {
    // One stream, in the log's order: its events sorted by (transaction, position), as readAll gives them.
    const events = (await store.readStream(options.streamId)).sort((a, b) =>
      a.transactionId === b.transactionId ? a.globalPosition - b.globalPosition : BigInt(a.transactionId) < BigInt(b.transactionId) ? -1 : 1,
    );
    for (const event of events) visit(event);
  } else {
    let checkpoint = START;
    for (;;) {
      const page = await store.readAll(checkpoint, { maxCount: pageSize });
      const recomputed = page.events.map(visit);
      await options.onPage?.(page.events, recomputed);
      if (page.events.length < pageSize) break;
      checkpoint = page.checkpoint;
    }
  }
  onProgress?.(checked);

  const heads = await store.streamHeads(options.streamId ? { streamId: options.streamId } : {});
  const headOf = new Map<string, StreamHead>(heads.map((h) => [h.streamId, h]));
  for (const head of heads) {
    const progress = streams.get(head.streamId) ?? { version: 0, hash: GENESIS_HASH, broken: false };
    if (progress.broken) continue;
    if (head.version !== progress.version || head.lastHash !== progress.hash) {
      faults.push({
        streamId: head.streamId,
        kind: 'head-mismatch',
        streamVersion: Math.min(head.version, progress.version + 1),
        globalPosition: null,
        detail: `the head names version ${head.version} (${head.lastHash.slice(0, 12)}…) but the stream's last event is version ${progress.version}${progress.version ? ` (${progress.hash.slice(0, 12)}…)` : ''}`,
      });
    }
  }
  for (const [streamId, progress] of streams) {
    if (!progress.broken && !headOf.has(streamId)) {
      faults.push({ streamId, kind: 'head-mismatch', streamVersion: progress.version, globalPosition: null, detail: 'the stream has events but no head' });
    }
  }
  return { eventsChecked: checked, streamsChecked: streams.size, faults, ok: faults.length === 0 };
}
