import { setTimeout as sleep } from 'node:timers/promises';
import type { DataSource, QueryRunner } from 'typeorm';
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
}

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
    options: RunnerOptions = {},
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
      const rows = await tx.query(`SELECT transaction_id, position, events_applied FROM rm_checkpoints WHERE projection = $1 FOR UPDATE`, [projection.name]);
      const current: Checkpoint = rows[0] ? { transactionId: rows[0].transaction_id, position: Number(rows[0].position) } : START;
      if (current.transactionId !== from.transactionId || current.position !== from.position) return false;
      for (const event of events) if (projection.handles(event.type)) await projection.apply(event, tx);
      await tx.query(
        `INSERT INTO rm_checkpoints (projection, transaction_id, position, events_applied, updated_at) VALUES ($1, $2, $3, $4, now())
         ON CONFLICT (projection) DO UPDATE SET transaction_id = excluded.transaction_id, position = excluded.position,
           events_applied = rm_checkpoints.events_applied + $4, updated_at = now()`,
        [projection.name, to.transactionId, to.position, events.length],
      );
      return true;
    });
  }

  /** Empties the projection's tables and resets its checkpoint, in one transaction. */
  async reset(projection: Projection): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      for (const entity of projection.entities) await tx.query(`TRUNCATE ${tx.getRepository(entity).metadata.tableName}`);
      await tx.query(`DELETE FROM rm_checkpoints WHERE projection = $1`, [projection.name]);
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
      const locked = this.active.has(projection.name) || (await this.tryLock(projection));
      if (locked) {
        try {
          await this.catchUp(projection, undefined, signal);
        } catch (error) {
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
