import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { deserialize, serialize } from 'node:v8';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type pg from 'pg';
import { FIRST_SNAPSHOT_VERSION, type SnapshotBounds, type SnapshotKey, type StateSnapshot, type StateSnapshots } from './state-snapshots.js';

const FORMAT = 'ledger-state-snapshot-v1';

/**
 * The key a snapshot holding personal names is sealed with: derived (HKDF-SHA-256) from every one
 * of their persons' keys, in key-id order, and bound to the snapshot's place. Destroying any one of
 * those keys (`ledger forget`) leaves the snapshot unreadable, as it leaves the names in the log.
 */
function snapshotKey(keys: readonly Buffer[], key: SnapshotKey, version: number): Buffer {
  const info = [FORMAT, key.streamId, key.kind, key.codeVersion, String(version)].join('\n');
  return Buffer.from(hkdfSync('sha256', Buffer.concat(keys), FORMAT, info, 32));
}

function seal(state: Buffer, secret: Buffer): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', secret, iv);
  return Buffer.concat([iv, cipher.update(state), cipher.final(), cipher.getAuthTag()]);
}

function open(sealed: Buffer, secret: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', secret, sealed.subarray(0, 12));
  decipher.setAuthTag(sealed.subarray(sealed.length - 16));
  return Buffer.concat([decipher.update(sealed.subarray(12, sealed.length - 16)), decipher.final()]);
}

/** Freezes a state all the way down, so that nobody can change what the cache hands to the next reader. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value as object)) deepFreeze(child);
  }
  return value;
}

/**
 * The most recently used states up to a budget of their serialised size (in memory they take two
 * to three times that), each for at most a minute: a state may hold a name, and a name forgotten
 * (`ledger forget`) must not linger in memory long after its snapshot is refused.
 */
class RecentStates {
  private readonly states = new Map<string, { state: unknown; bytes: number; at: number }>();
  private bytes = 0;

  constructor(
    private readonly budget: number,
    private readonly maxAgeMs = 60_000,
  ) {}

  get(id: string): unknown {
    const entry = this.states.get(id);
    if (!entry) return undefined;
    this.forget(id);
    if (performance.now() - entry.at > this.maxAgeMs) return undefined;
    this.states.set(id, entry);
    this.bytes += entry.bytes;
    return entry.state;
  }

  set(id: string, state: unknown, bytes: number): void {
    if (bytes > this.budget / 4) return;
    this.forget(id);
    this.states.set(id, { state, bytes, at: performance.now() });
    this.bytes += bytes;
    for (const oldest of this.states.keys()) {
      if (this.bytes <= this.budget) break;
      this.forget(oldest);
    }
    const now = performance.now();
    for (const [old, entry] of this.states) if (now - entry.at > this.maxAgeMs) this.forget(old);
  }

  private forget(id: string): void {
    const entry = this.states.get(id);
    if (!entry) return;
    this.states.delete(id);
    this.bytes -= entry.bytes;
  }
}

/** Long streams remembered (the oldest forgotten past this many). */
const REMEMBERED_STREAMS = 100_000;

/**
 * Snapshots in PostgreSQL (migration 0007: state_snapshots), beside a PostgreSQL event store: each
 * read joins the event the snapshot was folded up to and requires its hash unchanged, and reads the
 * keys of its names in the same query. The state is `v8.serialize`d (Dates, Maps and Sets survive)
 * and deflated, then sealed when it holds names.
 */
export class PostgresStateSnapshots implements StateSnapshots {
  /** Streams (by kind) this process has seen reach the first snapshot version. */
  private readonly long = new Set<string>();

  /**
   * Snapshots read lately, deserialised and frozen (a state is never changed: evolve makes a new one),
   * by their place and event hash: a hit still asks the database whether the snapshot is the latest
   * usable one, its event's hash unchanged and its names' keys alive, but reads and decodes nothing more.
   */
  private readonly recent: RecentStates;

  constructor(
    private readonly pool: pg.Pool,
    options: { cacheBytes?: number } = {},
  ) {
    this.recent = new RecentStates(options.cacheBytes ?? 16 * 1024 * 1024);
  }

  /**
   * Whether a load should ask for a snapshot: only for a stream this process has seen long enough
   * to have one. Any other is read whole, as it would be with no snapshots at all (most streams are
   * short, and a command on one costs no extra query); the first load that finds it long remembers it.
   */
  worthLooking(key: SnapshotKey): boolean {
    return this.long.has(`${key.kind}\n${key.streamId}`);
  }

  /** After a stream is folded up to `version`. */
  loaded(key: SnapshotKey, version: number): void {
    if (version < FIRST_SNAPSHOT_VERSION) return;
    if (this.long.size >= REMEMBERED_STREAMS) this.long.clear();
    this.long.add(`${key.kind}\n${key.streamId}`);
  }

