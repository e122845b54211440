import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EVENT_STORE, type EventStore, RAW_EVENT_STORE, type RecordedEvent } from '#event-store';
import { DemoHistory, LedgerCommands } from '#governance';
import { READ_ACCESS_LOG_WRITER, type ReadAccessLog, SEALER, type Sealer, SealStore, exportAuditPack, verifyAuditPack } from '#integrity';
import type { Principal } from '#shared-kernel';
import { httpClient } from '../support/http-client.js';
import { type TestApi, startTestApi } from '../support/test-api.js';

const run = promisify(execFile);

/**
 * The integrity routes over HTTP: who may read what, every refusal as a problem; the read-access
 * log; and personal data erased by `ledger forget` while every hash and seal still verifies.
 */
describe('the integrity routes, the read-access log and erasure', () => {
  let api: TestApi;
  let send: ReturnType<typeof httpClient>;
  let benefit: RecordedEvent;
  let collaborationId: string;
  const auditor: Principal = { personId: 'aud', name: 'Internal audit', role: 'auditor' };
  const registrar: Principal = { personId: 'reg', name: 'Registrar', role: 'registrar' };
  const chief: Principal = { personId: 'cc-kent', name: 'Chief Constable of Kent', role: 'chief-officer', force: 'kent' };
  const sealer = () => api.app.get<Sealer>(SEALER);

  beforeAll(async () => {
    api = await startTestApi();
    send = httpClient(api);
    await new DemoHistory(api.app.get(LedgerCommands)).load();
    [benefit] = await api.app.get<EventStore>(RAW_EVENT_STORE).readByType(['BenefitIdentified']);
    collaborationId = (benefit!.data as { collaborationId: string }).collaborationId;
  });
  afterAll(async () => api?.close());

  it('Given nothing sealed yet, answers the digest with NothingSealedYet and a proof with NotSealedYet', async () => {
    expect(await send('GET', '/integrity/digest', null)).toMatchObject({ status: 404, body: { code: 'NothingSealedYet' } });
    const proof = await send('GET', `/events/${benefit.eventId}/proof`, auditor);
    expect(proof).toMatchObject({ status: 409, body: { code: 'NotSealedYet' } });
    expect(proof.headers.get('retry-after')).toBe('5');
  });

  it('When sealed, gives anyone the digest, the public key, the seals and consistency proofs, without signing in', async () => {
    await sealer().sealNow();
    await api.app.get<EventStore>(RAW_EVENT_STORE).append({
      streamId: `collaboration-${collaborationId}`,
      expectedVersion: 'any',
      events: [{ eventId: crypto.randomUUID(), type: 'PurposeRestated', data: { purpose: 'p', previousPurpose: 'q', reason: 'r' }, occurredAt: new Date('2019-01-01T00:00:00Z') }],
    });
    await sealer().sealNow();
    const digest = await send('GET', '/integrity/digest', null);
    expect(digest).toMatchObject({ status: 200, body: { format: 'ledger-seal-v1', seq: 2 } });
    const key = await send('GET', '/integrity/public-key', null);
    expect(key.body!.keys).toEqual([expect.objectContaining({ algorithm: 'Ed25519', keyId: digest.body!.keyId })]);
    const seals = await send('GET', '/integrity/seals?limit=1', null);
    expect(seals.body).toMatchObject({ items: [{ seq: 1 }], nextFromSeq: 2 });
    const first = seals.body!.items[0].treeSize;
    const consistency = await send('GET', `/integrity/consistency?from=${first}&to=${digest.body!.treeSize}`, null);
    expect(consistency).toMatchObject({ status: 200, body: { from: { seq: 1 }, to: { seq: 2 }, proof: expect.any(Array) } });
  });

  it.each([
    ['/integrity/consistency?from=abc&to=3', null, 400, 'InvalidTreeSize'],
    ['/integrity/consistency?from=3&to=2', null, 400, 'InvalidTreeSize'],
    ['/integrity/consistency?from=1&to=2', null, 404, 'UnknownTreeHead'],
    ['/integrity/seals?limit=0', null, 400, 'InvalidPage'],
    ['/events/not-a-uuid/proof', auditor, 400, 'InvalidId'],
    ['/events/00000000-0000-4000-8000-000000000000/proof', auditor, 404, 'EventNotFound'],
    ['/read-access?collaborationId=nope', auditor, 400, 'InvalidId'],
    ['/read-access?after=-1', auditor, 400, 'InvalidCursor'],
    ['/read-access', registrar, 403, 'RawRecordForAuditors'],
    ['/read-access', chief, 403, 'RawRecordForAuditors'],
  ] as const)('refuses GET %s with a problem (%s → %i %s)', async (path, who, status, code) => {
    expect(await send('GET', path, who)).toMatchObject({ status, body: { code } });
  });

  it('gives auditors and registrars an event’s inclusion proof, to the latest seal or to an earlier one, and no one else', async () => {
    const latest = await send('GET', `/events/${benefit.eventId}/proof`, registrar);
    expect(latest).toMatchObject({ status: 200, body: { format: 'ledger-inclusion-proof-v1', seal: { seq: 2 }, event: { eventId: benefit.eventId } } });
    const seal1 = (await send('GET', '/integrity/seals', null)).body!.items[0];
    expect(await send('GET', `/events/${benefit.eventId}/proof?treeSize=${seal1.treeSize}`, auditor)).toMatchObject({ status: 200, body: { seal: { seq: 1 } } });
    expect(await send('GET', `/events/${benefit.eventId}/proof?treeSize=3`, auditor)).toMatchObject({ status: 404, body: { code: 'UnknownTreeHead' } });
    expect(await send('GET', `/events/${benefit.eventId}/proof`, chief)).toMatchObject({ status: 403, body: { code: 'RawRecordForAuditors' } });
  });

  it('logs who read a collaboration’s restricted data, through which route, for auditors only, and seals the entries like events', async () => {
    expect((await send('GET', `/collaborations/${collaborationId}/timeline`, chief)).status).toBe(200);
    expect((await send('GET', `/benefits/${(benefit.data as { benefitId: string }).benefitId}`, chief)).status).toBe(200);
    expect((await send('GET', '/register', chief)).status).toBe(200); // the register of all: not one collaboration's restricted data
    await api.app.get<ReadAccessLog>(READ_ACCESS_LOG_WRITER).flush();
    const log = await send('GET', `/read-access?collaborationId=${collaborationId}`, auditor);
    expect(log.body!.items.filter((e: { personId: string }) => e.personId === 'cc-kent')).toEqual([
      expect.objectContaining({ role: 'chief-officer', force: 'kent', collaborationId, route: '/collaborations/:collaborationId/timeline', resource: `GET /collaborations/${collaborationId}/timeline` }),
      expect.objectContaining({ collaborationId, route: '/benefits/:benefitId' }),
    ]);
    const [seal] = await sealer().sealNow();
    expect(seal!.accessCount).toBeGreaterThanOrEqual(2);
    // The audit pack carries them, each with its inclusion proof, and verifies offline.
    const dir = await mkdtemp(join(tmpdir(), 'pack-'));
    try {
      const manifest = await exportAuditPack(api.app.get<EventStore>(RAW_EVENT_STORE), new SealStore(api.database.pool), collaborationId, dir);
      expect(manifest.readAccessEntries).toBeGreaterThanOrEqual(2);
      expect(await verifyAuditPack(dir)).toMatchObject({ ok: true, faults: [], readAccessChecked: manifest.readAccessEntries });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('Given a benefit owner’s name stored encrypted, When `ledger forget` destroys their key, Then the name reads as erased and the ledger still verifies', async () => {
    const owner = (benefit.data as { owner: { personId: string; name: unknown } }).owner;
    expect(owner.name).toMatchObject({ $erasable: 'ledger-erasable-v1', subject: owner.personId });
    const benefitId = (benefit.data as { benefitId: string }).benefitId;
    const before = await send('GET', `/benefits/${benefitId}`, auditor);
    expect(before.body!.owner).toEqual({ personId: owner.personId, name: expect.not.stringMatching(/erased/) });

    const cli = (...args: string[]) =>
      run(process.execPath, ['dist/apps/ledger-cli/src/main.js', ...args], {
        env: { ...process.env, DATABASE_URL: api.database.url, MIGRATION_DATABASE_URL: api.database.ownerUrl, SEAL_KEY_DIR: join(api.dataDir, 'seal-key'), LOG_FORMAT: 'json' },
      });
    const forgotten = JSON.parse((await cli('forget', owner.personId, '--json')).stdout);
    expect(forgotten).toMatchObject({ personId: owner.personId, keysDestroyed: 1, readModelsRebuilt: expect.any(Number) });
    const after = await send('GET', `/benefits/${benefitId}`, auditor);
    expect(after.body!.owner).toEqual({ personId: owner.personId, name: '[erased]' });
    const domain = await api.app.get<EventStore>(EVENT_STORE).readStream(benefit.streamId);
    expect((domain[0]!.data as { owner: { name: string } }).owner.name).toBe('[erased]');
    // The stored bytes are unchanged: every chain and seal still verifies.
    const verified = JSON.parse((await cli('verify', '--json')).stdout);
    expect(verified).toMatchObject({ ok: true, faults: [], seals: { ok: true } });
    expect(JSON.parse((await cli('forget', owner.personId, '--json')).stdout)).toMatchObject({ keysDestroyed: 0 });
    // The key cannot be brought back, even by the owner role.
    await expect(api.database.adminPool.query("UPDATE personal_data_keys SET key = '\\x00' WHERE person_id = $1", [owner.personId])).rejects.toThrow(/can only be destroyed/);
    await expect(api.database.pool.query('SELECT ledger_forget_person($1)', ['anyone'])).rejects.toThrow(/permission denied/);
  });
});
