import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PostgresEventStore } from '#event-store';
import { DEFAULT_AUDIENCE, TokenVerifier } from '#identity';
import { type TestDatabase, createTestDatabase } from '#testing';

const run = promisify(execFile);

/** `npm run ledger -- token …` as a new user runs it (the built CLI, a fresh data directory). */
describe('ledger token', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'ledger-cli-'));
    await chmod(dataDir, 0o755);
  });
  afterAll(async () => rm(dataDir, { recursive: true, force: true }));

  const ledger = (...args: string[]) =>
    run(process.execPath, ['dist/apps/ledger-cli/src/main.js', ...args], { env: { ...process.env, LEDGER_DATA_DIR: dataDir } });

  it('mints a token the API verifies as that person, role and force', async () => {
    const { stdout } = await ledger('token', '--role', 'policing-body', '--force', 'devon-and-cornwall', '--name', 'PCC for Devon, Cornwall and the Isles of Scilly', '--person', 'pcc-dc');
    const verifier = await TokenVerifier.create({ audience: DEFAULT_AUDIENCE, dataDir });
    expect(await verifier.verify(stdout.trim())).toEqual({
      personId: 'pcc-dc',
      name: 'PCC for Devon, Cornwall and the Isles of Scilly',
      role: 'policing-body',
      force: 'devon-and-cornwall',
    });
  });

  it.each([
    [['token', '--role', 'superintendent', '--name', 'X'], /--role must be one of/, 'Usage: ledger token'],
    [['token', '--role', 'chief-officer', '--name', 'X'], /acts for a force: give --force/, 'Usage: ledger token'],
    [['token', '--role', 'auditor'], /--name is required/, 'Usage: ledger token'],
    [['token', '--role', 'auditor', '--name', 'X', '--ttl', '0'], /--ttl is in hours/, 'Usage: ledger token'],
    [['token', '--role', 'auditor', '--name', 'X', '--colour', 'blue'], /unknown option '--colour'/, 'Usage: ledger token'],
    [['rebuild'], /name one projection, or --all/, 'Usage: ledger rebuild'],
    [['projections', '--yaml'], /unknown option '--yaml'/, 'Usage: ledger projections'],
    [['verify', '--stream', 'not a stream'], /--stream must be a stream id/, 'Usage: ledger verify'],
    [['migrate-store', '--from', 'mysql', '--to', 'postgres'], /--from must be postgres or eventstoredb, not "mysql"/, 'Usage: ledger migrate-store'],
    [['migrate-store', '--from', 'postgres', '--to', 'postgres'], /same postgres store: name the other one with --to-url/, 'Usage: ledger migrate-store'],
    [['migrate-store', '--from', 'postgres', '--to', 'eventstoredb'], /--to eventstoredb needs EVENTSTOREDB_URL or --to-url/, 'Usage: ledger migrate-store'],
    [['migrate-store', '--from', 'postgres', '--to', 'eventstoredb', '--to-url', 'http://esdb:2113'], /--to-url must be a kurrentdb:\/\/ or esdb:\/\/ connection string/, 'Usage: ledger migrate-store'],
    [['migrate-store', '--from', 'postgres', '--to', 'postgres', '--to-url', 'postgres://x/y', '--batch-size', '0'], /--batch-size must be a whole number/, 'Usage: ledger migrate-store'],
    [['export', 'not-a-uuid', '--out', '/tmp/x'], /the collaboration id must be a UUID/, 'Usage: ledger export'],
    [['export', '6f1c2a5e-3b7d-4f0e-9a1b-2c3d4e5f6a7b'], /--out is required/, 'Usage: ledger export'],
    [['verify-pack', '/nonexistent-pack'], /holds no manifest\.json|no such file|ENOENT/, 'Usage: ledger verify-pack'],
    [['verify-pack', '/tmp', '--trusted', '/nonexistent.json'], /cannot be read: it should be a seal/, 'Usage: ledger verify-pack'],
    [['verify-proof', '/nonexistent.json'], /--public-key is required/, 'Usage: ledger verify-proof'],
    [['verify', '--stream', 'collaboration-x', '--trusted', 'd.json'], /--trusted checks the whole log/, 'Usage: ledger verify'],
    [['replay', 'not a stream'], /the stream must be a stream id/, 'Usage: ledger replay'],
    [['forget', 'has space'], /the person id must be 1–200 printable characters/, 'Usage: ledger forget'],
    [['frobnicate'], /unknown command/, 'Usage: ledger <command>'],
  ])('refuses %j with a clear message, the command\'s help and exit code 2', async (args, message, usage) => {
    const failure = (await ledger(...args).catch((e: unknown) => e)) as { code: number; stdout: string; stderr: string };
    expect(failure.code).toBe(2);
    expect(failure.stderr).toMatch(message);
    expect(failure.stderr).toContain(usage);
    expect(failure.stdout).toBe('');
  });

  it.each([['token'], ['rebuild'], ['projections'], ['verify'], ['migrate-store'], ['seal'], ['verify-proof'], ['verify-pack'], ['export'], ['replay'], ['forget'], ['rotate-seal-key'], ['generate']])('explains %s with --help', async (command) => {
    const { stdout } = await ledger(command, '--help');
    expect(stdout).toContain(`Usage: ledger ${command} [options]`);
    expect(stdout).toMatch(/^Options:$/m);
  });

  it('lists its commands when run with none', async () => {
    const { stdout } = await ledger();
    const commands = ['token', 'rebuild', 'projections', 'verify', 'migrate-store', 'seal', 'verify-proof', 'verify-pack', 'export', 'replay', 'forget', 'rotate-seal-key', 'generate'];
    expect(stdout.match(/^ {2}([a-z-]+) /gm)?.map((m) => m.trim()).filter((c) => c !== 'help')).toEqual(commands);
  });
});

