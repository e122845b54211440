import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ERASED, PersonalDataEventStore, PostgresEventStore, PostgresPersonalDataKeys, PostgresStateSnapshots, type RecordedEvent, isSnapshotVersion } from '#event-store';
import { InMemoryDecisions, loadState, personalFieldsOf, recommendationAggregate, recommendationDecider, recommendationStreamId, stateCodeVersion } from '#governance';
import type { Principal } from '#shared-kernel';
import { type TestDatabase, createTestDatabase } from '#testing';

/**
 * Snapshots of long streams (docs/adr/0010-state-snapshots.md) over PostgreSQL: the state through
 * snapshots is the state folded from the log, at every date; a snapshot whose event's hash changed,
 * of other code, or holding a forgotten name, is never used; the application may not change one.
 */
const RECOMMENDATION = '5a0b0000-0000-4000-8000-000000000250';
const streamId = recommendationStreamId(RECOMMENDATION);
const start = new Date('2020-01-06T09:00:00Z');
const HOUR = 3_600_000;
const owner = { personId: 'snapshot-spec-owner', name: 'Illustrative Owner' };
const registrar: Principal = { personId: 'snapshot-spec-registrar', name: 'Illustrative Registrar', role: 'registrar' };

/** A recommendation with `progress` reports a day apart, every command through the decider. */
function history(progress: number, from = 0) {
  let n = from;
  const decisions = new InMemoryDecisions(() => `5a0b0000-0000-4000-8000-${String(++n).padStart(12, '0')}`, { illustrative: true }, 'snapshot-spec', new Date('2026-01-01T00:00:00Z'));
  const run = (command: Parameters<typeof recommendationDecider.decide>[1]) => decisions.run(recommendationAggregate, command, registrar, {});
  run({
    kind: 'RaiseRecommendation',
    recommendationId: RECOMMENDATION,
    source: 'inspection-report',
    reference: 'SPEC-250',
    recommendationKind: 'area-for-improvement',
    text: 'Illustrative: a recommendation reported on daily',
    addressedTo: 'home-office',
    owner,
    dueDate: '2099-12-31',
    reportPublishedOn: '2020-01-02',
    occurredAt: start,
  });
  for (let i = 1; i <= progress; i++) run({ kind: 'ReportProgress', recommendationId: RECOMMENDATION, note: `Illustrative progress ${i}`, occurredAt: new Date(start.getTime() + i * 24 * HOUR) });
  return decisions.take([streamId])[0]!;
}

