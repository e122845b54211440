import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type EventStore, type ReadStreamOptions, type RecordedEvent, type SnapshotKey, type StateSnapshot, type StateSnapshots, holdsErased, isSnapshotVersion, openedKeyIdsOf } from '#event-store';
import type { DomainEvent } from './decider.js';
import { upcast } from './event-schema.js';

export interface Loaded<State> {
  state: State;
  /** The stream's version: 0 when it does not exist. */
  version: number;
}

/** A decider's state and how it folds: with a `stateKind`, long streams are loaded from snapshots. */
export interface Fold<State, Event extends DomainEvent> {
  initialState: State;
  evolve(state: State, event: Event): State;
  /** Names the state among snapshots (docs/adr/0010-state-snapshots.md); without one, every load folds the whole stream. */
  stateKind?: string;
}

/** A store that keeps snapshots of folded state (the personal-data store over PostgreSQL). */
type Snapshotting = { snapshots?: StateSnapshots };

let codeVersion: string | undefined;

/**
 * A digest of the code that folds state: every source file of this library and of the shared
 * kernel (its deciders, evolve functions, upcasters and reference data) and of the personal-data
 * store (how names are opened, or shown erased), as it runs (sources under test, dist/ in
 * production). Any change to them, deployed, retires every snapshot folded before.
 */
export function stateCodeVersion(): string {
  if (codeVersion) return codeVersion;
  const here = dirname(fileURLToPath(import.meta.url));
  const libs = dirname(dirname(here));
  const hash = createHash('sha256');
  // The deciders and what they use; and how names are opened into the events they fold.
  for (const folder of ['governance/src', 'shared-kernel/src', 'event-store/src/personal-data']) {
    const root = join(libs, folder);
    const files = (readdirSync(root, { recursive: true }) as string[]).filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts')).sort();
    for (const file of files) hash.update(relative(libs, join(root, file))).update('\0').update(readFileSync(join(root, file))).update('\0');
  }
  codeVersion = hash.digest('hex').slice(0, 32);
  return codeVersion;
}

/**
 * Folds a stream (as at / as known at, by the options) into state; every event upcast to its
 * current shape. A long stream (one this process has seen reach the first snapshot version; any
 * other is read whole, at no extra cost) starts from its latest usable snapshot (one folded by this code, its
 * event's hash unchanged, not after the dates asked for) and folds only what follows; a fold that
 * passes snapshot versions (state-snapshots.ts, isSnapshotVersion) over an unbroken prefix of the
 * stream keeps those states as snapshots for the next loads (the first load of a long stream once
 * per code version pays for them). The answer is the same either way:
 * state-snapshots.db.spec.ts and long-stream-snapshots.e2e.spec.ts fold with and without snapshots,
 * at many dates, and compare.
 */
export async function loadState<State, Event extends DomainEvent>(
  store: Pick<EventStore, 'readStream'>,
  decider: Fold<State, Event>,
  streamId: string,
  options: ReadStreamOptions = {},
): Promise<Loaded<State>> {
  const snapshots = (store as Snapshotting).snapshots;
  const whole = options.fromVersion === undefined && options.maxCount === undefined;
  if (!snapshots || !decider.stateKind || !whole) {
    const recorded = await store.readStream(streamId, options);
    const state = recorded.reduce((current, e) => decider.evolve(current, upcast<Event>(e)), decider.initialState);
    return { state, version: recorded.at(-1)?.streamVersion ?? 0 };
  }
  const key: SnapshotKey = { streamId, kind: decider.stateKind, codeVersion: stateCodeVersion() };
  // A cache: a snapshot that cannot be read, or kept, costs a fold, never an answer.
  const from = snapshots.worthLooking(key) ? await snapshots.latest<State>(key, options).catch(() => undefined) : undefined;
  const recorded = await store.readStream(streamId, { ...options, fromVersion: (from?.version ?? 0) + 1 });
  // Those another load (this process's first, another process's) already kept are neither copied nor kept again:
  // asked for only when the fold passes a snapshot version (a long stream's first load in a process copied 96 states for nothing).
  const kept = recorded.some((e) => isSnapshotVersion(e.streamVersion)) ? await snapshots.kept(key).catch(() => new Set<number>()) : new Set<number>();
  const folded = foldFrom(decider, from, recorded, kept);
  const version = recorded.at(-1)?.streamVersion ?? from?.version ?? 0;
  snapshots.loaded(key, version);
  for (const snapshot of folded.taken) await snapshots.save(key, snapshot).catch(() => undefined);
  return { state: folded.state, version };
}

/** Folds events after a snapshot (or from the start), keeping (a copy of) the state at every snapshot version they pass over an unbroken prefix, but those already kept. */
function foldFrom<State, Event extends DomainEvent>(
  decider: Fold<State, Event>,
  from: StateSnapshot<State> | undefined,
  recorded: readonly RecordedEvent[],
  kept: ReadonlySet<number>,
): { state: State; taken: Array<StateSnapshot<State>> } {
  let state = from?.state ?? decider.initialState;
  let prefix = from?.version ?? 0;
  let lastOccurredAt = from?.lastOccurredAt.getTime() ?? Number.NEGATIVE_INFINITY;
  const keyIds = new Set(from?.keyIds ?? []);
  const taken: Array<StateSnapshot<State>> = [];
  for (const event of recorded) {
    state = decider.evolve(state, upcast<Event>(event));
    // Events left out by a date bound break the prefix: nothing after it is a state of the stream as it is.
    // So does a name erased: no state holding it is kept (it could never be sealed under its destroyed key).
    if (event.streamVersion !== prefix + 1 || holdsErased(event)) {
      prefix = -1;
      continue;
    }
    prefix = event.streamVersion;
    lastOccurredAt = Math.max(lastOccurredAt, event.occurredAt.getTime());
    for (const keyId of openedKeyIdsOf(event)) keyIds.add(keyId);
    if (isSnapshotVersion(prefix) && !kept.has(prefix)) taken.push({ version: prefix, state: structuredClone(state), eventHash: event.hash, lastOccurredAt: new Date(lastOccurredAt), keyIds: [...keyIds] });
  }
  return { state, taken };
}
