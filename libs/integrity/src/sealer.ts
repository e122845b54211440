import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';
import { v5 as uuidv5 } from 'uuid';
import { type Checkpoint, type EventStore, type RecordedEvent, START } from '#event-store';
import { CompactRange, type Hash, type NodeId, perfectSubtreesOf } from './merkle/rfc9162.js';
import { type ReadAccessEntry, ZERO_HASH, accessLeafHash, eventLeafHash, keyIdOf, rawPublicKey, signSeal } from './seal-format.js';
import type { SealKeyring } from './seal-keys.js';
import { SealStore, type StoredSeal } from './seal-store.js';
import type { DigestSink } from './sinks.js';

/** The stream each seal is also recorded in, as an event (`LogSealed`): the seals are part of the log they seal. */
export const SEAL_STREAM = 'integrity-seals';
export const SEAL_EVENT = 'LogSealed';
const SEAL_EVENT_NAMESPACE = '5b0a4c1e-7d2f-4e8a-9b3c-0f1e2d3c4b5a';
/** The seal's event id: name-based on its hash, so that recording it again after a crash is a replay, never a second event. */
export const sealEventId = (sealHash: string) => uuidv5(sealHash, SEAL_EVENT_NAMESPACE);

/** Session advisory lock: one sealer at a time across every process of the ledger. */
const SEALER_LOCK = 7_210_522_007;

export interface SealerOptions {
  /** Seal every so often (ms); 0: only on demand. */
  intervalMs: number;
  /** Most leaves one seal adds (a long backlog is sealed in several seals). */
  maxLeavesPerSeal?: number;
  sinks?: readonly DigestSink[];
  log?: (message: string) => void;
  now?: () => Date;
}

export interface SinkStatus {
  sink: string;
  /** The last seal published there by this process (0: none yet). */
  publishedThrough: number;
  failing: { seq: number; error: string; since: string } | null;
}

export interface SealingStatus {
  latest: { seq: number; treeSize: number; eventCount: number; accessCount: number; sealedAt: string; rootHash: string } | null;
  /** Events a gap-free reader can see that no seal holds (the latest seal's own event, which the next seal holds, not counted). */
  unsealedEvents: number;
  unsealedAccessEntries: number;
  /** When the oldest unsealed event was recorded; null when none waits. */
  oldestUnsealedAt: string | null;
  /** Seconds from then to now: the sealing lag. */
  lagSeconds: number;
  intervalSeconds: number;
  /** True when this process's scheduled sealer took the lock at its last tick. */
  active: boolean;
  failing: { error: string; since: string } | null;
  sinks: SinkStatus[];
}

/**
 * Seals the log: appends the hash of every event since the last seal, in gap-free order, then every
 * read-access entry since the last seal, to one append-only RFC 9162 tree over the whole log; signs
 * the tree head with Ed25519 (the seal names the one before, so seals chain); records it
 * (`ledger_seal`: the seal and the completed subtrees in one transaction) and, as an event, in the
 * log itself; then publishes it to the sinks. On a schedule and on demand (`ledger seal`); one sealer
 * at a time across processes (an advisory lock, as the projection runner holds its projections).
 */
export class Sealer {
  readonly seals: SealStore;
  private readonly maxLeaves: number;
  private readonly sinks: readonly DigestSink[];
  private readonly log: (message: string) => void;
  private readonly now: () => Date;
  private controller?: AbortController;
  private loop?: Promise<void>;
  private active = false;
  private failure: { error: string; since: string } | null = null;
  /** Per sink: seals made or found that it has not yet taken, oldest first. */
  private readonly pending = new Map<string, { publishedThrough: number; queue: StoredSeal[]; failing: SinkStatus['failing'] }>();

  constructor(
    private readonly store: EventStore,
    private readonly pool: pg.Pool,
    private readonly keys: SealKeyring,
    private readonly options: SealerOptions,
  ) {
    this.seals = new SealStore(pool);
    this.maxLeaves = options.maxLeavesPerSeal ?? 100_000;
    this.sinks = options.sinks ?? [];
    this.log = options.log ?? (() => undefined);
    this.now = options.now ?? (() => new Date());
    for (const sink of this.sinks) this.pending.set(sink.name, { publishedThrough: 0, queue: [], failing: null });
  }

  /**
   * One seal now, waiting for the lock if another process is sealing. Seals whatever is unsealed;
   * with `onlyIfNew` (the schedule), not when the only thing unsealed is the last seal's own event.
   * Returns the seals made (a backlog longer than maxLeavesPerSeal takes several), or [] when there
   * was nothing to seal.
   */
  async sealNow(options: { onlyIfNew?: boolean } = {}): Promise<StoredSeal[]> {
    return (await this.sealUnderLock(true, options.onlyIfNew ?? false)).seals;
  }

