import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import {
  EventStoreDbEventStore,
  type EventToAppend,
  ImportRefused,
  type ImportTarget,
  PostgresEventStore,
  PostgresImportTarget,
  type RecordedEvent,
  START,
  copyLedger,
  verifyLog,
} from '#event-store';
import { type TestDatabase, createTestDatabase, logSettled } from '#testing';
import { FakeEventStoreDbClient } from './fake-eventstoredb-client.js';

/**
 * `migrate-store` between two real PostgreSQL databases (each provisioned as in production, the
 * target written through the owner-only ledger_import of migration 0006), and through the
 * EventStoreDB adapter over its in-process fake client (no server): ids, order, both clocks,
 * schema versions and hashes survive; an interrupted copy resumes; the copy verifies.
 */
const event = (n: number, overrides: Partial<EventToAppend> = {}): EventToAppend => ({
  eventId: randomUUID(),
  type: n % 2 ? 'AgreementSigned' : 'BenefitIdentified',
  schemaVersion: 1 + (n % 3),
  data: { n, note: 'Gŵyl — ünïcødé', amount: 1250000.5 },
  metadata: { actor: { personId: `p-${n}` } },
  occurredAt: new Date(Date.UTC(2012 + (n % 5), n % 12, 1 + (n % 27))),
  ...overrides,
});

async function readEverything(store: Pick<PostgresEventStore, 'readAll'>): Promise<RecordedEvent[]> {
  const all: RecordedEvent[] = [];
  let checkpoint = START;
  for (;;) {
    const page = await store.readAll(checkpoint, { maxCount: 100 });
    if (page.events.length === 0) return all;
    all.push(...page.events);
    checkpoint = page.checkpoint;
  }
}

/** What must survive a copy: everything but the store's own positions and transaction ids. */
const recorded = (e: RecordedEvent) => ({
  eventId: e.eventId,
  streamId: e.streamId,
  streamVersion: e.streamVersion,
  type: e.type,
  schemaVersion: e.schemaVersion,
  data: e.data,
  metadata: e.metadata,
  occurredAt: e.occurredAt.toISOString(),
  recordedAt: e.recordedAt.toISOString(),
  prevHash: e.prevHash,
  hash: e.hash,
  contentDigest: e.contentDigest,
});

/** The owner's pool on a test database (ledger_import is the owner's alone). */
function ownerPool(database: TestDatabase): pg.Pool {
  const pool = new pg.Pool({ connectionString: database.ownerUrl, max: 2 });
  pool.on('error', (error) => console.warn(`owner pool: idle connection closed: ${error.message}`));
  return pool;
}

/** A target that fails after `limit` events, as a copy killed half-way would. */
function failingAfter(target: ImportTarget, limit: number): ImportTarget {
  let imported = 0;
  return {
    progress: () => target.progress(),
    async import(events, streamTypeOf) {
      if (imported + events.length > limit) throw new Error('killed half-way');
      await target.import(events, streamTypeOf);
      imported += events.length;
    },
  };
}