/** `npm run ledger -- verify` on a ledger a superuser then tampers with: exit 0 clean, 3 with each broken stream named. */
describe('ledger verify', () => {
  let database: TestDatabase;
  const streamId = `collaboration-${randomUUID()}`;
  beforeAll(async () => {
    database = await createTestDatabase();
    const store = new PostgresEventStore(database.pool);
    for (let n = 1; n <= 3; n++) {
      await store.append({ streamId, expectedVersion: 'any', events: [{ eventId: randomUUID(), type: 'PurposeRestated', data: { purpose: `purpose ${n}`, previousPurpose: '', reason: 'r' }, occurredAt: new Date(Date.UTC(2016, 0, n)) }] });
    }
    await store.close();
  });
  afterAll(async () => database?.drop());
  const verify = (...args: string[]) =>
    run(process.execPath, ['dist/apps/ledger-cli/src/main.js', 'verify', ...args], { env: { ...process.env, DATABASE_URL: database.url, LOG_FORMAT: 'json' } });

  it('verifies a clean ledger with exit code 0, then names the edited event with exit code 3', async () => {
    const clean = await verify('--json');
    expect(JSON.parse(clean.stdout)).toMatchObject({ ok: true, eventsChecked: 3, streamsChecked: 1, faults: [] });

    const client = await database.adminPool.connect();
    try {
      await client.query('SET session_replication_role = replica');
      await client.query(`UPDATE events SET data = '{"purpose":"rewritten"}' WHERE stream_id = $1 AND stream_version = 2`, [streamId]);
    } finally {
      client.release();
    }
    const broken = (await verify().catch((e: unknown) => e)) as { code: number; stdout: string };
    expect(broken.code).toBe(3);
    expect(broken.stdout).toMatch(new RegExp(`content +${streamId} version 2 \\(position \\d+\\): the stored content does not hash`));
    const one = (await verify('--stream', streamId, '--json').catch((e: unknown) => e)) as { code: number; stdout: string };
    expect(one.code).toBe(3);
    expect(JSON.parse(one.stdout).faults).toEqual([expect.objectContaining({ streamId, kind: 'content', streamVersion: 2 })]);
  });
});

/** `npm run ledger -- migrate-store --from postgres --to postgres --to-url …`: a real copy between two databases, run twice. */
describe('ledger migrate-store', () => {
  let source: TestDatabase;
  let target: TestDatabase;
  beforeAll(async () => {
    source = await createTestDatabase();
    target = await createTestDatabase();
    const store = new PostgresEventStore(source.pool);
    for (let n = 1; n <= 4; n++) {
      await store.append({ streamId: `risk-appetite-kent-${n % 2}`, streamType: 'risk-appetite', expectedVersion: 'any', events: [{ eventId: randomUUID(), type: 'RiskAppetiteDeclared', data: { n }, occurredAt: new Date(Date.UTC(2016, 0, n)) }] });
    }
    await store.close();
  });
  afterAll(async () => {
    await source?.drop();
    await target?.drop();
  });
  const migrate = (...args: string[]) =>
    run(process.execPath, ['dist/apps/ledger-cli/src/main.js', 'migrate-store', '--from', 'postgres', '--to', 'postgres', '--to-url', target.ownerUrl, ...args], {
      env: { ...process.env, DATABASE_URL: source.url, LOG_FORMAT: 'json' },
    });

  it('copies the log into another database, keeping stream types, verifies the copy, and copies nothing the second time', async () => {
    const first = JSON.parse((await migrate('--json')).stdout);
    expect(first).toMatchObject({ from: 'postgres', to: 'postgres', sourceEvents: 4, alreadyCopied: 0, copied: 4, whole: true, verify: { ok: true, eventsChecked: 4, streamsChecked: 2 } });
    const { stdout } = await migrate();
    expect(stdout).toMatch(/^0 events copied from postgres to postgres \(4 already there\) in [\d.]+ s; the copy holds 4 of the source's 4 events in 2 streams and verifies\.$/m);
    const { rows } = await target.adminPool.query('SELECT DISTINCT type FROM streams');
    expect(rows).toEqual([{ type: 'risk-appetite' }]);
  });
});
