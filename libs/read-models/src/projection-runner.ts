import { createHash } from 'node:crypto';
import { DataSource as DataSourceCtor, type DataSource, type DataSourceOptions, type EntityManager, type QueryRunner } from 'typeorm';
import { type Checkpoint, type EventStore, type RecordedEvent, START } from '#event-store';
import { ProjectionCheckpoint } from './checkpoint.entity.js';
import { type AnyProjection, type Projected, foldPage, groupsOf, projected } from './projection.js';
import { SharedLogPages } from './shared-log-pages.js';
import { GroupRows } from './group-rows.js';

export interface ProjectionFailure {
  /** The global position of the event that could not be applied (every event before it was). */
  position: number;
  error: string;
  since: Date;
  attempts: number;
  /** When the runner tries again. */
  retryAt: Date;
}

export interface ProjectionStatus {
  projection: string;
  checkpoint: Checkpoint;
  eventsApplied: number;
  /** Events in the log after the checkpoint that a gap-free reader can already see. */
  lag: number;
  /** True when this process holds the projection's lock and keeps it current. */
  active: boolean;
  /** Set while the projection cannot apply the log's next page; it backs off and tries again. */
  failing: ProjectionFailure | null;
}

export interface RunnerOptions {
  batchSize?: number;
  pollIntervalMs?: number;
  /** First back-off after a failed page; doubles up to maxBackoffMs. */
  backoffMs?: number;
  maxBackoffMs?: number;
  log?: (message: string) => void;
  /** Called when a new version has caught up beside the live one, just before it takes over (for tests). */
  beforeSwap?: (projection: AnyProjection) => Promise<void>;
}

/** The event at `position` could not be applied to the projection (every event before it was). */
export class EventNotApplied extends Error {
  constructor(
    readonly position: number,
    override readonly cause: Error,
  ) {
    super(cause.message);
    this.name = 'EventNotApplied';
  }
}

/** A newer version of the projection took over its tables: this runner must not write to them. */
export class ProjectionRetired extends Error {
  constructor(readonly projection: string) {
    super(`projection ${projection} was retired: a newer version took over its tables`);
  }
}

/**
 * A version being built beside its live predecessor (blue-green) until it takes over: the table
 * under its name is still the predecessor's, which it must neither empty nor write.
 */
export class ProjectionNotYetLive extends Error {
  constructor(
    readonly projection: string,
    readonly predecessor: string,
  ) {
    super(`projection ${projection} is built beside ${predecessor}, which serves their table until ${projection} takes over; until then nothing may reset or apply it there`);
  }
}

/** A projection whose table changed shape without a new version: its rows would no longer fit. */
export class ProjectionSchemaChanged extends Error {
  constructor(readonly projection: string) {
    super(`projection ${projection} changed its table's columns but kept its version: give it a new version (${projection.replace(/\.v(\d+)$/, (_m, v) => `.v${Number(v) + 1}`)}) so that it is rebuilt beside the old one`);
  }
}

const SHADOW_PREFIX = 'bg_';

/** A failure as the checkpoint table keeps it (JSON: dates as ISO strings). */
function failureFrom(stored: ProjectionCheckpoint['failure'] | undefined): ProjectionFailure | null {
  if (!stored) return null;
  return { position: Number(stored.position), error: stored.error, since: new Date(stored.since), attempts: stored.attempts, retryAt: new Date(stored.retryAt) };
}
const baseName = (name: string) => name.replace(/\.v\d+$/, '');

/** The projection named `name`, with or without its version (`register` or `register.v2`); throws naming those there are. */
export function findProjection(projections: readonly AnyProjection[], name: string): AnyProjection {
  const found = projections.find((p) => p.name === name || baseName(p.name) === name);
  if (!found) throw new Error(`no projection "${name}"; there are: ${projections.map((p) => p.name).join(', ')}`);
  return found;
}

