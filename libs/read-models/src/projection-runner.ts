import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource as DataSourceCtor, type DataSource, type DataSourceOptions, type QueryRunner } from 'typeorm';
import { type Checkpoint, type EventStore, type RecordedEvent, START } from '#event-store';
import { ProjectionCheckpoint } from './entities.js';
import type { Projection } from './projection.js';

export interface ProjectionStatus {
  projection: string;
  checkpoint: Checkpoint;
  eventsApplied: number;
  /** Events in the log after the checkpoint that a gap-free reader can already see. */
  lag: number;
  /** True when this process holds the projection's lock and keeps it current. */
  active: boolean;
}

export interface RunnerOptions {
  batchSize?: number;
  pollIntervalMs?: number;
  log?: (message: string) => void;
  /** Called when a new version has caught up beside the live one, just before it takes over (for tests). */
  beforeSwap?: (projection: Projection) => Promise<void>;
}

/** A newer version of the projection took over its tables: this runner must not write to them. */
export class ProjectionRetired extends Error {
  constructor(readonly projection: string) {
    super(`projection ${projection} was retired: a newer version took over its tables`);
  }
}

const SHADOW_PREFIX = 'bg_';
const baseName = (name: string) => name.replace(/\.v\d+$/, '');

/**
 * Keeps projections current from the global log, in gap-free order. Each page of events is applied
 * in one transaction that also moves the checkpoint, so a crash can neither apply an event twice
 * nor skip one. Rebuild empties a projection and resets its checkpoint; the same catch-up then
 * replays it, whether in this process or in the one that holds the projection's lock.
 */
