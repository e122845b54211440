import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { Column, DataSource, type DataSourceOptions, Entity, PrimaryColumn } from 'typeorm';
import { type EventToAppend, PostgresEventStore, START } from '#event-store';
import {
  DecisionLogEntry,
  OfficeTenure,
  type Projection,
  ProjectionNotYetLive,
  ProjectionRetired,
  ProjectionRunner,
  RegisterEntry,
  SignatureCell,
  decisionLogProjection,
  officeHoldersProjection,
  READ_MODEL_ENTITIES,
  openReadModelDatabase,
  registerProjection,
  signatureMatrixProjection,
} from '#read-models';
import { type TestDatabase, createTestDatabase, logSettled } from '#testing';

/** The name of a projection's next version: register.v4 → register.v5. */
const nextVersion = (name: string) => name.replace(/\.v(\d+)$/, (_m, v: string) => `.v${Number(v) + 1}`);

const ev = (type: string, data: object, occurredAt: string): EventToAppend => ({ eventId: randomUUID(), type, data, occurredAt: new Date(occurredAt) });

/** A projection of the test's own: how many events each stream has, failing on demand. */
@Entity({ name: 'rm_test_counting' })
class CountingRow {
  @PrimaryColumn({ type: 'text', name: 'stream_id' })
  streamId!: string;

  @Column({ type: 'int' })
  events!: number;
}
/** Another of the test's own, whose page fails until it is mended. */
@Entity({ name: 'rm_test_mended' })
class MendedRow {
  @PrimaryColumn({ type: 'text', name: 'stream_id' })
  streamId!: string;

  @Column({ type: 'int' })
  events!: number;
}
const EVERY_TYPE = ['OfficeHolderAppointed', 'OfficeHandedOver', 'CollaborationProposed', 'AgreementSigned', 'AgreementCameIntoForce', 'AnnualBudgetSet', 'DecisionProposed', 'DecisionEscalated', 'DecisionApproved', 'DecisionRejected'];