/**
 * A blue-green build's table is swapped in under the live name, but its primary key and indexes keep
 * the names TypeORM gave them for the bg_ table, and the next version's build beside it would create
 * those same names and fail (indexes share the schema's namespace). Renames each such index, where
 * it exists, to the name the live table's own would have, where that name is free.
 */
async function giveLiveIndexNames(db: Pick<DataSource, 'query'>, built: DataSource, live: DataSource, projection: AnyProjection): Promise<void> {
  const names = (dataSource: DataSource) => {
    const table = dataSource.getMetadata(projection.entity);
    const key = dataSource.namingStrategy.primaryKeyName(table.tablePath, table.primaryColumns.map((c) => c.databaseName));
    return [key, ...table.indices.map((index) => index.name), ...table.uniques.map((unique) => unique.name)];
  };
  const from = names(built);
  const to = names(live);
  const existing = new Set<string>(
    (await db.query(`SELECT relname FROM pg_class WHERE relkind = 'i' AND relnamespace = current_schema()::regnamespace AND relname = ANY($1)`, [[...from, ...to]])).map((r: { relname: string }) => r.relname),
  );
  for (const [i, name] of from.entries()) {
    if (name !== to[i] && existing.has(name) && !existing.has(to[i]!)) await db.query(`ALTER INDEX "${name}" RENAME TO "${to[i]}"`);
  }
}

/** The shape of a projection's table: any change to it needs a new projection version. */
function schemaFingerprint(dataSource: DataSource, projection: AnyProjection): string {
  const { columns } = dataSource.getMetadata(projection.entity);
  const shape = columns.map((c) => [c.databaseName, String(c.type), c.isNullable, c.isPrimary]).sort();
  return createHash('sha256').update(JSON.stringify(shape)).digest('hex').slice(0, 16);
}

/**
 * Keeps projections current from the global log, in gap-free order. Each page of events is applied
 * in one transaction that also moves the checkpoint, so a crash can neither apply an event twice
 * nor skip one; the rows a page touches are read once and written back set-based. Rebuild empties a
 * projection and resets its checkpoint; the same catch-up then replays it, whether in this process
 * or in the one that holds the projection's lock. A page that cannot be applied is not skipped: the
 * projection reports the failure (status, /health, /metrics) and backs off before trying again.
 */
export class ProjectionRunner {
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly backoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly log: (message: string) => void;
  private controller?: AbortController;
  private loops: Promise<void>[] = [];
  private readonly active = new Set<string>();
  private readonly failures = new Map<string, ProjectionFailure>();
  private readonly prepared = new Set<string>();
  private readonly fingerprints = new Map<string, string>();
  private lockSession?: QueryRunner;
  private lockQueue: Promise<unknown> = Promise.resolve();
  /** Every projection of this runner reads the log through one reader: each page from the database once. */
  readonly pages: SharedLogPages;

  constructor(
    private readonly store: EventStore,
    private readonly dataSource: DataSource,
    readonly projections: readonly AnyProjection[],
    private readonly options: RunnerOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 500;
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
    this.backoffMs = options.backoffMs ?? 1_000;
    this.maxBackoffMs = options.maxBackoffMs ?? 60_000;
    this.log = options.log ?? (() => undefined);
    this.pages = new SharedLogPages(store);
  }

  projection(name: string): AnyProjection {
    return findProjection(this.projections, name);
  }

  async checkpointOf(projection: AnyProjection): Promise<{ checkpoint: Checkpoint; eventsApplied: number }> {
    // Every poll asks: a plain statement, not one TypeORM builds each time.
    const [row] = await this.dataSource.query(`SELECT transaction_id::text AS transaction_id, position, events_applied FROM ${this.checkpointTable()} WHERE projection = $1`, [projection.name]);
    return row ? { checkpoint: checkpointOfRow(row), eventsApplied: Number(row.events_applied) } : { checkpoint: START, eventsApplied: 0 };
  }