describe('migrate-store: copying a ledger between stores', () => {
  let source: TestDatabase;
  let target: TestDatabase;
  let sourceStore: PostgresEventStore;
  let targetStore: PostgresEventStore;
  let targetOwner: pg.Pool;
  let original: RecordedEvent[];

  beforeAll(async () => {
    // One after the other: provisioning alters the shared roles, which two at once would update concurrently.
    source = await createTestDatabase();
    target = await createTestDatabase();
    sourceStore = new PostgresEventStore(source.pool);
    targetStore = new PostgresEventStore(target.pool);
    targetOwner = ownerPool(target);
    const streams = ['collaboration-a', 'decision-b', 'risk-appetite-kent', 'benefit-c'].map((s) => `${s}-${randomUUID()}`);
    let n = 0;
    for (let round = 0; round < 6; round++) {
      for (const streamId of streams) {
        await sourceStore.append({ streamId, streamType: streamId.startsWith('risk-appetite') ? 'risk-appetite' : undefined, expectedVersion: 'any', events: [event(++n), event(++n)].slice(0, 1 + (round % 2)) });
      }
    }
    await logSettled(source.pool, () => sourceStore.head());
    original = await readEverything(sourceStore);
  });

  afterAll(async () => {
    await sourceStore?.close();
    await targetStore?.close();
    await targetOwner?.end();
    await source?.drop();
    await target?.drop();
  });

  it('copies PostgreSQL to PostgreSQL, resuming where a killed run stopped, keeping ids, order, both clocks and hashes; the copy verifies', async () => {
    const importTarget = new PostgresImportTarget(targetOwner);
    await expect(copyLedger(sourceStore, failingAfter(importTarget, 20), { batchSize: 7 })).rejects.toThrow('killed half-way');
    expect((await importTarget.progress()).count).toBe(14);

    const progress: Array<[number, number]> = [];
    const report = await copyLedger(sourceStore, importTarget, { batchSize: 7, onProgress: (copied, already) => progress.push([copied, already]) });
    expect(report).toEqual({ alreadyCopied: 14, copied: original.length - 14 });
    expect(progress.at(-1)).toEqual([original.length - 14, 14]);

    await logSettled(target.pool, () => targetStore.head());
    const copy = await readEverything(targetStore);
    expect(copy.map(recorded)).toEqual(original.map(recorded));
    expect(await verifyLog(targetStore)).toMatchObject({ ok: true, eventsChecked: original.length });
    // A run after the copy is complete copies nothing.
    expect(await copyLedger(sourceStore, importTarget)).toEqual({ alreadyCopied: original.length, copied: 0 });
  });

  it('keeps the recorded clock ahead of the imported events: an append after the copy is never recorded before them', async () => {
    const streamId = `collaboration-after-${randomUUID()}`;
    await targetStore.append({ streamId, expectedVersion: 'no-stream', events: [event(99)] });
    const [appended] = await targetStore.readStream(streamId);
    expect(appended!.recordedAt.getTime()).toBeGreaterThanOrEqual(original.at(-1)!.recordedAt.getTime());
  });

  it('refuses to resume into a target that holds another ledger', async () => {
    await expect(copyLedger(new PostgresEventStore(source.pool), { progress: async () => ({ count: 3, lastEventId: randomUUID() }), import: async () => undefined })).rejects.toBeInstanceOf(ImportRefused);
    await expect(copyLedger({ readAll: async (after) => ({ events: [], checkpoint: after }) }, { progress: async () => ({ count: 1, lastEventId: randomUUID() }), import: async () => undefined })).rejects.toThrow(/more than the source/);
  });

  describe('ledger_import refuses what would not be an exact extension of the log', () => {
    let fresh: TestDatabase;
    let owner: pg.Pool;
    let importTarget: PostgresImportTarget;
    beforeAll(async () => {
      fresh = await createTestDatabase();
      owner = ownerPool(fresh);
      importTarget = new PostgresImportTarget(owner);
    });
    afterAll(async () => {
      await owner?.end();
      await fresh?.drop();
    });
    const first = () => original.find((e) => e.streamVersion === 1)!;
    const second = () => original.find((e) => e.streamId === first().streamId && e.streamVersion === 2)!;

    it('is the owner’s alone: the application role may not execute it', async () => {
      await expect(fresh.pool.query('SELECT ledger_import($1::jsonb)', ['[]'])).rejects.toThrow(/permission denied/);
    });

    it('refuses an event that does not extend its stream (a missing version, another previous hash)', async () => {
      await expect(importTarget.import([second()])).rejects.toThrow(/does not extend its stream/);
      await expect(importTarget.import([{ ...first(), prevHash: 'f'.repeat(64) }])).rejects.toBeInstanceOf(ImportRefused);
      expect((await importTarget.progress()).count).toBe(0);
    });

    it('refuses an event whose hash is not its link (altered content or recorded time)', async () => {
      await expect(importTarget.import([{ ...first(), recordedAt: new Date(first().recordedAt.getTime() + 1) }])).rejects.toThrow(/its hash is not its link/);
      await expect(importTarget.import([{ ...first(), contentDigest: 'a'.repeat(64) }])).rejects.toThrow(/its hash is not its link/);
    });

    it('refuses an event recorded before what the log already recorded, and an event id already in it', async () => {
      await importTarget.import([first()]);
      // Another stream's first event, genuinely linked, but recorded an hour before the log's last.
      const earlier = new Date(first().recordedAt.getTime() - 3_600_000);
      const { chainLink, GENESIS_HASH, contentDigest } = await import('#event-store');
      const other = { ...first(), eventId: randomUUID(), streamId: `collaboration-z-${randomUUID()}`, recordedAt: earlier };
      const digest = contentDigest(other);
      await expect(importTarget.import([{ ...other, contentDigest: digest, hash: chainLink(GENESIS_HASH, other.streamId, 1, earlier, digest) }])).rejects.toThrow(/before what the log has already recorded/);
      const reused = { ...first(), streamId: `collaboration-y-${randomUUID()}` };
      await expect(importTarget.import([{ ...reused, hash: chainLink(GENESIS_HASH, reused.streamId, 1, reused.recordedAt, reused.contentDigest!) }])).rejects.toThrow(/already in the target/);
      expect((await importTarget.progress()).count).toBe(1);
    });
  });

  it('copies PostgreSQL to the EventStoreDB adapter and back (over its in-process fake client, no server): the same record', async () => {
    const esdb = new EventStoreDbEventStore(new FakeEventStoreDbClient());
    const killed = await copyLedger(sourceStore, failingAfter(esdb.importTarget(), 9), { batchSize: 5 }).catch((e: Error) => e);
    expect(killed).toBeInstanceOf(Error);
    expect(await copyLedger(sourceStore, esdb.importTarget(), { batchSize: 5 })).toEqual({ alreadyCopied: 5, copied: original.length - 5 });
    expect((await readEverything(esdb)).map(recorded)).toEqual(original.map(recorded));
    expect(await verifyLog(esdb)).toMatchObject({ ok: true, eventsChecked: original.length });

    const back = await createTestDatabase();
    const backOwner = ownerPool(back);
    try {
      await copyLedger(esdb, new PostgresImportTarget(backOwner));
      const backStore = new PostgresEventStore(back.pool);
      // Transactions of other test files in the cluster can hold gap-free readers back for a moment.
      await logSettled(back.pool, () => backStore.head());
      expect((await readEverything(backStore)).map(recorded)).toEqual(original.map(recorded));
      expect((await verifyLog(backStore)).ok).toBe(true);
    } finally {
      await backOwner.end();
      await back.drop();
    }
  });
});