describe('projections over PostgreSQL', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let countingSource: DataSource;
  let store: PostgresEventStore;
  const collaborationId = randomUUID();
  const decisionId = randomUUID();

  beforeAll(async () => {
    database = await createTestDatabase();
    store = new PostgresEventStore(database.pool);
    dataSource = await openReadModelDatabase(database.url, 3);
    countingSource = await new DataSource({ ...dataSource.options, entities: [...READ_MODEL_ENTITIES, CountingRow, MendedRow] } as DataSourceOptions).initialize();
    // Given: an office, a collaboration that came into force, and a decision beyond delegation.
    await store.append({
      streamId: 'office-kent-chief-officer',
      expectedVersion: 'no-stream',
      events: [
        ev('OfficeHolderAppointed', { forceCode: 'kent', office: 'chief-officer', holder: { personId: 'a', name: 'Alice' }, basis: 'substantive' }, '2014-01-01Z'),
        ev('OfficeHandedOver', { forceCode: 'kent', office: 'chief-officer', outgoing: { personId: 'a', name: 'Alice' }, incoming: { personId: 'b', name: 'Bob' }, basis: 'acting', note: '', pending: [{ kind: 'agreement-signature', collaborationId, name: 'Alliance' }] }, '2015-06-01Z'),
      ],
    });
    await store.append({
      streamId: `collaboration-${collaborationId}`,
      expectedVersion: 'no-stream',
      events: [
        ev('CollaborationProposed', { collaborationId, name: 'Alliance', purpose: 'p', functions: ['f'], parties: ['kent', 'essex'], leadForce: 'essex', costSharing: 'c', noticePeriodMonths: 12, reviewDate: '2018-01-01', proposedBy: { personId: 'm', name: 'M' } }, '2015-01-01Z'),
        ...['kent', 'essex'].flatMap((party) =>
          ['chief-officer', 'policing-body'].map((role) => ev('AgreementSigned', { party, role, signatory: { personId: `${party}-${role}`, name: `${party} ${role}` } }, '2015-07-01Z')),
        ),
        ev('AgreementCameIntoForce', { signatures: [] }, '2015-07-01Z'),
        ev('AnnualBudgetSet', { financialYear: '2016/17', totalGbp: 10, contributions: [{ party: 'kent', amountGbp: 5 }, { party: 'essex', amountGbp: 5 }] }, '2016-03-01Z'),
      ],
    });
    await store.append({
      streamId: `decision-${decisionId}`,
      expectedVersion: 'no-stream',
      events: [
        ev('DecisionProposed', { decisionId, collaborationId, title: 'Range', category: 'financial', valueGbp: 900000, leadForce: 'essex', basis: 'all-chief-officers', requiredApprovals: [] }, '2016-05-01Z'),
        ev('DecisionEscalated', { to: 'all-chief-officers', reason: 'beyond delegation', requiredApprovals: [], automatic: true }, '2016-05-01Z'),
        ev('DecisionApproved', { party: 'essex', role: 'chief-officer', approver: { personId: 'e', name: 'E' } }, '2016-05-02Z'),
        ev('DecisionRejected', { party: 'kent', role: 'chief-officer', approver: { personId: 'k', name: 'K' }, reason: 'no' }, '2016-05-04Z'),
      ],
    });
  });
  beforeEach(async () => logSettled(database.pool, () => store.head()));
  afterAll(async () => {
    await dataSource?.destroy();
    await countingSource?.destroy();
    await database?.drop();
  });

  it('projects the register, the signature matrix, office holders and the decision log (Given events, Then rows)', async () => {
    const runner = new ProjectionRunner(store, dataSource, [registerProjection, signatureMatrixProjection, officeHoldersProjection, decisionLogProjection]);
    for (const projection of runner.projections) await runner.catchUp(projection);

    expect(await dataSource.getRepository(RegisterEntry).findOneByOrFail({ collaborationId })).toMatchObject({
      name: 'Alliance',
      status: 'in-force',
      leadForce: 'essex',
      parties: ['kent', 'essex'],
      signatures: 4,
      budgets: { '2016/17': { totalGbp: 10 } },
    });
    expect(await dataSource.getRepository(SignatureCell).countBy({ collaborationId })).toBe(4);
    const tenures = await dataSource.getRepository(OfficeTenure).find({ order: { sequence: 'ASC' } });
    expect(tenures.map((t) => [t.personId, t.basis, t.endedBy, t.heldTo?.toISOString() ?? null])).toEqual([
      ['a', 'substantive', 'handover', '2015-06-01T00:00:00.000Z'],
      ['b', 'acting', null, null],
    ]);
    // Appended as schema version 1 (no since): read as recorded, since not recorded.
    expect(tenures[0]!.pendingAtEnd).toEqual([{ kind: 'agreement-signature', collaborationId, name: 'Alliance', since: null }]);
    expect(await dataSource.getRepository(DecisionLogEntry).findOneByOrFail({ decisionId })).toMatchObject({
      status: 'rejected',
      escalations: 1,
      daysToDecide: 3,
      takenUnderDelegation: false,
      approvals: [expect.objectContaining({ party: 'essex' })],
      rejections: [expect.objectContaining({ party: 'kent', reason: 'no' })],
    });
    const status = await runner.status();
    expect(status.every((s) => s.lag === 0 && s.eventsApplied >= 13)).toBe(true);
  });

  it('meets a fault in the middle of a page: the events before it are applied, none after, then every event exactly once', async () => {
    let failOn: string | undefined = 'AgreementCameIntoForce';
    const counting: Projection<CountingRow> = {
      name: 'counting.v1',
      entity: CountingRow,
      groupBy: 'streamId',
      eventTypes: EVERY_TYPE,
      groupOf: (event) => event.streamId,
      evolve(rows, event) {
        if (event.type === failOn) throw new Error('the process died here');
        return [{ streamId: event.streamId, events: (rows[0]?.events ?? 0) + 1 }];
      },
    };
    const log = (await store.readAll(START, { maxCount: 1000 })).events;
    const culprit = log.findIndex((e) => e.type === 'AgreementCameIntoForce');
    const countsOf = (events: typeof log) => {
      const counts = new Map<string, number>();
      for (const e of events) counts.set(e.streamId, (counts.get(e.streamId) ?? 0) + 1);
      return Object.fromEntries([...counts].sort());
    };
    const rows = async () => Object.fromEntries((await countingSource.getRepository(CountingRow).find()).map((r) => [r.streamId, r.events]).sort());

    const runner = new ProjectionRunner(store, countingSource, [counting], { batchSize: 100 });
    await expect(runner.catchUp(counting)).rejects.toThrow('the process died here');
    expect((await runner.checkpointOf(counting)).eventsApplied).toBe(culprit);
    expect(await rows()).toEqual(countsOf(log.slice(0, culprit)));

    failOn = undefined;
    await runner.catchUp(counting);
    expect(await rows()).toEqual(countsOf(log));
    expect((await runner.checkpointOf(counting)).eventsApplied).toBe(log.length);
    expect((await runner.status())[0]!.lag).toBe(0);
  });

  it('applies every event before the one it cannot apply, names that event beside the checkpoint for any process to report, and recovers once mended', async () => {
    let mended = false;
    const fragile: Projection<MendedRow> = {
      name: 'mended.v1',
      entity: MendedRow,
      groupBy: 'streamId',
      eventTypes: EVERY_TYPE,
      groupOf: (event) => event.streamId,
      evolve(rows, event) {
        if (!mended && event.type === 'AgreementCameIntoForce') throw new Error('column "signed_on" does not exist');
        return [{ streamId: event.streamId, events: (rows[0]?.events ?? 0) + 1 }];
      },
    };
    const keeper = new ProjectionRunner(store, countingSource, [fragile], { pollIntervalMs: 20, backoffMs: 20, maxBackoffMs: 40 });
    // Another process's view of the same projection (`ledger projections`): it keeps nothing in memory.
    const reporter = new ProjectionRunner(store, countingSource, [fragile]);
    const reported = async () => (await reporter.status())[0]!;
    await keeper.start();
    try {
      let seen = await reported();
      for (let i = 0; i < 200 && !seen.failing; i++) {
        await new Promise((r) => setTimeout(r, 25));
        seen = await reported();
      }
      const log = (await store.readAll(START, { maxCount: 1000 })).events;
      const culprit = log.findIndex((e) => e.type === 'AgreementCameIntoForce');
      expect(culprit).toBeGreaterThan(0);
      expect(seen.active).toBe(false);
      // Everything before the event that cannot be applied is applied; the failure names that event, not its page.
      expect(seen.eventsApplied).toBe(culprit);
      expect(seen.failing).toEqual({ position: log[culprit]!.globalPosition, error: 'column "signed_on" does not exist', since: expect.any(Date), attempts: expect.any(Number), retryAt: expect.any(Date) });
      expect(seen.failing!.retryAt.getTime()).toBeGreaterThan(seen.failing!.since.getTime());

      mended = true;
      for (let i = 0; i < 200 && seen.failing; i++) {
        await new Promise((r) => setTimeout(r, 25));
        seen = await reported();
      }
      expect(seen).toMatchObject({ failing: null, lag: 0 });
      expect(seen.eventsApplied).toBeGreaterThanOrEqual(13);
    } finally {
      await keeper.stop();
    }
  });

  it('rebuilds a projection from the log into exactly the rows the live runner kept', async () => {
    const runner = new ProjectionRunner(store, dataSource, [registerProjection, decisionLogProjection, officeHoldersProjection, signatureMatrixProjection], { pollIntervalMs: 20 });
    await runner.start();
    const more = randomUUID();
    await store.append({
      streamId: `collaboration-${more}`,
      expectedVersion: 'no-stream',
      events: [ev('CollaborationProposed', { collaborationId: more, name: 'Second', purpose: 'p', functions: [], parties: ['kent', 'essex'], leadForce: 'kent', costSharing: 'c', noticePeriodMonths: 6, reviewDate: '2020-01-01', proposedBy: { personId: 'm', name: 'M' } }, '2017-01-01Z')],
    });
    for (let i = 0; i < 200 && !(await dataSource.getRepository(RegisterEntry).existsBy({ collaborationId: more })); i++) await new Promise((r) => setTimeout(r, 25));
    await runner.stop();
    const snapshot = async () => ({
      register: await dataSource.getRepository(RegisterEntry).find({ order: { collaborationId: 'ASC' } }),
      decisions: await dataSource.getRepository(DecisionLogEntry).find({ order: { decisionId: 'ASC' } }),
      tenures: await dataSource.getRepository(OfficeTenure).find({ order: { officeStream: 'ASC', sequence: 'ASC' } }),
      signatures: await dataSource.getRepository(SignatureCell).find({ order: { collaborationId: 'ASC', party: 'ASC', role: 'ASC' } }),
    });
    const live = await snapshot();
    expect(live.register).toHaveLength(2);
    for (const projection of runner.projections) await runner.rebuild(projection);
    expect(await snapshot()).toEqual(live);
    // Analysed once refilled: the planner knows the register's two rows (it plans blind before: reltuples -1).
    const [stats] = await dataSource.query(`SELECT c.reltuples FROM pg_class c WHERE c.oid = $1::regclass`, [dataSource.getRepository(RegisterEntry).metadata.tablePath]);
    expect(Number(stats.reltuples)).toBe(2);
  });

  it('rebuilds a changed projection blue-green: the new version builds beside the old, which keeps serving, then takes over', async () => {
    const v1 = registerProjection; // live since the first test
    // The next version writes names in capitals: it must write them into its own tables while it builds.
    const v2: Projection<RegisterEntry> = {
      ...registerProjection,
      name: nextVersion(v1.name),
      evolve: (rows, event) => registerProjection.evolve(rows, event as never).map((row) => ({ ...row, name: row.name.toUpperCase() })),
    };
    const oldRunner = new ProjectionRunner(store, dataSource, [v1]);
    await oldRunner.catchUp(v1);
    const namesNow = async () => (await dataSource.getRepository(RegisterEntry).find({ order: { name: 'ASC' } })).map((e) => e.name);
    const servedBefore = await namesNow();
    expect(servedBefore).toContain('Alliance');

    let servedWhileBuilding: string[] = [];
    const newRunner = new ProjectionRunner(store, dataSource, [v2], {
      pollIntervalMs: 20,
      beforeSwap: async () => {
        servedWhileBuilding = await namesNow();
      },
    });
    await newRunner.start();
    for (let i = 0; i < 200 && !(await namesNow()).includes('ALLIANCE'); i++) await new Promise((r) => setTimeout(r, 25));
    await newRunner.stop();

    expect(servedWhileBuilding).toEqual(servedBefore); // the old version served, untouched, until the swap
    expect(await namesNow()).toEqual(servedBefore.map((n) => n.toUpperCase()).sort());
    const checkpoints = await dataSource.query(`SELECT projection, retired FROM rm_checkpoints WHERE projection LIKE 'register.%' ORDER BY projection`);
    expect(checkpoints).toEqual([{ projection: v1.name, retired: true }, { projection: v2.name, retired: false }]);
    await expect(oldRunner.catchUp(v1)).resolves.toBe(0); // nothing new to read…
    // …a page with nothing of the register's in it (its checkpoint would move by one statement) is refused all the same…
    await store.append({ streamId: `recommendation-${randomUUID()}`, expectedVersion: 'no-stream', events: [ev('RecommendationRaised', { note: 'not the register’s' }, '2018-01-01Z')] });
    await logSettled(database.pool, () => store.head());
    const [retiredBefore] = await dataSource.query(`SELECT position FROM rm_checkpoints WHERE projection = $1`, [v1.name]);
    await expect(oldRunner.catchUp(v1)).rejects.toBeInstanceOf(ProjectionRetired);
    expect((await dataSource.query(`SELECT position FROM rm_checkpoints WHERE projection = $1`, [v1.name]))[0]).toEqual(retiredBefore);
    await store.append({ streamId: `collaboration-${randomUUID()}`, expectedVersion: 'no-stream', events: [ev('CollaborationProposed', { collaborationId: randomUUID(), name: 'Third', purpose: 'p', functions: [], parties: ['kent', 'essex'], leadForce: 'kent', costSharing: 'c', noticePeriodMonths: 6, reviewDate: '2020-01-01', proposedBy: { personId: 'm', name: 'M' } }, '2018-01-01Z')] });
    await logSettled(database.pool, () => store.head());
    await expect(oldRunner.catchUp(v1)).rejects.toBeInstanceOf(ProjectionRetired); // …and the retired version writes nothing
    expect(await namesNow()).not.toContain('Third');
    // the swapped tables open again as they are
    const reopened = await openReadModelDatabase(database.url, 1);
    await reopened.destroy();

    // The swap gave the table's key and indexes the live table's names, so the next build's own (bg_)
    // names are free again (indexes share the schema's namespace)…
    const table = dataSource.getRepository(RegisterEntry).metadata;
    const indexesNow = async () =>
      (await dataSource.query(`SELECT c.relname AS name FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = $1::regclass ORDER BY 1`, [table.tablePath])).map((r: { name: string }) => r.name);
    const liveNames = [dataSource.namingStrategy.primaryKeyName(table.tablePath, table.primaryColumns.map((c) => c.databaseName)), ...table.indices.map((i) => i.name)].sort();
    expect(await indexesNow()).toEqual(liveNames);
    // …and a table swapped in before that fix, still under its build's names, is renamed before the next build.
    const naming = dataSource.namingStrategy;
    const key = naming.primaryKeyName(table.tablePath, table.primaryColumns.map((c) => c.databaseName));
    const builtNames = new Map([
      [key, naming.primaryKeyName(`bg_${table.tablePath}`, table.primaryColumns.map((c) => c.databaseName))],
      ...table.indices.map((index) => [index.name, naming.indexName(`bg_${table.tablePath}`, index.columns.map((c) => c.databaseName), index.where)] as [string, string]),
    ]);
    for (const [name, stale] of builtNames) await dataSource.query(`ALTER INDEX "${name}" RENAME TO "${stale}"`);
    expect(await indexesNow()).toEqual([...builtNames.values()].sort());
    // Its first build fails on an event until mended (and is tried again beside the live table, never into it).
    let faulty = true;
    const v3: Projection<RegisterEntry> = {
      ...registerProjection,
      name: nextVersion(v2.name),
      evolve: (rows, event) => {
        if (faulty) throw new Error('a fault in the new version');
        return registerProjection.evolve(rows, event as never).map((row) => ({ ...row, name: row.name.endsWith('!') ? row.name : `${row.name}!` }));
      },
    };
    const v2Names = await namesNow();
    // Nothing resets or rebuilds it into the table its predecessor serves.
    await expect(new ProjectionRunner(store, dataSource, [v3]).rebuild(v3)).rejects.toBeInstanceOf(ProjectionNotYetLive);
    expect(await namesNow()).toEqual(v2Names);
    const servedAtSwap: string[][] = [];
    const thirdRunner = new ProjectionRunner(store, dataSource, [v3], { pollIntervalMs: 20, backoffMs: 20, beforeSwap: async () => void servedAtSwap.push(await namesNow()) });
    await thirdRunner.start();
    for (let i = 0; i < 200 && !(await thirdRunner.status())[0]!.failing; i++) await new Promise((r) => setTimeout(r, 25));
    expect((await thirdRunner.status())[0]!.failing).toMatchObject({ error: expect.stringContaining('a fault in the new version') });
    await new Promise((r) => setTimeout(r, 100)); // tried again, and failed again, while faulty
    expect(await namesNow()).toEqual(v2Names);
    faulty = false;
    for (let i = 0; i < 200 && ((await thirdRunner.status())[0]!.failing || !(await namesNow()).includes('Alliance!')); i++) await new Promise((r) => setTimeout(r, 25));
    const [third] = await thirdRunner.status();
    await thirdRunner.stop();
    expect(third).toMatchObject({ projection: v3.name, failing: null });
    expect(servedAtSwap).toEqual([v2Names]); // v2's rows served until the one swap
    expect(await namesNow()).toEqual([...servedBefore, 'Third'].map((n) => `${n}!`).sort());
    expect(await indexesNow()).toEqual(liveNames);
  });

  it('builds a new version of a projection whose groups hold several rows (office tenures) in its own table, never the live one', async () => {
    const live = officeHoldersProjection;
    await new ProjectionRunner(store, dataSource, [live]).catchUp(live);
    const next: Projection<OfficeTenure> = {
      ...officeHoldersProjection,
      name: 'office-holders.v4',
      evolve: (rows, event) => officeHoldersProjection.evolve(rows, event as never).map((t) => ({ ...t, endedBy: t.endedBy?.toUpperCase() ?? null })),
    };
    const endings = async (table: string) => (await dataSource.query(`SELECT ended_by FROM ${table} WHERE ended_by IS NOT NULL ORDER BY office_stream, sequence`)).map((r: { ended_by: string }) => r.ended_by);
    const before = await endings('rm_office_tenures');
    expect(before).toEqual(['handover']);
    let whileBuilding: { live: string[]; beside: string[] } | undefined;
    const runner = new ProjectionRunner(store, dataSource, [next], {
      pollIntervalMs: 20,
      beforeSwap: async () => {
        whileBuilding = { live: await endings('rm_office_tenures'), beside: await endings('bg_rm_office_tenures') };
      },
    });
    await runner.start();
    for (let i = 0; i < 200 && (await endings('rm_office_tenures'))[0] !== 'HANDOVER'; i++) await new Promise((r) => setTimeout(r, 25));
    await runner.stop();
    expect(whileBuilding).toEqual({ live: ['handover'], beside: ['HANDOVER'] });
    expect(await endings('rm_office_tenures')).toEqual(['HANDOVER']);
  });

  /** A new decision proposed (one event in its own stream), once the log has settled past it. */
  const decisionProposed = async (title: string, occurredAt: string) => {
    const decisionId = randomUUID();
    const [globalPosition] = (await store.append({
      streamId: `decision-${decisionId}`,
      expectedVersion: 'no-stream',
      events: [ev('DecisionProposed', { decisionId, collaborationId, title, category: 'financial', valueGbp: 1, leadForce: 'essex', basis: 'lead-force-alone', requiredApprovals: [] }, occurredAt)],
    })).positions as [number];
    await logSettled(database.pool, () => store.head());
    return { decisionId, globalPosition };
  };

  it('Given two read models of which one has applied an event and the other is back at the start, When a reader asks whether it may read after that event, Then not until both have; nor while a read model has never run', async () => {
    const runner = new ProjectionRunner(store, dataSource, [decisionLogProjection, signatureMatrixProjection]);
    const { globalPosition } = await decisionProposed('Waited for', '2017-02-01Z');
    await runner.reset(signatureMatrixProjection);

    await runner.catchUp(decisionLogProjection);
    expect(await runner.appliedThrough(globalPosition)).toBe(false);

    await runner.catchUp(signatureMatrixProjection);
    expect(await runner.appliedThrough(globalPosition)).toBe(true);
    expect(await runner.appliedThrough(globalPosition + 1_000_000)).toBe('unknown');

    const neverRun: typeof signatureMatrixProjection = { ...signatureMatrixProjection, name: 'signature-matrix.never-run' };
    expect(await new ProjectionRunner(store, dataSource, [decisionLogProjection, neverRun]).appliedThrough(globalPosition)).toBe(false);
  });

  it('Given projections resting between polls (a minute apart), When a reader waits for them (nudge), Then they catch up at once', async () => {
    const runner = new ProjectionRunner(store, dataSource, [decisionLogProjection], { pollIntervalMs: 60_000 });
    await runner.start();
    try {
      for (let i = 0; i < 200 && (await runner.status())[0]!.lag !== 0; i++) await new Promise((r) => setTimeout(r, 25));
      await new Promise((r) => setTimeout(r, 300)); // its first catch-up over, it rests for a minute
      const { decisionId: nudged, globalPosition } = await decisionProposed('Nudged', '2017-01-01Z');
      await new Promise((r) => setTimeout(r, 100));
      expect(await runner.appliedThrough(globalPosition)).toBe(false);
      runner.nudge();
      let applied = false;
      for (let i = 0; i < 200 && !applied; i++) {
        await new Promise((r) => setTimeout(r, 25));
        applied = (await runner.appliedThrough(globalPosition)) === true;
      }
      expect(applied).toBe(true);
      expect(await dataSource.getRepository(DecisionLogEntry).existsBy({ decisionId: nudged })).toBe(true);
    } finally {
      await runner.stop();
    }
  });
});
