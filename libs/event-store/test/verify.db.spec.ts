import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type EventToAppend, PostgresEventStore, verifyLog } from '#event-store';
import { type TestDatabase, createTestDatabase, logSettled } from '#testing';

/**
 * `verify` against real PostgreSQL, tampered with by a superuser past the triggers
 * (session_replication_role = replica): each kind of tampering is found and named, each broken
 * stream reported once, at its first fault; an untouched ledger verifies clean.
 */
const event = (n: number): EventToAppend => ({
  eventId: randomUUID(),
  type: 'AgreementSigned',
  data: { party: 'kent', role: 'chief-officer', signatory: { personId: `p-${n}`, name: `Signatory ${n}` } },
  metadata: { actor: { personId: 'tester', name: 'Tester' } },
  occurredAt: new Date(Date.UTC(2015, 0, n)),
});

describe('verify, against a tampered ledger', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;
  const streams: Record<string, string> = {};
  const asSuperuserPastTriggers = async (sql: string, values: unknown[]) => {
    const client = await database.adminPool.connect();
    try {
      await client.query('SET session_replication_role = replica');
      await client.query(sql, values);
    } finally {
      await client.query('RESET session_replication_role');
      client.release();
    }
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    store = new PostgresEventStore(database.pool);
    for (const name of ['untouched', 'edited', 'deleted', 'swapped', 'truncated', 'bumped']) {
      streams[name] = `collaboration-${randomUUID()}`;
      for (let n = 1; n <= 4; n++) await store.append({ streamId: streams[name]!, expectedVersion: 'any', events: [event(n)] });
    }
    await logSettled(database.pool, () => store.head());
  });
  afterAll(async () => {
    await store?.close();
    await database?.drop();
  });

  it('verifies an untouched ledger clean', async () => {
    const report = await verifyLog(store);
    expect(report).toMatchObject({ ok: true, faults: [], eventsChecked: 24, streamsChecked: 6 });
  });

  it('finds and names each kind of tampering, once per broken stream, at its first fault', async () => {
    const at = (name: string, version: number) => [streams[name], version];
    await asSuperuserPastTriggers(`UPDATE events SET data = jsonb_set(data, '{signatory,name}', '"Someone else"') WHERE stream_id = $1 AND stream_version = $2`, at('edited', 2));
    await asSuperuserPastTriggers('DELETE FROM events WHERE stream_id = $1 AND stream_version = $2', at('deleted', 2));
    for (const [from, to] of [[2, 1000], [3, 2], [1000, 3]]) {
      await asSuperuserPastTriggers('UPDATE events SET stream_version = $3 WHERE stream_id = $1 AND stream_version = $2', [streams.swapped, from, to]);
    }
    await asSuperuserPastTriggers('DELETE FROM events WHERE stream_id = $1 AND stream_version = $2', at('truncated', 4));
    await asSuperuserPastTriggers('UPDATE streams SET version = version + 1 WHERE stream_id = $1', [streams.bumped]);

    const report = await verifyLog(store);
    expect(report.ok).toBe(false);
    const found = Object.fromEntries(report.faults.map((f) => [f.streamId, [f.kind, f.streamVersion]]));
    expect(found).toEqual({
      [streams.edited!]: ['content', 2],
      [streams.deleted!]: ['missing-event', 2],
      [streams.swapped!]: ['order', 2],
      [streams.truncated!]: ['head-mismatch', 4],
      [streams.bumped!]: ['head-mismatch', 5],
    });
    expect(report.faults.every((f) => f.detail.length > 10)).toBe(true);
    // One stream at a time, the same answer.
    expect((await verifyLog(store, { streamId: streams.edited! })).faults).toEqual([expect.objectContaining({ kind: 'content', streamVersion: 2 })]);
    expect((await verifyLog(store, { streamId: streams.untouched! })).ok).toBe(true);
  });
});
