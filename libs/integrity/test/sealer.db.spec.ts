import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type EventToAppend, PostgresEventStore } from '#event-store';
import {
  FileSink,
  ProofService,
  SEAL_EVENT,
  SEAL_STREAM,
  SealKeyring,
  Sealer,
  consistencyProofProblem,
  inclusionProofProblem,
  verifyLedger,
} from '#integrity';
import { type TestDatabase, createTestDatabase, logSettled } from '#testing';

const signature = (n: number): EventToAppend => ({
  eventId: randomUUID(),
  type: 'AgreementSigned',
  data: { party: 'kent', role: 'chief-officer', signatory: { personId: `p-${n}`, name: `Chief Constable ${n}` } },
  metadata: { actor: { personId: 'tester', name: 'Tester' } },
  occurredAt: new Date(Date.UTC(2015, 3, n)),
});

describe('the sealer, on real PostgreSQL', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;
  let keysDir: string;
  let sinkDir: string;
  let sealer: Sealer;
  const streams = [`collaboration-${randomUUID()}`, `decision-${randomUUID()}`];

  beforeAll(async () => {
    database = await createTestDatabase();
    store = new PostgresEventStore(database.pool);
    keysDir = await mkdtemp(join(tmpdir(), 'seal-keys-'));
    sinkDir = await mkdtemp(join(tmpdir(), 'seal-sink-'));
    sealer = new Sealer(store, database.pool, await SealKeyring.openOrCreate(keysDir), { intervalMs: 0, sinks: [new FileSink(sinkDir)], maxLeavesPerSeal: 5 });
  });
  afterAll(async () => {
    await store?.close();
    await database?.drop();
    for (const dir of [keysDir, sinkDir]) if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('given nothing recorded, seals nothing', async () => {
    expect(await sealer.sealNow()).toEqual([]);
  });

  it('seals a backlog in seals of at most maxLeavesPerSeal, chained, each recorded as an event and written to the sink', async () => {
    for (let n = 1; n <= 8; n++) await store.append({ streamId: streams[n % 2]!, expectedVersion: 'any', events: [signature(n)] });
    await logSettled(database.pool, () => store.head());
    const made = await sealer.sealNow();
    expect(made.map((s) => [s.seq, s.treeSize, s.eventCount])).toEqual([
      [1, 5, 5],
      [2, 9, 9], // the three left, and seal 1's own LogSealed event
    ]);
    expect(made[1]!.previousSealHash).toBe(made[0]!.sealHash);
    const recorded = await store.readStream(SEAL_STREAM);
    expect(recorded.map((e) => [e.type, (e.data as { seq: number }).seq])).toEqual([
      [SEAL_EVENT, 1],
      [SEAL_EVENT, 2],
    ]);
    expect(await readdir(sinkDir)).toEqual(['seal-000000000001.json', 'seal-000000000002.json']);
  });

  it('on the schedule, does not seal again when only its own last event is new; on demand it does', async () => {
    await logSettled(database.pool, () => store.head());
    expect(await sealer.sealNow({ onlyIfNew: true })).toEqual([]);
    const status = await sealer.status();
    expect(status).toMatchObject({ latest: { seq: 2, treeSize: 9 }, unsealedEvents: 0, unsealedAccessEntries: 0, lagSeconds: 0 });
    const [third] = await sealer.sealNow();
    expect(third).toMatchObject({ seq: 3, treeSize: 10 });
  });

  it('serves inclusion proofs that verify from the event’s stored fields, and consistency proofs between seals', async () => {
    const proofs = new ProofService(store, sealer.seals);
    const [first] = await store.readStream(streams[1]!);
    const proof = await proofs.forEvent(first!.eventId);
    expect(proof).toMatchObject({ leafIndex: 0, treeSize: 10, seal: { seq: 3 } });
    expect(inclusionProofProblem(proof)).toBeUndefined();
    const earlier = await proofs.forEvent(first!.eventId, 5);
    expect(earlier.seal.seq).toBe(1);
    expect(inclusionProofProblem({ ...proof, leafIndex: 1 })).toMatch(/does not lead/);
    for (const [from, to] of [[5, 9], [5, 10], [9, 10], [10, 10]] as const) {
      expect(consistencyProofProblem(await proofs.consistency(from, to))).toBeUndefined();
    }
    const proof59 = await proofs.consistency(5, 9);
    expect(consistencyProofProblem({ ...proof59, from: (await proofs.consistency(9, 10)).from })).toMatch(/does not extend|does not hold/);
  });

  it('verifies the whole ledger clean: every chain, every seal, the tree recomputed from the log', async () => {
    await logSettled(database.pool, () => store.head());
    const report = await verifyLedger(store, sealer.seals);
    expect(report.ok).toBe(true);
    expect(report.seals).toMatchObject({ sealsChecked: 3, leavesChecked: 10, unsealedEvents: 1, faults: [] });
  });

  it('lets only one sealer seal at a time: two at once make consecutive seals, never two of one number', async () => {
    for (let n = 9; n <= 10; n++) await store.append({ streamId: streams[0]!, expectedVersion: 'any', events: [signature(n)] });
    await logSettled(database.pool, () => store.head());
    const other = new Sealer(store, database.pool, await SealKeyring.openOrCreate(keysDir), { intervalMs: 0 });
    const [a, b] = await Promise.all([sealer.sealNow(), other.sealNow()]);
    // Whichever takes the lock first seals the two events (and seal 3's event); the other, then, that seal's own event.
    expect([...a, ...b].map((s) => s.seq).sort()).toEqual([4, 5]);
    // Gap-free readers see the last seal's event once no older transaction of the shared test cluster is open.
    await logSettled(database.pool, () => store.head());
    expect((await verifyLedger(store, sealer.seals)).ok).toBe(true);
  });

  it('refuses, in the database, a seal that does not follow the last one or whose statement is not its fields', async () => {
    const latest = (await sealer.seals.latest())!;
    const forged = { ...latest, seq: latest.seq + 2 };
    await expect(sealer.seals.write({ seal: forged, nodes: [] })).rejects.toThrow(/does not follow/);
    const edited = { ...latest, seq: latest.seq + 1, previousSealHash: latest.sealHash, treeSize: latest.treeSize + 1, eventCount: latest.eventCount + 1 };
    await expect(sealer.seals.write({ seal: edited, nodes: [] })).rejects.toThrow(/statement or seal hash/);
    const { rows } = await database.pool.query('SELECT count(*)::int AS n FROM seals');
    expect(rows[0].n).toBe(latest.seq);
    await expect(database.pool.query('DELETE FROM seals')).rejects.toThrow(/permission denied|append-only/);
    await expect(database.pool.query(`INSERT INTO merkle_nodes (level, idx, hash) VALUES (0, 999, '\\x00')`)).rejects.toThrow(/permission denied/);
  });
});
