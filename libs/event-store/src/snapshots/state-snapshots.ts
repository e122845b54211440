/**
 * Snapshots of a stream's folded state (docs/adr/0010-state-snapshots.md): a cache beside the log
 * that lets a long stream's state, now or as at a date, be loaded without folding every event. The
 * log stays the record: a snapshot is used only when its event still has the hash it was folded
 * from, it was folded by the same code, and every name in it can still be read.
 */

/** Which state of which stream, folded by which code. */
export interface SnapshotKey {
  streamId: string;
  /** The decider whose state it is (collaboration, office…). */
  kind: string;
  /** A digest of the code that folded it: a snapshot of other code is never used. */
  codeVersion: string;
}

export interface StateSnapshot<State = unknown> {
  /** The state after every event 1..version of the stream, in order. */
  version: number;
  state: State;
  /** The hash of the event at `version`, checked against the log whenever the snapshot is read. */
  eventHash: string;
  /** The latest occurredAt among events 1..version: the snapshot serves a state as at T only when this is not after T. */
  lastOccurredAt: Date;
  /** The personal-data keys of every name opened by the events folded (the state may hold those names). */
  keyIds: readonly string[];
}

export interface SnapshotBounds {
  occurredUntil?: Date;
  recordedUntil?: Date;
}

export interface StateSnapshots {
  /** The latest usable snapshot within the bounds, if any. */
  latest<State>(key: SnapshotKey, bounds: SnapshotBounds): Promise<StateSnapshot<State> | undefined>;
  /** Keeps a snapshot; one already kept at that version stays as it is. Failing to keep one loses nothing. */
  save<State>(key: SnapshotKey, snapshot: StateSnapshot<State>): Promise<void>;
  /** The versions at which snapshots of this stream's state are kept (so that a load keeps only the others). */
  kept(key: SnapshotKey): Promise<ReadonlySet<number>>;
  /** Whether loading this stream should ask for a snapshot first (false: read it whole). */
  worthLooking(key: SnapshotKey): boolean;
  /** Told after each load how far the stream was folded. */
  loaded(key: SnapshotKey, version: number): void;
}

/** Streams shorter than this are folded whole: no snapshot. */
export const FIRST_SNAPSHOT_VERSION = 100;

/**
 * The versions a snapshot is taken at: every 100th up to 8,191, then every multiple of a 64th to a
 * 128th of the stream's length (the power of two below it over 64): 8,192, 8,320…; 9,856, 9,984 and
 * 10,112 around 10,000 (111 snapshots up to 12,000). A state as at any date folds at most that many
 * events after its snapshot (at most 128 up to 16,383 events); the snapshots of a stream of n events
 * hold about 128 times its final state beyond 8,192 (deflated, a 10,000-event recommendation's 96
 * snapshots take 3.6 MB), not n/100 of them.
 */
export function isSnapshotVersion(version: number): boolean {
  if (version < FIRST_SNAPSHOT_VERSION) return false;
  const spacing = Math.max(FIRST_SNAPSHOT_VERSION, 2 ** (Math.floor(Math.log2(version)) - 6));
  return version % spacing === 0;
}