  private async sealUnderLock(wait: boolean, onlyIfNew: boolean): Promise<{ locked: boolean; seals: StoredSeal[] }> {
    const lock = await this.pool.connect();
    try {
      if (wait) await lock.query('SELECT pg_advisory_lock($1)', [SEALER_LOCK]);
      else if (!(await lock.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [SEALER_LOCK])).rows[0]!.locked) return { locked: false, seals: [] };
      try {
        const made: StoredSeal[] = [];
        let previousSize = (await this.seals.latest())?.treeSize ?? 0;
        for (;;) {
          const seal = await this.sealOnce(onlyIfNew);
          if (!seal) break;
          made.push(seal);
          // A full seal means a backlog: seal the rest too.
          const added = seal.treeSize - previousSize;
          previousSize = seal.treeSize;
          if (added < this.maxLeaves) break;
        }
        return { locked: true, seals: made };
      } finally {
        await lock.query('SELECT pg_advisory_unlock($1)', [SEALER_LOCK]);
      }
    } finally {
      lock.release();
    }
  }

  private async sealOnce(onlyIfNew: boolean): Promise<StoredSeal | undefined> {
    const latest = await this.seals.latest();
    if (latest) await this.recordAsEvent(latest);
    const tree = latest ? await this.edgeOf(latest.treeSize) : new CompactRange();

    // The events since the last seal, in gap-free order, then the read-access entries.
    const events: RecordedEvent[] = [];
    let through: Checkpoint = latest?.through ?? START;
    while (events.length < this.maxLeaves) {
      const page = await this.store.readAll(through, { maxCount: Math.min(2000, this.maxLeaves - events.length) });
      events.push(...page.events);
      through = page.checkpoint;
      if (page.events.length === 0) break;
    }
    const access: ReadAccessEntry[] = await this.seals.accessAfter(latest?.throughAccessId ?? 0, this.maxLeaves - events.length);
    const onlyOwnEvent = latest !== undefined && access.length === 0 && events.length === 1 && events[0]!.eventId === sealEventId(latest.sealHash);
    if (events.length + access.length === 0 || (onlyIfNew && onlyOwnEvent)) return undefined;

    const nodes: Array<{ node: NodeId; hash: Hash; ref?: string }> = [];
    const add = (leaf: Hash, ref: string) =>
      tree.append(leaf, (node, hash) => nodes.push(node.level === 0 ? { node, hash, ref } : { node, hash }));
    for (const event of events) add(eventLeafHash(event.hash), `event:${event.eventId}`);
    for (const entry of access) add(accessLeafHash(entry), `read-access:${entry.id}`);

    const now = this.now();
    // Never before the seal it follows: seals are in time order, like the log.
    const sealedAt = new Date(Math.max(now.getTime(), latest ? Date.parse(latest.sealedAt) : 0));
    const signed = signSeal(
      {
        seq: (latest?.seq ?? 0) + 1,
        treeSize: tree.size,
        eventCount: (latest?.eventCount ?? 0) + events.length,
        accessCount: (latest?.accessCount ?? 0) + access.length,
        rootHash: tree.root().toString('hex'),
        previousSealHash: latest?.sealHash ?? ZERO_HASH,
        sealedAt: sealedAt.toISOString(),
        keyId: keyIdOf(rawPublicKey(this.keys.current)),
      },
      this.keys.current,
    );
    const seal: StoredSeal = { ...signed, through, throughAccessId: access.at(-1)?.id ?? latest?.throughAccessId ?? 0 };
    await this.seals.write({ seal, nodes });
    await this.recordAsEvent(seal);
    for (const state of this.pending.values()) state.queue.push(seal);
    await this.publish();
    return seal;
  }

  /** The tree's right edge at `size`, from its stored perfect subtrees. */
  private async edgeOf(size: number): Promise<CompactRange> {
    const ids = perfectSubtreesOf({ start: 0, end: size });
    const stored = await this.seals.nodes(ids);
    return CompactRange.from(
      size,
      ids.map((id) => {
        const hash = stored.get(`${id.level}:${id.index}`);
        if (!hash) throw new Error(`the tree's node ${id.level}:${id.index} is missing: the stored tree is damaged (run ledger verify)`);
        return { level: id.level, hash };
      }),
    );
  }

  /** Records the seal in the log as a LogSealed event, unless it is there (a crash between the two writes). */
  private async recordAsEvent(seal: StoredSeal): Promise<void> {
    const eventId = sealEventId(seal.sealHash);
    if (await this.store.findEvent(eventId)) return;
    const recorded = await this.store.append({
      streamId: SEAL_STREAM,
      streamType: 'integrity',
      expectedVersion: 'any',
      events: [
        {
          eventId,
          type: SEAL_EVENT,
          data: {
            seq: seal.seq,
            treeSize: seal.treeSize,
            eventCount: seal.eventCount,
            accessCount: seal.accessCount,
            rootHash: seal.rootHash,
            previousSealHash: seal.previousSealHash,
            sealedAt: seal.sealedAt,
            keyId: seal.keyId,
            sealHash: seal.sealHash,
            signature: seal.signature,
          },
          metadata: { recordedBy: 'sealer' },
          occurredAt: new Date(seal.sealedAt),
        },
      ],
    });
    await this.untilVisible(recorded.positions[0]!);
  }

  /**
   * Waits (at most 5 s) until gap-free readers see the event at `position`: a transaction anywhere in
   * the cluster still open holds back what readers see (transaction_id < pg_snapshot_xmin), and the
   * next seal of a backlog should cover this seal's own event, as it does when nothing is held open.
   * If it stays unseen, sealing goes on: the seal after covers it.
   */
  private async untilVisible(position: number): Promise<void> {
    for (let waited = 0; waited < 5_000; waited += 10) {
      if ((await this.store.head()).position >= position) return;
      await sleep(10);
    }
  }

  /** Publishes what each sink has not yet taken; a failing sink keeps its queue for the next tick. */
  private async publish(): Promise<void> {
    for (const sink of this.sinks) {
      const state = this.pending.get(sink.name)!;
      while (state.queue.length > 0) {
        const seal = state.queue[0]!;
        try {
          await sink.publish(seal);
        } catch (error) {
          const message = (error as Error).message;
          if (state.failing?.error !== message) this.log(`seal ${seal.seq} could not be published to ${sink.name}: ${message}; it will be tried again`);
          state.failing = { seq: seal.seq, error: message, since: state.failing?.since ?? this.now().toISOString() };
          break;
        }
        state.queue.shift();
        state.publishedThrough = seal.seq;
        if (state.failing) this.log(`${sink.name} took the seals it had missed, through seal ${seal.seq}`);
        state.failing = null;
      }
    }
  }

  /** Seals on the schedule, in the background, while this process runs. */
  start(): void {
    if (this.options.intervalMs <= 0 || this.controller) return;
    this.controller = new AbortController();
    const { signal } = this.controller;
    this.loop = (async () => {
      // The latest seal, published again at start (idempotent): a crash may have come between sealing and publishing.
      const latest = await this.seals.latest().catch(() => undefined);
      if (latest) for (const state of this.pending.values()) state.queue.push(latest);
      while (!signal.aborted) {
        try {
          this.active = (await this.sealUnderLock(false, true)).locked;
          await this.publish();
          if (this.failure) this.log('sealing recovered');
          this.failure = null;
        } catch (error) {
          const message = (error as Error).message;
          if (this.failure?.error !== message) this.log(`sealing failed: ${message}; it will be tried again`);
          this.failure = { error: message, since: this.failure?.since ?? this.now().toISOString() };
        }
        await sleep(this.options.intervalMs, undefined, { signal }).catch(() => undefined);
      }
    })();
  }

  async stop(): Promise<void> {
    this.controller?.abort();
    await this.loop;
    this.controller = undefined;
    this.loop = undefined;
  }

  /** How far behind sealing is, for /health and /metrics. */
  async status(): Promise<SealingStatus> {
    const latest = await this.seals.latest();
    const after = latest?.through ?? START;
    const [count, accessWaiting, next] = await Promise.all([
      this.store.countAfter(after, { cap: 10_000_000 }),
      this.seals.countAccessAfter(latest?.throughAccessId ?? 0),
      this.store.readAll(after, { maxCount: 2 }),
    ]);
    const ownEvent = latest ? sealEventId(latest.sealHash) : undefined;
    const waiting = next.events.filter((e) => e.eventId !== ownEvent);
    const oldest = waiting[0]?.recordedAt ?? null;
    const now = this.now();
    return {
      latest: latest
        ? { seq: latest.seq, treeSize: latest.treeSize, eventCount: latest.eventCount, accessCount: latest.accessCount, sealedAt: latest.sealedAt, rootHash: latest.rootHash }
        : null,
      unsealedEvents: Math.max(0, count - (next.events.some((e) => e.eventId === ownEvent) ? 1 : 0)),
      unsealedAccessEntries: accessWaiting,
      oldestUnsealedAt: oldest?.toISOString() ?? null,
      lagSeconds: oldest ? Math.max(0, (now.getTime() - oldest.getTime()) / 1000) : 0,
      intervalSeconds: this.options.intervalMs / 1000,
      active: this.active,
      failing: this.failure,
      sinks: this.sinks.map((sink) => {
        const state = this.pending.get(sink.name)!;
        return { sink: sink.name, publishedThrough: state.publishedThrough, failing: state.failing };
      }),
    };
  }
}