  /**
   * Makes sure the projection's table exists in the shape its version declares. A version that has
   * run before keeps its table, and must not have changed its columns (ProjectionSchemaChanged); a
   * version that never ran, with no other version of it live, gets a fresh table from its entity.
   * Processes that prepare at once take turns (an advisory lock), so a table is never dropped under
   * a runner that has begun to fill it.
   */
  async prepare(projection: AnyProjection): Promise<void> {
    if (this.prepared.has(projection.name)) return;
    await this.ensureCheckpointTable();
    const fingerprint = schemaFingerprint(this.dataSource, projection);
    const session = this.dataSource.createQueryRunner();
    await session.connect();
    try {
      await session.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [`prepare:${this.checkpointTable()}:${projection.name}`]);
      const [own] = await session.query(`SELECT schema FROM ${this.checkpointTable()} WHERE projection = $1`, [projection.name]);
      if (own) {
        if (own.schema !== null && own.schema !== fingerprint) throw new ProjectionSchemaChanged(projection.name);
      } else if (!(await this.predecessorOf(projection))) {
        // Nothing has run into this table: whatever is there is stale. Create it from the entity.
        await session.query(`DROP TABLE IF EXISTS ${this.dataSource.getMetadata(projection.entity).tablePath}`);
        const scoped = new DataSourceCtor({ ...this.dataSource.options, entities: [projection.entity], synchronize: true, extra: { max: 1 } } as DataSourceOptions);
        await scoped.initialize();
        await scoped.destroy();
        await session.query(
          `INSERT INTO ${this.checkpointTable()} (projection, transaction_id, position, events_applied, updated_at, retired, schema)
           VALUES ($1, $2, $3, 0, now(), false, $4)`,
          [projection.name, START.transactionId, START.position, fingerprint],
        );
      } else {
        return; // built beside its predecessor, blue-green, by the runner that takes its lock
      }
      this.prepared.add(projection.name);
    } finally {
      await session.query('SELECT pg_advisory_unlock_all()').catch(() => undefined);
      await session.release();
    }
  }

  /** prepare, then refuses (ProjectionNotYetLive) a version still to be built beside its live predecessor: the table is the predecessor's. */
  private async prepareLive(projection: AnyProjection): Promise<void> {
    await this.prepare(projection);
    if (this.prepared.has(projection.name)) return;
    const predecessor = await this.predecessorOf(projection);
    if (predecessor) throw new ProjectionNotYetLive(projection.name, predecessor);
  }

  /** Prepares every projection: the read routes can answer (from empty tables) before the first page is applied. */
  async prepareAll(): Promise<void> {
    for (const projection of this.projections) await this.prepare(projection);
  }

  /** Applies every event after the checkpoint; returns how many it read. Live running and rebuild both use it. */
  async catchUp(projection: AnyProjection, onProgress?: (read: number) => void, signal?: AbortSignal, convoy?: Convoy): Promise<number> {
    await this.prepareLive(projection);
    let read = 0;
    let { checkpoint } = await this.checkpointOf(projection);
    while (!signal?.aborted) {
      await convoy?.mayRead(projection.name);
      const page = await this.pages.readAll(checkpoint, { maxCount: this.batchSize });
      convoy?.advanced(projection.name);
      if (page.events.length === 0) return read;
      const applied = await this.applyNarrowing(projection, checkpoint, page.events, page.checkpoint);
      if (!applied) {
        // The checkpoint moved under us (a rebuild reset it): start again from where it now is.
        ({ checkpoint } = await this.checkpointOf(projection));
        continue;
      }
      checkpoint = page.checkpoint;
      read += page.events.length;
      onProgress?.(read);
    }
    return read;
  }

  /**
   * Applies a page; when it fails, applies its halves, and theirs, down to the one event that
   * cannot be applied: everything before that event is applied, and the failure names it
   * (EventNotApplied, with its position) instead of a whole page. O(log n) extra transactions,
   * only on failure.
   */
  private async applyNarrowing(projection: AnyProjection, from: Checkpoint, page: RecordedEvent[], to: Checkpoint): Promise<boolean> {
    try {
      return await this.applyPage(projection, from, page, to);
    } catch (error) {
      if (error instanceof ProjectionRetired || error instanceof EventNotApplied) throw error;
      if (page.length === 1) throw new EventNotApplied(page[0]!.globalPosition, error as Error);
      const half = Math.floor(page.length / 2);
      const last = page[half - 1]!;
      const middle: Checkpoint = { transactionId: last.transactionId, position: last.globalPosition };
      if (!(await this.applyNarrowing(projection, from, page.slice(0, half), middle))) return false;
      return this.applyNarrowing(projection, middle, page.slice(half), to);
    }
  }

  /** One transaction: the page's events and the new checkpoint, or nothing. False if the checkpoint was not `from`. */
  private async applyPage(projection: AnyProjection, from: Checkpoint, page: RecordedEvent[], to: Checkpoint): Promise<boolean> {
    const types = new Set<string>(projection.eventTypes);
    if (!page.some((e) => types.has(e.type))) {
      // Nothing of this projection's in the page (most pages, for most projections, while commands
      // come one or two at a time): the checkpoint moves by one compare-and-set statement instead of
      // a transaction of four. A retired version, a moved checkpoint or a first page finds no row
      // to move and takes the transaction below, which tells them apart.
      const [moved] = await this.dataSource.query(
        `WITH moved AS (
           UPDATE ${this.checkpointTable()} SET transaction_id = $2, position = $3, events_applied = events_applied + $4, updated_at = now(), failure = NULL
           WHERE projection = $1 AND transaction_id = $5 AND position = $6 AND NOT retired RETURNING 1)
         SELECT count(*)::int AS n FROM moved`,
        [projection.name, to.transactionId, to.position, page.length, from.transactionId, from.position],
      );
      if (moved.n === 1) return true;
    }
    return this.dataSource.transaction(async (tx) => {
      const table = this.checkpointTable();
      const rows = await tx.query(`SELECT transaction_id, position, retired FROM ${table} WHERE projection = $1 FOR UPDATE`, [projection.name]);
      if (rows[0]?.retired) throw new ProjectionRetired(projection.name);
      const current: Checkpoint = rows[0] ? { transactionId: rows[0].transaction_id, position: Number(rows[0].position) } : START;
      if (current.transactionId !== from.transactionId || current.position !== from.position) return false;
      const events: Projected[] = page.filter((e) => types.has(e.type)).map(projected);
      if (events.length > 0) await this.writeGroups(tx, projection, events);
      await tx.query(
        `INSERT INTO ${table} (projection, transaction_id, position, events_applied, updated_at, retired, schema) VALUES ($1, $2, $3, $4, now(), false, $5)
         ON CONFLICT (projection) DO UPDATE SET transaction_id = excluded.transaction_id, position = excluded.position,
           events_applied = ${table}.events_applied + $4, updated_at = now(), failure = NULL`,
        [projection.name, to.transactionId, to.position, page.length, this.fingerprintOf(projection)],
      );
      return true;
    });
  }

  /** Reads the groups the events touch, folds the events into them, writes them back: one read, one delete, one insert. */
  private async writeGroups(tx: EntityManager, projection: AnyProjection, events: Projected[]): Promise<void> {
    // The data source's own metadata: a blue-green build's names its bg_ table.
    const table = GroupRows.of(tx.connection.getMetadata(projection.entity), projection.groupBy as string);
    const existing = await table.read(tx, groupsOf(projection, events));
    const folded = foldPage(projection, existing, events);
    await table.delete(tx, [...folded.keys()]);
    await table.write(tx, [...folded.values()].flat());
  }

  /** Empties the projection's table and resets its checkpoint, in one transaction. */
  async reset(projection: AnyProjection): Promise<void> {
    await this.prepareLive(projection);
    await this.dataSource.transaction(async (tx) => {
      await tx.query(`TRUNCATE ${this.tableOf(tx, projection)}`);
      await tx.query(`UPDATE ${this.checkpointTable()} SET transaction_id = $2, position = $3, events_applied = 0, updated_at = now(), failure = NULL WHERE projection = $1`, [
        projection.name,
        START.transactionId,
        START.position,
      ]);
    });
    this.failures.delete(projection.name);
    this.pages.clear();
  }

  /** Reset, then replay the whole log into the projection. */
  async rebuild(projection: AnyProjection, onProgress?: (read: number) => void): Promise<number> {
    await this.reset(projection);
    const read = await this.catchUp(projection, onProgress);
    await this.analyse(projection);
    return read;
  }

  /**
   * Refreshes the planner's statistics of a projection's table after it was filled from empty: until
   * then PostgreSQL plans its queries blind (autovacuum may be off, or minutes away), and picked a
   * sequential scan of 283,000 decisions for a pair's indicators where the index reads 6,300 (75 → 21 ms).
   * A VACUUM with it: it moves the GIN pending list into the index (the register's parties: a pair's
   * rows read in 7 ms from the list, 1 ms from the index) and sets the hint bits and visibility map
   * that the first reader would otherwise pay for (a count of the register: 46 ms once, then 3 ms).
   */
  async analyse(projection: AnyProjection): Promise<void> {
    await this.dataSource.query(`VACUUM (ANALYZE) ${this.tableOf(this.dataSource.manager, projection)}`);
  }

  /**
   * Rebuilds several projections side by side: all reset, then all replayed at once, so that they
   * share each page of the log (read and parsed once) and one's database writes overlap another's
   * work. They move as a convoy: none runs more than half the shared pages ahead of the slowest, so
   * a page is still kept when the slowest comes to it and the log is read once, not once per drift.
   * Returns the events each read.
   */
  async rebuildTogether(projections: readonly AnyProjection[], onProgress?: (projection: AnyProjection, read: number) => void): Promise<number[]> {
    for (const projection of projections) await this.reset(projection);
    const convoy = new Convoy(
      projections.map((p) => p.name),
      Math.floor(this.pages.capacity / 2),
    );
    const read = await Promise.all(
      projections.map(async (projection) => {
        try {
          return await this.catchUp(projection, (read) => onProgress?.(projection, read), undefined, convoy);
        } finally {
          convoy.left(projection.name);
        }
      }),
    );
    for (const projection of projections) await this.analyse(projection);
    return read;
  }

  /** Keeps every projection current in the background; one process per projection holds its lock. */
  async start(): Promise<void> {
    this.controller = new AbortController();
    const { signal } = this.controller;
    // One session holds this process's projection locks, outside the pool the work uses.
    this.lockSession = this.dataSource.createQueryRunner();
    await this.lockSession.connect();
    this.loops = this.projections.map((projection) => this.run(projection, signal));
  }

  async stop(): Promise<void> {
    this.controller?.abort();
    await Promise.all(this.loops);
    this.loops = [];
    await this.lockSession?.release(); // ending the session releases its advisory locks
    this.lockSession = undefined;
    this.active.clear();
  }

  /**
   * Ends the wait of every projection resting between polls, so that it catches up now rather than
   * at its next poll: a reader is waiting for it (Ledger-Read-After). A nudge during a catch-up
   * makes the next poll immediate. Harmless when the projections run in another process.
   */
  nudge(): void {
    this.pollWake.abort();
    this.pollWake = new AbortController();
  }

  private pollWake = new AbortController();

  private async run(projection: AnyProjection, signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      // Taken before the catch-up: a nudge while it runs ends the wait after it.
      const nudged = this.pollWake.signal;
      const wasActive = this.active.has(projection.name);
      let wait = this.pollIntervalMs;
      let polling = true; // false: a failure's back-off, or waiting for another process's lock
      const locked = wasActive || (await this.tryLock(projection).catch(() => false));
      if (locked) {
        try {
          // Until it has taken over (a build that failed is tried again), never only on taking the lock.
          if (!this.prepared.has(projection.name)) await this.takeOverFromPredecessor(projection, signal);
          if (signal.aborted) break; // a build stopped half-way is begun again by the next process
          await this.prepare(projection);
          await this.catchUp(projection, undefined, signal);
          if (this.failures.delete(projection.name)) this.log(`projection ${projection.name} recovered`);
        } catch (error) {
          if (error instanceof ProjectionRetired) {
            this.log(error.message);
            return;
          }
          wait = await this.recordFailure(projection, error as Error);
          polling = false;
        }
      } else {
        wait = 5_000;
        polling = false;
      }
      // Only the ordinary poll is cut short: never a failure's back-off, nor the wait for another process's lock.
      await rest(wait, signal, polling ? nudged : undefined);
    }
  }

  /** Notes where and why the projection stopped, once per failure and not every retry, and how long to back off. */
  private async recordFailure(projection: AnyProjection, error: Error): Promise<number> {
    const previous = this.failures.get(projection.name);
    const attempts = (previous?.attempts ?? 0) + 1;
    const backoff = Math.min(this.maxBackoffMs, this.backoffMs * 2 ** (attempts - 1));
    let position: number;
    if (error instanceof EventNotApplied) position = error.position;
    else {
      const { checkpoint } = await this.checkpointOf(projection).catch(() => ({ checkpoint: START }));
      const next = await this.store.readAll(checkpoint, { maxCount: 1 }).catch(() => ({ events: [] as RecordedEvent[] }));
      position = next.events[0]?.globalPosition ?? checkpoint.position;
    }
    const failure: ProjectionFailure = {
      position,
      error: error.message,
      since: previous?.since ?? new Date(),
      attempts,
      retryAt: new Date(Date.now() + backoff),
    };
    this.failures.set(projection.name, failure);
    // Recorded beside the checkpoint for other processes to report (`ledger projections`); the next page applied clears it.
    await this.dataSource
      .query(`UPDATE ${this.checkpointTable()} SET failure = $2 WHERE projection = $1`, [projection.name, JSON.stringify(failure)])
      .catch(() => undefined);
    if (!previous || previous.error !== failure.error) {
      this.log(`projection ${projection.name} cannot apply the event at position ${failure.position}: ${failure.error}; it will try again, backing off up to ${this.maxBackoffMs / 1000} s`);
    }
    return backoff;
  }

  private async tryLock(projection: AnyProjection): Promise<boolean> {
    // One session serves every projection's lock: its queries go one at a time.
    const attempt = this.lockQueue.then(() =>
      this.lockSession!.query('SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked', [`projection:${projection.name}`]),
    );
    this.lockQueue = attempt.catch(() => undefined);
    const [{ locked }] = await attempt;
    if (locked) this.active.add(projection.name);
    return locked;
  }

  private async predecessorOf(projection: AnyProjection): Promise<string | undefined> {
    const [predecessor] = await this.dataSource.query(
      `SELECT projection FROM ${this.checkpointTable()} WHERE projection LIKE $1 AND projection <> $2 AND NOT retired`,
      [`${baseName(projection.name)}.v%`, projection.name],
    );
    return predecessor?.projection;
  }

  /**
   * Blue-green: when this version has never run but an older version of the same projection has,
   * build this version beside the live table (same entity under a prefix) while the old one keeps
   * serving, then, once caught up, swap the tables and checkpoints in one transaction and retire the
   * old version, whose runners stop at their next page.
   */
  private async takeOverFromPredecessor(projection: AnyProjection, signal: AbortSignal): Promise<void> {
    await this.ensureCheckpointTable();
    const [own] = await this.dataSource.query(`SELECT 1 FROM ${this.checkpointTable()} WHERE projection = $1`, [projection.name]);
    if (own) return;
    const old = await this.predecessorOf(projection);
    if (!old) return;
    this.log(`building ${projection.name} beside ${old}, which keeps serving`);
    const shadow = new DataSourceCtor({ ...this.dataSource.options, entityPrefix: SHADOW_PREFIX, synchronize: false } as DataSourceOptions);
    await shadow.initialize();
    try {
      // A build that an earlier process began and did not finish starts again from nothing. (Other
      // projections may be building beside theirs: the shadow checkpoint table is shared.)
      // A table swapped in before 2026-11-30 still bears its build's index names, which this build is about to create.
      await giveLiveIndexNames(this.dataSource, shadow, this.dataSource, projection);
      const builder = new ProjectionRunner(this.store, shadow, [projection], { batchSize: this.batchSize });
      await builder.ensureCheckpointTable();
      await shadow.query(`DELETE FROM ${shadow.getMetadata(ProjectionCheckpoint).tablePath} WHERE projection = $1`, [projection.name]);
      await builder.prepare(projection);
      await builder.catchUp(projection, undefined, signal);
      if (signal.aborted) return;
      await builder.analyse(projection);
      await this.options.beforeSwap?.(projection);
      await this.dataSource.transaction(async (tx) => {
        // Waits for the old version's page in flight; its next page finds itself retired.
        await tx.query(`SELECT 1 FROM ${this.checkpointTable()} WHERE projection = $1 FOR UPDATE`, [old]);
        const live = this.tableOf(tx, projection);
        await tx.query(`DROP TABLE IF EXISTS ${live}`);
        await tx.query(`ALTER TABLE ${SHADOW_PREFIX}${live} RENAME TO ${live}`);
        await giveLiveIndexNames(tx, shadow, this.dataSource, projection);
        await tx.query(
          `INSERT INTO ${this.checkpointTable()} (projection, transaction_id, position, events_applied, updated_at, retired, schema)
           SELECT projection, transaction_id, position, events_applied, now(), false, schema FROM ${SHADOW_PREFIX}${this.checkpointTable()} WHERE projection = $1`,
          [projection.name],
        );
        await tx.query(`UPDATE ${this.checkpointTable()} SET retired = true, updated_at = now() WHERE projection = $1`, [old]);
        await tx.query(`DELETE FROM ${SHADOW_PREFIX}${this.checkpointTable()} WHERE projection = $1`, [projection.name]);
      });
      this.prepared.add(projection.name);
      this.log(`${projection.name} took over from ${old}`);
    } finally {
      await shadow.destroy();
    }
  }

  /**
   * Whether every projection has applied the event at a global position: true, false, or 'unknown'
   * when no committed event has that position. (A committed event that gap-free readers cannot see
   * yet, behind a transaction still open elsewhere, is simply not applied yet.)
   */
  async appliedThrough(position: number): Promise<boolean | 'unknown'> {
    await this.ensureCheckpointTable();
    // Every read model's checkpoint in one statement (a waiting reader asks every 25 ms: it was one
    // statement a read model); a read model with no checkpoint yet has applied nothing.
    const rows: Array<{ projection: string; transaction_id: string; position: string }> = await this.dataSource.query(
      `SELECT projection, transaction_id::text AS transaction_id, position FROM ${this.checkpointTable()} WHERE projection = ANY ($1::text[])`,
      [this.projections.map((projection) => projection.name)],
    );
    const byName = new Map(rows.map((row) => [row.projection, checkpointOfRow(row)]));
    const checkpoints = this.projections.map((projection) => byName.get(projection.name) ?? START);
    // Through the event-store port: the log may live in another store than the read models (EventStoreDB).
    return this.store.readThrough(position, checkpoints);
  }

  /**
   * Each projection's checkpoint, lag and failure: this process's own, else the one the process
   * keeping it recorded (so any process, such as `ledger projections`, can report it).
   */
  async status(): Promise<ProjectionStatus[]> {
    await this.ensureCheckpointTable();
    return Promise.all(
      this.projections.map(async (projection) => {
        // The failure before the checkpoint: the page that clears a failure also moves the checkpoint, so
        // a report that shows none never pairs it with the checkpoint from before that page.
        const [stored] = await this.dataSource.query(`SELECT failure FROM ${this.checkpointTable()} WHERE projection = $1`, [projection.name]);
        const { checkpoint, eventsApplied } = await this.checkpointOf(projection);
        const lag = await this.store.countAfter(checkpoint);
        return {
          projection: projection.name,
          checkpoint,
          eventsApplied,
          lag,
          active: this.active.has(projection.name),
          failing: this.failures.get(projection.name) ?? failureFrom(stored?.failure),
        };
      }),
    );
  }

  /** The projection's table shape, worked out once per runner (it is fixed by the code). */
  private fingerprintOf(projection: AnyProjection): string {
    let fingerprint = this.fingerprints.get(projection.name);
    if (!fingerprint) this.fingerprints.set(projection.name, (fingerprint = schemaFingerprint(this.dataSource, projection)));
    return fingerprint;
  }

  private checkpointTable(): string {
    return this.dataSource.getMetadata(ProjectionCheckpoint).tablePath;
  }

  private tableOf(tx: EntityManager, projection: AnyProjection): string {
    return tx.getRepository(projection.entity).metadata.tablePath;
  }

  private checkpointReady?: Promise<void>;

  /** The checkpoint table, created (or given new columns) from its entity: it is the runner's own. */
  ensureCheckpointTable(): Promise<void> {
    this.checkpointReady ??= (async () => {
      const table = this.checkpointTable();
      await this.dataSource.query(`CREATE TABLE IF NOT EXISTS ${table} (
        projection text PRIMARY KEY, transaction_id text NOT NULL, position bigint NOT NULL,
        events_applied bigint NOT NULL DEFAULT 0, updated_at timestamptz NOT NULL, retired boolean NOT NULL DEFAULT false, schema text, failure jsonb)`);
      await this.dataSource.query(`ALTER TABLE ${table} ADD COLUMN IF NOT EXISTS schema text`);
      await this.dataSource.query(`ALTER TABLE ${table} ADD COLUMN IF NOT EXISTS failure jsonb`);
    })();
    return this.checkpointReady;
  }

}

