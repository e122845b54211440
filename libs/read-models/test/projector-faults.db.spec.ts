import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { DataSource } from 'typeorm';
import { type EventStore, PostgresEventStore } from '#event-store';
import { DemoHistory, DemoOpenBusiness, type LedgerCommands, runCommand } from '#governance';
import { type AnyProjection, PROJECTIONS, ProjectionRunner, openReadModelDatabase } from '#read-models';
import { type TestDatabase, createTestDatabase, logSettled } from '#testing';

/**
 * Projector faults: whatever point of a catch-up or a rebuild a projector dies at — an event it
 * cannot apply, its database sessions cut mid-transaction — a projector started afterwards brings
 * every read model to exactly what a rebuild from scratch gives. Over the whole demo history.
 */
describe('projector faults, then a restart: every read model equals a rebuild from scratch', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;
  let dataSource: DataSource;
  let reference: Record<string, string[]>;
  let logLength: number;

  /** Each read model's rows, in a stable order. */
  const snapshot = async (): Promise<Record<string, string[]>> => {
    const reader = await openReadModelDatabase(database.url, 1);
    try {
      const out: Record<string, string[]> = {};
      for (const projection of PROJECTIONS) {
        const rows = await reader.getRepository(projection.entity).find();
        out[projection.name] = rows.map((row) => JSON.stringify(row)).sort();
      }
      return out;
    } finally {
      await reader.destroy();
    }
  };
  const rebuildAll = async (runner: ProjectionRunner) => {
    for (const projection of runner.projections) await runner.rebuild(projection);
  };

  /** The same projection, failing once at the n-th event it is given (then it is mended: the restart runs the real one). */
  const failingAt = (projection: AnyProjection, n: number): AnyProjection => {
    let seen = 0;
    return {
      ...projection,
      evolve: (rows, event) => {
        seen += 1;
        if (seen === n) throw new Error(`fault injected at event ${n} of ${projection.name}`);
        return projection.evolve(rows, event as never);
      },
    } as AnyProjection;
  };

  /** Cuts every session of the read-model pool, as a crash of the projector's host would, after `afterMs`. */
  const cutSessionsAfter = (afterMs: number) =>
    new Promise<void>((resolve) => {
      setTimeout(() => {
        void database.adminPool
          .query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'projector-under-test'`)
          .catch(() => undefined)
          .then(() => resolve());
      }, afterMs);
    });

  beforeAll(async () => {
    database = await createTestDatabase();
    store = new PostgresEventStore(database.pool);
    const commands = { execute: (aggregate: never, request: never) => runCommand(store as EventStore, aggregate, request) } as unknown as LedgerCommands;
    await new DemoHistory(commands).load();
    await new DemoOpenBusiness(commands, store).load();
    await logSettled(database.pool, () => store.head());
    logLength = (await store.head()).position;
    // Its sessions are named, so a test can cut them and only them.
    const url = new URL(database.url);
    url.searchParams.set('application_name', 'projector-under-test');
    dataSource = await openReadModelDatabase(url.toString(), 3);
    const runner = new ProjectionRunner(store, dataSource, PROJECTIONS);
    await rebuildAll(runner);
    reference = await snapshot();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await store?.close();
    await database?.drop();
  });

  it('starts from a demo history that fills every read model', () => {
    expect(logLength).toBeGreaterThan(100);
    for (const projection of PROJECTIONS) expect({ projection: projection.name, rows: reference[projection.name]!.length > 0 }).toEqual({ projection: projection.name, rows: true });
  });

  it('recovers from an event a projection could not apply, at any event, during a catch-up or a rebuild', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: logLength }), fc.boolean(), fc.integer({ min: 1, max: 50 }), async (n, duringRebuild, batchSize) => {
        const clean = new ProjectionRunner(store, dataSource, PROJECTIONS);
        if (!duringRebuild) for (const projection of PROJECTIONS) await clean.reset(projection);
        // The faulty projector: each projection fails once, at its n-th event (if it gets that far).
        const faulty = new ProjectionRunner(store, dataSource, PROJECTIONS.map((p) => failingAt(p, n)), { batchSize });
        for (const projection of faulty.projections) {
          await (duringRebuild ? faulty.rebuild(projection) : faulty.catchUp(projection)).catch(() => undefined);
        }
        // Restarted with the real projections: it goes on from where each checkpoint stands.
        const restarted = new ProjectionRunner(store, dataSource, PROJECTIONS);
        for (const projection of PROJECTIONS) await restarted.catchUp(projection);
        expect(await snapshot()).toEqual(reference);
      }),
      { numRuns: 12 },
    );
  });

  it('recovers when every session of the projector is cut mid-transaction, at any moment of a rebuild', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 1, max: 100 }), async (afterMs, batchSize) => {
        const faulty = new ProjectionRunner(store, dataSource, PROJECTIONS, { batchSize });
        const cut = cutSessionsAfter(afterMs);
        await rebuildAll(faulty).catch(() => undefined);
        await cut;
        // A restarted projector is a new process: new sessions (the old pool may still hold cut ones).
        const fresh = await openReadModelDatabase(database.url, 3);
        try {
          const restarted = new ProjectionRunner(store, fresh, PROJECTIONS);
          for (const projection of PROJECTIONS) await restarted.catchUp(projection);
        } finally {
          await fresh.destroy();
        }
        expect(await snapshot()).toEqual(reference);
      }),
      { numRuns: 8 },
    );
  });
});