export class ProjectionRunner {
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly log: (message: string) => void;
  private controller?: AbortController;
  private loops: Promise<void>[] = [];
  private readonly active = new Set<string>();
  private lockSession?: QueryRunner;
  private lockQueue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: EventStore,
    private readonly dataSource: DataSource,
    readonly projections: readonly Projection[],
    private readonly options: RunnerOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 500;
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
    this.log = options.log ?? (() => undefined);
  }

  projection(name: string): Projection {
    const found = this.projections.find((p) => p.name === name || p.name.split('.v')[0] === name);
    if (!found) throw new Error(`no projection "${name}"; there are: ${this.projections.map((p) => p.name).join(', ')}`);
    return found;
  }

  async checkpointOf(projection: Projection): Promise<{ checkpoint: Checkpoint; eventsApplied: number }> {
    const row = await this.dataSource.getRepository(ProjectionCheckpoint).findOneBy({ projection: projection.name });
    return row
      ? { checkpoint: { transactionId: row.transactionId, position: Number(row.position) }, eventsApplied: Number(row.eventsApplied) }
      : { checkpoint: START, eventsApplied: 0 };
  }

  /** Applies every event after the checkpoint; returns how many it read. Live running and rebuild both use it. */
  async catchUp(projection: Projection, onProgress?: (read: number) => void, signal?: AbortSignal): Promise<number> {
    let read = 0;
    let { checkpoint } = await this.checkpointOf(projection);
    while (!signal?.aborted) {
      const page = await this.store.readAll(checkpoint, { maxCount: this.batchSize });
      if (page.events.length === 0) return read;
      const applied = await this.applyPage(projection, checkpoint, page.events, page.checkpoint);
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

  /** One transaction: the page's events and the new checkpoint, or nothing. False if the checkpoint was not `from`. */
  private applyPage(projection: Projection, from: Checkpoint, events: RecordedEvent[], to: Checkpoint): Promise<boolean> {
    return this.dataSource.transaction(async (tx) => {
      const table = tx.getRepository(ProjectionCheckpoint).metadata.tableName;
      const rows = await tx.query(`SELECT transaction_id, position, retired FROM ${table} WHERE projection = $1 FOR UPDATE`, [projection.name]);
      if (rows[0]?.retired) throw new ProjectionRetired(projection.name);
      const current: Checkpoint = rows[0] ? { transactionId: rows[0].transaction_id, position: Number(rows[0].position) } : START;
      if (current.transactionId !== from.transactionId || current.position !== from.position) return false;
      for (const event of events) if (projection.handles(event.type)) await projection.apply(event, tx);
      await tx.query(
        `INSERT INTO ${table} (projection, transaction_id, position, events_applied, updated_at) VALUES ($1, $2, $3, $4, now())
         ON CONFLICT (projection) DO UPDATE SET transaction_id = excluded.transaction_id, position = excluded.position,
           events_applied = ${table}.events_applied + $4, updated_at = now()`,
        [projection.name, to.transactionId, to.position, events.length],
      );
      return true;
    });
  }

  /** Empties the projection's tables and resets its checkpoint, in one transaction. */
  async reset(projection: Projection): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      for (const entity of projection.entities) await tx.query(`TRUNCATE ${tx.getRepository(entity).metadata.tableName}`);
      await tx.query(`DELETE FROM ${tx.getRepository(ProjectionCheckpoint).metadata.tableName} WHERE projection = $1`, [projection.name]);
    });
  }

  /** Reset, then replay the whole log into the projection. */
  async rebuild(projection: Projection, onProgress?: (read: number) => void): Promise<number> {
    await this.reset(projection);
    return this.catchUp(projection, onProgress);
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

  private async run(projection: Projection, signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      const wasActive = this.active.has(projection.name);
      const locked = wasActive || (await this.tryLock(projection));
      if (locked) {
        try {
          if (!wasActive) await this.takeOverFromPredecessor(projection, signal);
          await this.catchUp(projection, undefined, signal);
        } catch (error) {
          if (error instanceof ProjectionRetired) {
            this.log(error.message);
            return;
          }
          this.log(`projection ${projection.name} failed and will retry: ${(error as Error).message}`);
        }
      }
      await sleep(locked ? this.pollIntervalMs : 5_000, undefined, { signal }).catch(() => undefined);
    }
  }

  private async tryLock(projection: Projection): Promise<boolean> {
    // One session serves every projection's lock: its queries go one at a time.
    const attempt = this.lockQueue.then(() =>
      this.lockSession!.query('SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked', [`projection:${projection.name}`]),
    );
    this.lockQueue = attempt.catch(() => undefined);
    const [{ locked }] = await attempt;
    if (locked) this.active.add(projection.name);
    return locked;
  }

  /**
   * Blue-green: when this version has never run but an older version of the same projection has,
   * build this version beside the live tables (same entities under a prefix) while the old ones keep
   * serving, then, once caught up, swap the tables and checkpoints in one transaction and retire the
   * old version, whose runners stop at their next page.
   */
  private async takeOverFromPredecessor(projection: Projection, signal: AbortSignal): Promise<void> {
    const [own] = await this.dataSource.query(`SELECT 1 FROM rm_checkpoints WHERE projection = $1`, [projection.name]);
    if (own) return;
    const [predecessor] = await this.dataSource.query(
      `SELECT projection FROM rm_checkpoints WHERE projection LIKE $1 AND projection <> $2 AND NOT retired`,
      [`${baseName(projection.name)}.v%`, projection.name],
    );
    if (!predecessor) return;
    const old = predecessor.projection as string;
    this.log(`building ${projection.name} beside ${old}, which keeps serving`);
    const shadow = new DataSourceCtor({ ...this.dataSource.options, entityPrefix: SHADOW_PREFIX } as DataSourceOptions);
    await shadow.initialize();
    try {
      const builder = new ProjectionRunner(this.store, shadow, [projection], { batchSize: this.batchSize });
      await builder.reset(projection);
      await builder.catchUp(projection, undefined, signal);
      if (signal.aborted) return;
      await this.options.beforeSwap?.(projection);
      await this.dataSource.transaction(async (tx) => {
        // Waits for the old version's page in flight; its next page finds itself retired.
        await tx.query(`SELECT 1 FROM rm_checkpoints WHERE projection = $1 FOR UPDATE`, [old]);
        for (const entity of projection.entities) {
          const live = tx.getRepository(entity).metadata.tableName;
          await tx.query(`DROP TABLE ${live}`);
          await tx.query(`ALTER TABLE ${SHADOW_PREFIX}${live} RENAME TO ${live}`);
        }
        await tx.query(
          `INSERT INTO rm_checkpoints (projection, transaction_id, position, events_applied, updated_at, retired)
           SELECT projection, transaction_id, position, events_applied, now(), false FROM ${SHADOW_PREFIX}rm_checkpoints WHERE projection = $1`,
          [projection.name],
        );
        await tx.query(`UPDATE rm_checkpoints SET retired = true, updated_at = now() WHERE projection = $1`, [old]);
      });
      this.log(`${projection.name} took over from ${old}`);
    } finally {
      await shadow.destroy();
    }
  }

  async status(): Promise<ProjectionStatus[]> {
    return Promise.all(
      this.projections.map(async (projection) => {
        const { checkpoint, eventsApplied } = await this.checkpointOf(projection);
        const [{ lag }] = await this.dataSource.query(
          `SELECT count(*)::int AS lag FROM events
            WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint) AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())`,
          [checkpoint.transactionId, checkpoint.position],
        );
        return { projection: projection.name, checkpoint, eventsApplied, lag, active: this.active.has(projection.name) };
      }),
    );
  }
}
