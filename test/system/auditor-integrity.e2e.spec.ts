import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { type EventStore, RAW_EVENT_STORE, chainLink, contentDigest } from '#event-store';
import { DemoHistory, LedgerCommands } from '#governance';
import type { Principal } from '#shared-kernel';
import { testAdminUrl } from '#testing';
import { httpClient } from '../support/http-client.js';
import { type TestApi, startTestApi } from '../support/test-api.js';

const run = promisify(execFile);
interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * An auditor who trusts neither the ledger's operator nor its database: the demo history is sealed
 * and exported as an audit pack, which a fresh process with no database verifies; then copies of
 * the sealed ledger are tampered with by a superuser past the triggers — an event edited, one
 * deleted, two reordered across streams, the tail cut, a whole stream rewritten with its chain
 * recomputed (and then the seals made again with the ledger's own key) — and each is found, named,
 * with a non-zero exit. The untouched ledger verifies clean.
 */
describe('an auditor who trusts no one', () => {
  let api: TestApi;
  let work: string;
  let keysDir: string;
  let collaborationId: string;
  let baseName: string;
  const clones: string[] = [];
  const auditor: Principal = { personId: 'aud', name: 'Internal audit', role: 'auditor' };

  const cli = async (args: string[], env: Record<string, string | undefined> = {}): Promise<Ran> => {
    const fullEnv: Record<string, string | undefined> = { ...process.env, DATABASE_URL: api.database.url, MIGRATION_DATABASE_URL: api.database.ownerUrl, SEAL_KEY_DIR: keysDir, LOG_FORMAT: 'json', LOG_LEVEL: 'warn', ...env };
    for (const [name, value] of Object.entries(fullEnv)) if (value === undefined) delete fullEnv[name];
    try {
      const { stdout, stderr } = await run(process.execPath, ['dist/apps/ledger-cli/src/main.js', ...args], { env: fullEnv as NodeJS.ProcessEnv, maxBuffer: 50 * 1024 * 1024 });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };
  const urlOf = (base: string, database: string) => {
    const url = new URL(base);
    url.pathname = `/${database}`;
    return url.toString();
  };
  /** A copy of the sealed ledger, for one tampering, and its superuser and application connection strings. */
  const cloneLedger = async (name: string) => {
    const database = `${baseName}_${name}`;
    const admin = new pg.Client({ connectionString: testAdminUrl() });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${database} TEMPLATE ${baseName} OWNER ledger_owner`);
    } finally {
      await admin.end();
    }
    clones.push(database);
    return { app: urlOf(api.database.url, database), owner: urlOf(api.database.ownerUrl, database), admin: urlOf(testAdminUrl(), database) };
  };
  const asSuperuserPastTriggers = async (adminUrl: string, work: (client: pg.Client) => Promise<void>) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query('SET session_replication_role = replica');
      await work(client);
    } finally {
      await client.end();
    }
  };
  const verifyClone = (urls: { app: string; owner: string }, ...args: string[]) => cli(['verify', ...args], { DATABASE_URL: urls.app, MIGRATION_DATABASE_URL: urls.owner });

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'auditor-'));
    api = await startTestApi();
    keysDir = join(api.dataDir, 'seal-key');
    await new DemoHistory(api.app.get(LedgerCommands)).load();
    const store = api.app.get<EventStore>(RAW_EVENT_STORE);
    const proposed = await store.readByType(['CollaborationProposed']);
    collaborationId = (proposed.find((e) => /Devon/.test((e.data as { name: string }).name))!.data as { collaborationId: string }).collaborationId;
    baseName = new URL(api.database.url).pathname.slice(1);
    // The public key, as an auditor saves it once, from the ledger's public route.
    const { body } = await httpClient(api)('GET', '/integrity/public-key', null);
    await writeFile(join(work, 'keys.json'), JSON.stringify(body));
  });
  afterAll(async () => {
    await api?.app.close().catch(() => undefined);
    const admin = new pg.Client({ connectionString: testAdminUrl() });
    await admin.connect();
    try {
      for (const database of [...clones, baseName]) if (database) await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    } finally {
      await admin.end();
    }
    await rm(work, { recursive: true, force: true });
    if (api) await rm(api.dataDir, { recursive: true, force: true });
  });

  it('Given the demo history, When it is sealed and the alliance exported, Then a fresh process with no database verifies the pack', async () => {
    const sealed = await cli(['seal', '--json']);
    expect(sealed.code).toBe(0);
    expect(JSON.parse(sealed.stdout)[0]).toMatchObject({ seq: 1, previousSealHash: '0'.repeat(64) });
    const pack = join(work, 'pack-1');
    const exported = await cli(['export', collaborationId, '--out', pack, '--json']);
    expect(exported.code).toBe(0);
    const manifest = JSON.parse(exported.stdout);
    expect(manifest.streams.map((s: { streamId: string }) => s.streamId.split('-')[0]).sort()).toEqual(['benefit', 'benefit', 'benefit', 'benefit', 'benefit', 'benefit', 'benefit', 'collaboration', 'decision']);
    expect((await readdir(pack)).sort()).toEqual(['README.md', 'digest.json', 'events.json', 'manifest.json', 'public-keys.json', 'read-access.json', 'seals.json', 'timeline.csv']);
    // Names of people who hold no public office are ciphertext in the pack; the hashes cover it.
    const events = JSON.parse(await readFile(join(pack, 'events.json'), 'utf8')) as Array<{ event: { type: string; data: { owner?: { name: unknown } } } }>;
    expect(events.find((p) => p.event.type === 'BenefitIdentified')!.event.data.owner!.name).toMatchObject({ $erasable: 'ledger-erasable-v1' });
    expect((await readFile(join(pack, 'timeline.csv'), 'utf8')).split('\r\n')[0]).toBe('global_position,stream_id,stream_version,type,occurred_at,recorded_at,back_dated,recorded_by,role,event_id,hash');

    const nowhere = await mkdtemp(join(tmpdir(), 'no-ledger-'));
    const offline = await cli(['verify-pack', pack, '--public-key', join(work, 'keys.json'), '--json'], {
      DATABASE_URL: undefined,
      MIGRATION_DATABASE_URL: undefined,
      LEDGER_TEST_ADMIN_URL: undefined,
      SEAL_KEY_DIR: undefined,
      LEDGER_DATA_DIR: nowhere,
    });
    expect(offline.code).toBe(0);
    expect(JSON.parse(offline.stdout)).toMatchObject({ ok: true, keysFrom: 'auditor', eventsChecked: events.length, streamsChecked: 9, faults: [] });
    // It started no database: its data directory is as empty as it was given.
    expect(await readdir(nowhere)).toEqual([]);
    await rm(nowhere, { recursive: true });
  });

  it('finds a pack whose event was edited after export, naming it', async () => {
    const pack = join(work, 'pack-1');
    const copy = join(work, 'pack-1-edited');
    await cli(['export', collaborationId, '--out', copy, '--no-seal']);
    const events = JSON.parse(await readFile(join(copy, 'events.json'), 'utf8')) as Array<{ event: { eventId: string; type: string; data: Record<string, unknown> } }>;
    const proposed = events.find((p) => p.event.type === 'CollaborationProposed')!;
    proposed.event.data.purpose = 'Something else entirely';
    await writeFile(join(copy, 'events.json'), JSON.stringify(events));
    const result = await cli(['verify-pack', copy, '--public-key', join(work, 'keys.json')]);
    expect(result.code).toBe(3);
    expect(result.stdout).toContain(`collaboration-${collaborationId} version 1: event ${proposed.event.eventId}: its stored fields do not hash to its recorded hash`);
    expect(await readdir(pack)).toContain('digest.json');
  });

  it('proves one event offline from its inclusion proof, and refuses the proof once the event is altered', async () => {
    const store = api.app.get<EventStore>(RAW_EVENT_STORE);
    const [first] = await store.readStream(`collaboration-${collaborationId}`);
    const { status, body } = await httpClient(api)('GET', `/events/${first!.eventId}/proof`, auditor);
    expect(status).toBe(200);
    await writeFile(join(work, 'proof.json'), JSON.stringify(body));
    const good = await cli(['verify-proof', join(work, 'proof.json'), '--public-key', join(work, 'keys.json'), '--digest', join(work, 'pack-1', 'digest.json')]);
    expect({ code: good.code, out: good.stdout }).toEqual({ code: 0, out: expect.stringMatching(/is leaf \d+ of the tree seal 1 signed .*: proved\.$/m) });
    await writeFile(join(work, 'proof-altered.json'), JSON.stringify({ ...body, event: { ...body!.event, occurredAt: '2014-01-01T00:00:00.000Z' } }));
    const altered = await cli(['verify-proof', join(work, 'proof-altered.json'), '--public-key', join(work, 'keys.json')]);
    expect({ code: altered.code, out: altered.stdout }).toEqual({ code: 3, out: expect.stringContaining('its stored fields do not hash to its recorded hash') });
    const noKey = await cli(['verify-proof', join(work, 'proof.json')]);
    expect({ code: noKey.code, err: noKey.stderr }).toEqual({ code: 2, err: expect.stringContaining('--public-key is required') });
  });

  it('replays the alliance as it stood and as it was known, through its decider', async () => {
    const before = await cli(['replay', `collaboration-${collaborationId}`, '--as-of', '2014-01-01', '--json']);
    expect(before.code).toBe(0);
    expect(JSON.parse(before.stdout)).toMatchObject({ version: 0, events: [] });
    const now = JSON.parse((await cli(['replay', `collaboration-${collaborationId}`, '--json'])).stdout);
    expect(now.version).toBeGreaterThan(2);
    expect(now.state).toMatchObject({ status: expect.any(String), terms: { parties: expect.arrayContaining(['devon-and-cornwall', 'dorset']) } });
    const known = JSON.parse((await cli(['replay', `collaboration-${collaborationId}`, '--known-at', '2000-01-01T00:00:00Z', '--json'])).stdout);
    expect(known).toMatchObject({ version: 0, events: [] });
    for (const [args, message] of [
      [['replay', `collaboration-${collaborationId}`, '--as-of', '01/04/2019'], /--as-of must be an RFC 3339 date/],
      [['replay', `collaboration-${collaborationId}`, '--known-at', '2019-02-30'], /--known-at must be an RFC 3339 date/],
      [['replay', 'ledger-nothing'], /is not a stream of an aggregate/],
      [['replay', 'collaboration-00000000-0000-4000-8000-000000000000'], /there is no stream/],
    ] as const) {
      const refused = await cli([...args]);
      expect({ code: refused.code, err: refused.stderr }).toEqual({ code: 2, err: expect.stringMatching(message) });
    }
  });

  it('verifies the untouched ledger clean: every chain and every seal', async () => {
    const clean = await cli(['verify', '--json']);
    expect(clean.code).toBe(0);
    expect(JSON.parse(clean.stdout)).toMatchObject({ ok: true, faults: [], seals: { ok: true, faults: [], sealsChecked: expect.any(Number) } });
    // The copies below are made from this database: nothing may hold a connection to it.
    await api.app.close();
    await api.database.pool.end();
    await api.database.adminPool.end();
  });

  it('finds an event edited by a superuser: its chain breaks, and the seal names it', async () => {
    const urls = await cloneLedger('edited');
    const [proposed] = (await queryAll(urls.admin, 'SELECT event_id::text AS id FROM events WHERE stream_id = $1 AND stream_version = 1', [`collaboration-${collaborationId}`])) as Array<{ id: string }>;
    await asSuperuserPastTriggers(urls.admin, (c) => c.query(`UPDATE events SET data = jsonb_set(data, '{purpose}', '"rewritten"') WHERE event_id = $1`, [proposed!.id]).then(() => undefined));
    const result = await verifyClone(urls);
    expect(result.code).toBe(3);
    expect(result.stdout).toMatch(new RegExp(`content +collaboration-${collaborationId} version 1`));
    expect(result.stdout).toMatch(new RegExp(`seal-root +seal 1 leaf \\d+: event ${proposed!.id} \\(collaboration-${collaborationId} version 1, position \\d+\\) changed after seal 1 sealed it`));
  });

  it('finds an event deleted by a superuser: the stream misses a version, the seal names the event gone', async () => {
    const urls = await cloneLedger('deleted');
    const [second] = (await queryAll(urls.admin, 'SELECT event_id::text AS id FROM events WHERE stream_id = $1 AND stream_version = 2', [`collaboration-${collaborationId}`])) as Array<{ id: string }>;
    await asSuperuserPastTriggers(urls.admin, (c) => c.query('DELETE FROM events WHERE event_id = $1', [second!.id]).then(() => undefined));
    const result = await verifyClone(urls);
    expect(result.code).toBe(3);
    expect(result.stdout).toMatch(new RegExp(`missing-event +collaboration-${collaborationId} version 2`));
    expect(result.stdout).toContain(`event ${second!.id}, sealed at leaf`);
    expect(result.stdout).toContain('is no longer in the log (deleted)');
  });

  it('finds two events of different streams swapped in the log’s order, which no stream’s chain can see: only the seal does', async () => {
    const urls = await cloneLedger('reordered');
    // Two neighbours in the log's order, of two streams: each stream's own order is unchanged.
    const rows = (await queryAll(urls.admin, 'SELECT event_id::text AS id, stream_id, global_position::text AS position, transaction_id::text AS tx FROM events ORDER BY transaction_id, global_position', [])) as Array<{ id: string; stream_id: string; position: string; tx: string }>;
    const at = rows.findIndex((r, i) => i > 10 && rows[i + 1] && rows[i + 1]!.stream_id !== r.stream_id && rows[i + 1]!.tx !== r.tx);
    const [a, b] = [rows[at]!, rows[at + 1]!];
    await asSuperuserPastTriggers(urls.admin, async (c) => {
      await c.query('UPDATE events SET global_position = -1 WHERE event_id = $1', [a.id]);
      await c.query('UPDATE events SET global_position = $2, transaction_id = $3::xid8 WHERE event_id = $1', [b.id, a.position, a.tx]);
      await c.query('UPDATE events SET global_position = $2, transaction_id = $3::xid8 WHERE event_id = $1', [a.id, b.position, b.tx]);
    });
    const result = await verifyClone(urls, '--json');
    expect(result.code).toBe(3);
    const report = JSON.parse(result.stdout);
    expect(report.faults).toEqual([]);
    expect(report.seals.faults[0]).toMatchObject({ kind: 'seal-root', seq: 1, eventId: b.id, detail: expect.stringContaining(`the log's order changed: seal 1 sealed event ${a.id} at leaf`) });
  });

  it('finds the log’s tail cut, even with the stream heads moved back to hide it', async () => {
    const urls = await cloneLedger('truncated');
    const tail = (await queryAll(urls.admin, 'SELECT event_id::text AS id, stream_id FROM events ORDER BY transaction_id DESC, global_position DESC LIMIT 3', [])) as Array<{ id: string; stream_id: string }>;
    await asSuperuserPastTriggers(urls.admin, async (c) => {
      await c.query('DELETE FROM events WHERE event_id = ANY ($1::uuid[])', [tail.map((t) => t.id)]);
      for (const streamId of new Set(tail.map((t) => t.stream_id))) {
        await c.query(
          `UPDATE streams s SET version = e.stream_version, last_hash = e.hash FROM (SELECT stream_version, hash FROM events WHERE stream_id = $1 ORDER BY stream_version DESC LIMIT 1) e WHERE s.stream_id = $1`,
          [streamId],
        );
        await c.query('DELETE FROM streams WHERE stream_id = $1 AND NOT EXISTS (SELECT 1 FROM events WHERE stream_id = $1)', [streamId]);
      }
    });
    const result = await verifyClone(urls, '--json');
    expect(result.code).toBe(3);
    const report = JSON.parse(result.stdout);
    expect(report.faults).toEqual([]);
    expect(report.seals.faults).toContainEqual(expect.objectContaining({ kind: 'sealed-event-missing', eventId: tail[2]!.id, detail: expect.stringContaining('the log\'s tail was cut') }));
  });

  it('finds a whole stream rewritten with its chain recomputed after a digest was exported — and, when the seals are made again with the ledger’s own key, the pack checked against the kept digest still fails', async () => {
    const urls = await cloneLedger('rewritten');
    const streamId = `collaboration-${collaborationId}`;
    const events = (await queryAll(urls.admin, 'SELECT * FROM events WHERE stream_id = $1 ORDER BY stream_version', [streamId])) as Array<Record<string, any>>;
    await asSuperuserPastTriggers(urls.admin, async (c) => {
      let prev = '0'.repeat(64);
      for (const e of events) {
        const data = e.stream_version === '1' ? { ...e.data, purpose: 'A purpose nobody agreed' } : e.data;
        const digest = contentDigest({ eventId: e.event_id, type: e.type, schemaVersion: e.schema_version, occurredAt: e.occurred_at, data, metadata: e.metadata });
        const hash = chainLink(prev, streamId, Number(e.stream_version), e.recorded_at, digest);
        await c.query('UPDATE events SET data = $2, content_digest = $3, prev_hash = $4, hash = $5 WHERE event_id = $1', [e.event_id, data, digest, prev, hash]);
        prev = hash;
      }
      await c.query('UPDATE streams SET last_hash = $2 WHERE stream_id = $1', [streamId, prev]);
    });
    const chainsOnly = await verifyClone(urls, '--stream', streamId);
    expect(chainsOnly.code).toBe(0);
    const sealed = await verifyClone(urls);
    expect(sealed.code).toBe(3);
    expect(sealed.stdout).toMatch(new RegExp(`seal-root +seal 1 leaf \\d+: event ${events[0]!.event_id} \\(${streamId} version 1, position \\d+\\) changed after seal 1 sealed it`));

    // The operator holds the database and the key: the seals are made again over the rewritten log.
    await asSuperuserPastTriggers(urls.admin, async (c) => {
      await c.query('TRUNCATE seals, merkle_nodes');
    });
    const resealed = await cli(['seal', '--json'], { DATABASE_URL: urls.app, MIGRATION_DATABASE_URL: urls.owner });
    expect(resealed.code).toBe(0);
    const pack = join(work, 'pack-2');
    const digest1 = join(work, 'pack-1', 'digest.json');
    expect((await cli(['export', collaborationId, '--out', pack, '--no-seal', '--trusted', digest1], { DATABASE_URL: urls.app, MIGRATION_DATABASE_URL: urls.owner })).code).toBe(0);
    // Alone, the new pack holds together: it was signed with the ledger's own key over the rewritten log.
    expect((await cli(['verify-pack', pack, '--public-key', join(work, 'keys.json')])).code).toBe(0);
    // Against the digest the auditor kept, it does not.
    const kept = await cli(['verify-pack', pack, '--public-key', join(work, 'keys.json'), '--trusted', digest1, '--json']);
    expect(kept.code).toBe(3);
    expect(JSON.parse(kept.stdout).faults.map((f: { kind: string; detail: string }) => [f.kind, f.detail])).toEqual(
      expect.arrayContaining([
        ['trusted-digest', expect.stringContaining('the ledger’s seals were made again, so its history was rewritten')],
        ['trusted-digest', expect.stringMatching(/does not extend the tree of seal 1 .*history was rewritten between them/)],
      ]),
    );
    const inside = await verifyClone(urls, '--trusted', digest1);
    expect(inside.code).toBe(3);
    expect(inside.stdout).toContain('no longer hash to the root of the digest you trusted');
  });
});

async function queryAll(url: string, sql: string, values: unknown[]): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, values)).rows;
  } finally {
    await client.end();
  }
}