describe('State snapshots of long streams', () => {
  let db: TestDatabase;
  let raw: PostgresEventStore;
  let snapshots: PostgresStateSnapshots;
  let through: PersonalDataEventStore;
  let folding: PersonalDataEventStore;
  const reads: Array<number | undefined> = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    raw = new PostgresEventStore(db.pool);
    snapshots = new PostgresStateSnapshots(db.pool);
    through = new PersonalDataEventStore(raw, new PostgresPersonalDataKeys(db.pool), personalFieldsOf, snapshots);
    folding = new PersonalDataEventStore(raw, new PostgresPersonalDataKeys(db.pool), personalFieldsOf);
    const readStream = through.readStream.bind(through);
    through.readStream = (id, options) => {
      reads.push(options?.fromVersion);
      return readStream(id, options);
    };
    const decided = history(249);
    await through.append({ streamId, streamType: decided.streamType, expectedVersion: 'no-stream', events: decided.events });
  }, 60_000);
  afterAll(() => db.drop());

  const kept = async () => (await db.adminPool.query<{ v: string }>('SELECT stream_version AS v FROM state_snapshots WHERE stream_id = $1 ORDER BY 1', [streamId])).rows.map((r) => Number(r.v));

  it('snapshots are taken at every 100th version up to 8,191, then at a 64th to a 128th of the length', () => {
    const versions = Array.from({ length: 12_000 }, (_, i) => i + 1).filter(isSnapshotVersion);
    expect(versions.slice(0, 3)).toEqual([100, 200, 300]);
    expect(versions.slice(78, 86)).toEqual([7900, 8000, 8100, 8192, 8320, 8448, 8576, 8704]);
    expect(versions.filter((v) => v > 9800 && v <= 10_240)).toEqual([9856, 9984, 10_112, 10_240]);
    expect(versions).toHaveLength(111);
  });

  it('Given a 250-event stream, When it is first loaded, Then it folds the whole log, keeps snapshots at 100 and 200, and answers as the fold does', async () => {
    reads.length = 0;
    const loaded = await loadState(through, recommendationDecider, streamId);
    expect(reads).toEqual([1]);
    expect(await kept()).toEqual([100, 200]);
    expect(loaded).toStrictEqual(await loadState(folding, recommendationDecider, streamId));
    expect(loaded.version).toBe(250);
    expect(loaded.state.progress).toHaveLength(249);
  });

  it('When it is loaded again, Then it reads only the events after the snapshot at 200, and the state is the same', async () => {
    reads.length = 0;
    const loaded = await loadState(through, recommendationDecider, streamId);
    expect(reads).toEqual([201]);
    expect(loaded).toStrictEqual(await loadState(folding, recommendationDecider, streamId));
  });

  it('When it is loaded as at any date along it, or as known at any time, Then the state is the fold of the log at that date', async () => {
    const events: RecordedEvent[] = await raw.readStream(streamId);
    const dates = [new Date(start.getTime() - HOUR), ...events.filter((_, i) => i % 17 === 0).map((e) => e.occurredAt), ...events.filter((_, i) => i % 23 === 0).map((e) => new Date(e.occurredAt.getTime() + HOUR))];
    for (const occurredUntil of dates) {
      expect(await loadState(through, recommendationDecider, streamId, { occurredUntil })).toStrictEqual(await loadState(folding, recommendationDecider, streamId, { occurredUntil }));
    }
    const recordedUntil = events[150]!.recordedAt;
    expect(await loadState(through, recommendationDecider, streamId, { recordedUntil })).toStrictEqual(await loadState(folding, recommendationDecider, streamId, { recordedUntil }));
  });

  it('Given an event entered late, dated before the snapshots, When loaded as at a date before them, Then it counts, whether a snapshot precedes that date or not', async () => {
    const late = history(249).events.length; // 250: the next version is 251
    const backDated = { ...history(1, 900).events[1]!, occurredAt: new Date(start.getTime() + 12 * HOUR) };
    await through.append({ streamId, streamType: history(0).streamType, expectedVersion: late, events: [backDated] });
    const occurredUntil = new Date(start.getTime() + 50 * 24 * HOUR);
    const loaded = await loadState(through, recommendationDecider, streamId, { occurredUntil });
    expect(loaded).toStrictEqual(await loadState(folding, recommendationDecider, streamId, { occurredUntil }));
    expect(loaded.version).toBe(251);
    expect(loaded.state.progress).toHaveLength(51);
    // After the snapshot at 200: it is used, and the late event after it still counts.
    reads.length = 0;
    const later = new Date(start.getTime() + 240 * 24 * HOUR);
    const afterSnapshot = await loadState(through, recommendationDecider, streamId, { occurredUntil: later });
    expect(reads).toEqual([201]);
    expect(afterSnapshot).toStrictEqual(await loadState(folding, recommendationDecider, streamId, { occurredUntil: later }));
    expect(afterSnapshot.state.progress).toHaveLength(241);
  });

  it('Given a snapshot whose event hash no longer matches the log, Then it is not used', async () => {
    await db.adminPool.query(`UPDATE state_snapshots SET event_hash = repeat('0', 64) WHERE stream_id = $1 AND stream_version = 200`, [streamId]);
    reads.length = 0;
    await loadState(through, recommendationDecider, streamId);
    expect(reads).toEqual([101]);
  });

  it('Given snapshots of other code, Then none is used', async () => {
    expect(await snapshots.latest({ streamId, kind: 'recommendation', codeVersion: 'other-code' }, {})).toBeUndefined();
    expect(await snapshots.latest({ streamId, kind: 'recommendation', codeVersion: stateCodeVersion() }, {})).toMatchObject({ version: 100 });
  });

  it('Given snapshots holding a name, When that person is forgotten, Then no snapshot is used and the name reads as erased', async () => {
    const { rows } = await db.adminPool.query<{ n: number; plain: boolean }>(
      `SELECT cardinality(key_ids) AS n, position($2::bytea in state) > 0 AS plain FROM state_snapshots WHERE stream_id = $1 AND stream_version = 100`,
      [streamId, Buffer.from('Illustrative Registrar')],
    );
    // The owner's name and the registrar's (who recorded each report).
    expect(rows[0]).toEqual({ n: 2, plain: false });
    await db.adminPool.query('SELECT ledger_forget_person($1)', [registrar.personId]);
    reads.length = 0;
    const loaded = await loadState(through, recommendationDecider, streamId);
    expect(reads).toEqual([1]);
    expect(loaded).toStrictEqual(await loadState(folding, recommendationDecider, streamId));
    expect(JSON.stringify(loaded.state)).toContain(ERASED);
  });

  it('Given a person named only after the snapshot at 100 forgotten, Then that older snapshot serves, the name reads as erased, and nothing holding it is kept', async () => {
    const RECOMMENDATION_B = '5a0b0000-0000-4000-8000-00000000b250';
    const other = recommendationStreamId(RECOMMENDATION_B);
    const later: Principal = { personId: 'snapshot-spec-later-registrar', name: 'Illustrative Later Registrar', role: 'registrar' };
    let n = 5000;
    const decisions = new InMemoryDecisions(() => `5a0b0000-0000-4000-8000-${String(++n).padStart(12, '0')}`, { illustrative: true }, 'snapshot-spec', new Date('2026-01-01T00:00:00Z'));
    decisions.run(recommendationAggregate, { kind: 'RaiseRecommendation', recommendationId: RECOMMENDATION_B, source: 'inspection-report', reference: 'SPEC-B', recommendationKind: 'area-for-improvement', text: 'Illustrative', addressedTo: 'home-office', owner, dueDate: '2099-12-31', reportPublishedOn: '2020-01-02', occurredAt: start }, registrar, {});
    for (let i = 1; i <= 249; i++) {
      decisions.run(recommendationAggregate, { kind: 'ReportProgress', recommendationId: RECOMMENDATION_B, note: `Illustrative progress ${i}`, occurredAt: new Date(start.getTime() + i * 24 * HOUR) }, i <= 150 ? registrar : later, {});
    }
    const decided = decisions.take([other])[0]!;
    const fresh = new PersonalDataEventStore(raw, new PostgresPersonalDataKeys(db.pool), personalFieldsOf, new PostgresStateSnapshots(db.pool));
    await fresh.append({ streamId: other, streamType: decided.streamType, expectedVersion: 'no-stream', events: decided.events });
    await loadState(fresh, recommendationDecider, other);
    const keptFor = async () => (await db.adminPool.query<{ v: string }>('SELECT stream_version AS v FROM state_snapshots WHERE stream_id = $1 ORDER BY 1', [other])).rows.map((r) => Number(r.v));
    expect(await keptFor()).toEqual([100, 200]);

    await db.adminPool.query('SELECT ledger_forget_person($1)', [later.personId]);
    const asked: Array<number | undefined> = [];
    const readStream = fresh.readStream.bind(fresh);
    fresh.readStream = (id, options) => (asked.push(options?.fromVersion), readStream(id, options));
    const loaded = await loadState(fresh, recommendationDecider, other);
    expect(asked).toEqual([101]);
    expect(loaded).toStrictEqual(await loadState(folding, recommendationDecider, other));
    expect(loaded.state.progress.at(-1)!.by).toEqual({ personId: later.personId, name: ERASED });
    expect(loaded.state.progress[0]!.by.name).toBe(registrar.name);
    await db.adminPool.query('DELETE FROM state_snapshots WHERE stream_id = $1 AND stream_version = 200', [other]);
    await loadState(fresh, recommendationDecider, other);
    expect(await keptFor()).toEqual([100]);
  });

  it('Given a short stream, When it is loaded, Then no snapshot is asked for (a command on it costs no extra query)', async () => {
    const other = recommendationStreamId('5a0b0000-0000-4000-8000-000000000003');
    const decided = history(2);
    const short = decided.events.map((e) => ({ ...e, data: { ...(e.data as object), ...((e.data as { recommendationId?: string }).recommendationId ? { recommendationId: '5a0b0000-0000-4000-8000-000000000003' } : {}) } }));
    await through.append({ streamId: other, streamType: decided.streamType, expectedVersion: 'no-stream', events: short.map((e, i) => ({ ...e, eventId: `5a0b0000-0000-4000-8000-00000000030${i}` })) });
    const asked: string[] = [];
    const latest = snapshots.latest.bind(snapshots);
    snapshots.latest = (key, bounds) => (asked.push(key.streamId), latest(key, bounds));
    try {
      expect((await loadState(through, recommendationDecider, other)).version).toBe(3);
      expect((await loadState(through, recommendationDecider, streamId)).version).toBe(251);
      expect(asked).toEqual([streamId]);
    } finally {
      snapshots.latest = latest;
    }
  });

  it('the application may add a snapshot, not change or delete one', async () => {
    await expect(db.pool.query('UPDATE state_snapshots SET state = state')).rejects.toThrow(/permission denied/);
    await expect(db.pool.query('DELETE FROM state_snapshots')).rejects.toThrow(/permission denied/);
  });
});