  async latest<State>(key: SnapshotKey, bounds: SnapshotBounds): Promise<StateSnapshot<State> | undefined> {
    const { rows } = await this.pool.query<{ stream_version: string; event_hash: string; last_occurred_at: Date; key_ids: string[]; keys: Buffer[] }>({
      name: 'ledger_latest_snapshot',
      text: `SELECT s.stream_version, s.event_hash, s.last_occurred_at, s.key_ids::text[] AS key_ids,
                    ARRAY(SELECT k.key FROM unnest(s.key_ids) WITH ORDINALITY AS u(key_id, n)
                            LEFT JOIN personal_data_keys k ON k.key_id = u.key_id ORDER BY u.n) AS keys
               FROM state_snapshots s
               JOIN events e ON e.stream_id = s.stream_id AND e.stream_version = s.stream_version AND e.hash = s.event_hash
              WHERE s.stream_id = $1 AND s.state_kind = $2 AND s.code_version = $3
                AND ($4::timestamptz IS NULL OR s.last_occurred_at <= $4)
                AND ($5::timestamptz IS NULL OR e.recorded_at <= $5)
                -- Not one holding a name whose key is destroyed: an older one, from before that name, still serves.
                AND NOT EXISTS (SELECT 1 FROM unnest(s.key_ids) AS d(key_id) LEFT JOIN personal_data_keys dk ON dk.key_id = d.key_id WHERE dk.key IS NULL)
              ORDER BY s.stream_version DESC LIMIT 1`,
      values: [key.streamId, key.kind, key.codeVersion, bounds.occurredUntil ?? null, bounds.recordedUntil ?? null],
    });
    const row = rows[0];
    if (!row) return undefined;
    const version = Number(row.stream_version);
    const found = { version, eventHash: row.event_hash, lastOccurredAt: row.last_occurred_at, keyIds: row.key_ids };
    const id = [key.streamId, key.kind, key.codeVersion, version, row.event_hash].join('\n');
    const remembered = this.recent.get(id);
    if (remembered) return { ...found, state: remembered as State };
    const { rows: states } = await this.pool.query<{ state: Buffer }>({
      name: 'ledger_snapshot_state',
      text: 'SELECT state FROM state_snapshots WHERE stream_id = $1 AND state_kind = $2 AND code_version = $3 AND stream_version = $4',
      values: [key.streamId, key.kind, key.codeVersion, version],
    });
    if (!states[0]) return undefined;
    try {
      const packed = row.key_ids.length === 0 ? states[0].state : open(states[0].state, snapshotKey(row.keys, key, version));
      const serialized = inflateRawSync(packed);
      const state = deepFreeze(deserialize(serialized)) as State;
      this.recent.set(id, state, serialized.length);
      return { ...found, state };
    } catch {
      // Altered, or written by a Node whose serializer this one cannot read: fold the log instead.
      return undefined;
    }
  }

  async kept(key: SnapshotKey): Promise<ReadonlySet<number>> {
    const { rows } = await this.pool.query<{ v: string }>({
      name: 'ledger_snapshots_kept',
      text: 'SELECT stream_version AS v FROM state_snapshots WHERE stream_id = $1 AND state_kind = $2 AND code_version = $3',
      values: [key.streamId, key.kind, key.codeVersion],
    });
    return new Set(rows.map((r) => Number(r.v)));
  }

  async save<State>(key: SnapshotKey, snapshot: StateSnapshot<State>): Promise<void> {
    const keyIds = [...new Set(snapshot.keyIds)].sort();
    let keys: Buffer[] = [];
    if (keyIds.length > 0) {
      const { rows } = await this.pool.query<{ key: Buffer | null }>({
        name: 'ledger_snapshot_keys',
        text: 'SELECT k.key FROM unnest($1::uuid[]) WITH ORDINALITY AS u(key_id, n) LEFT JOIN personal_data_keys k ON k.key_id = u.key_id ORDER BY u.n',
        values: [keyIds],
      });
      // A name forgotten meanwhile: nothing to keep.
      if (rows.some((r) => r.key === null)) return;
      keys = rows.map((r) => r.key!);
    }
    let state: Buffer = deflateRawSync(serialize(snapshot.state), { level: 1 });
    if (keyIds.length > 0) state = seal(state, snapshotKey(keys, key, snapshot.version));
    await this.pool.query({
      name: 'ledger_save_snapshot',
      text: `INSERT INTO state_snapshots (stream_id, state_kind, code_version, stream_version, event_hash, last_occurred_at, key_ids, state)
             VALUES ($1, $2, $3, $4, $5, $6, $7::uuid[], $8) ON CONFLICT DO NOTHING`,
      values: [key.streamId, key.kind, key.codeVersion, snapshot.version, snapshot.eventHash, snapshot.lastOccurredAt, keyIds, state],
    });
  }
}