/** A checkpoint as the checkpoint table holds it (its transaction id read as text). */
const checkpointOfRow = (row: { transaction_id: string; position: string | number }): Checkpoint => ({ transactionId: row.transaction_id, position: Number(row.position) });

/**
 * Waits `ms`, or until either signal aborts; every listener removed when it ends (a loop that rests
 * four times a second for months must not leave one behind each time).
 */
function rest(ms: number, stop: AbortSignal, nudged?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      stop.removeEventListener('abort', done);
      nudged?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    if (stop.aborted || nudged?.aborted) return done();
    stop.addEventListener('abort', done, { once: true });
    nudged?.addEventListener('abort', done, { once: true });
  });
}

/**
 * Projections rebuilt together, each counting the pages it has read: one may read its next page
 * only while it is fewer than `window` pages ahead of the slowest still reading.
 */
export class Convoy {
  private readonly read = new Map<string, number>();
  private waiting: Array<() => void> = [];

  constructor(
    names: readonly string[],
    private readonly window: number,
  ) {
    for (const name of names) this.read.set(name, 0);
  }

  async mayRead(name: string): Promise<void> {
    while ((this.read.get(name) ?? 0) - this.slowest() >= this.window) await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  advanced(name: string): void {
    this.read.set(name, (this.read.get(name) ?? 0) + 1);
    this.wake();
  }

  /** A projection done (or failed) holds no one back. */
  left(name: string): void {
    this.read.delete(name);
    this.wake();
  }

  private slowest(): number {
    let least = Number.POSITIVE_INFINITY;
    for (const pages of this.read.values()) least = Math.min(least, pages);
    return least;
  }

  private wake(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const resolve of waiting) resolve();
  }
}
