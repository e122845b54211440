import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Principal } from '#shared-kernel';
import { created, httpClient } from '../support/http-client.js';
import { type TestApi, startTestApi } from '../support/test-api.js';

/**
 * A long stream over HTTP against real PostgreSQL (docs/adr/0010-state-snapshots.md): a
 * recommendation reported on 250 times. The API keeps snapshots of its state as it reads it, and
 * every answer — now, as at any date, as known at any time — is the one a fold of the whole log
 * gives (the same reads with every snapshot deleted). Forgetting the owner makes the snapshots
 * unusable: the name reads as erased, as it does in the log.
 */
const REPORTS = 250;
const auditor: Principal = { personId: 'aud', name: 'Auditor', role: 'auditor' };
const chief: Principal = { personId: 'cc-kent', name: 'Chief Constable of Kent (illustrative)', role: 'chief-officer', force: 'kent' };
const registrar: Principal = { personId: 'reg', name: 'Registrar', role: 'registrar' };
const owner = { personId: 'acc-kent-long', name: 'Assistant Chief Constable (illustrative)' };
const DAY = 86_400_000;
const start = Date.parse('2019-01-07T09:00:00Z');
const dayOf = (n: number) => new Date(start + n * DAY).toISOString();

describe('a long stream read through snapshots, over HTTP', () => {
  let api: TestApi;
  let send: ReturnType<typeof httpClient>;
  let recommendationId: string;
  const snapshots = async () =>
    (await api.database.adminPool.query<{ v: string }>("SELECT stream_version AS v FROM state_snapshots WHERE stream_id = $1 ORDER BY 1", [`recommendation-${recommendationId}`])).rows.map((r) => Number(r.v));

  beforeAll(async () => {
    api = await startTestApi();
    send = httpClient(api);
    created(await send('POST', '/offices/kent/chief-officer/appointments', registrar, { holder: { personId: chief.personId, name: chief.name }, basis: 'substantive', occurredAt: '2018-01-01T00:00:00Z' }));
    ({ recommendationId } = created(
      await send('POST', '/recommendations', chief, {
        source: 'inspection-report',
        reference: 'Illustrative inspection report',
        kind: 'area-for-improvement',
        text: 'Illustrative: a recommendation reported on every day',
        addressedTo: 'kent',
        owner,
        dueDate: '2030-03-31',
        occurredAt: dayOf(0),
      }),
    ));
    for (let i = 1; i <= REPORTS; i++) created(await send('POST', `/recommendations/${recommendationId}/progress`, chief, { note: `Illustrative progress ${i}`, occurredAt: dayOf(i) }));
  }, 120_000);
  afterAll(async () => api?.close());

  const read = async (query = '') => {
    const answer = await send('GET', `/recommendations/${recommendationId}${query}`, auditor);
    expect(answer.status).toBe(200);
    return answer.body!;
  };
  it('Given 251 events, When it is read now and as at dates along it, Then each answer counts the reports up to then, and snapshots are kept at 100 and 200', async () => {
    const now = await read();
    expect(now.progress).toHaveLength(REPORTS);
    // Every load after the first starts from the latest snapshot; the first (a command's or a read's) keeps them.
    expect(await snapshots()).toEqual([100, 200]);
    for (const [query, reports] of [[`?asOf=${dayOf(0)}`, 0], [`?asOf=${dayOf(99)}`, 99], [`?asOf=${dayOf(199)}`, 199], [`?asOf=${dayOf(230)}`, 230]] as const) {
      expect((await read(query)).progress).toHaveLength(reports);
    }
  });

  it('Then every answer, now, as at or as known at, is the one a fold of the whole log gives (the same reads with no snapshot)', async () => {
    const knownAt = new Date().toISOString();
    const all = ['', ...[0, 99, 100, 150, 201, 249, 250].map((n) => `?asOf=${dayOf(n)}`), `?knownAt=${knownAt}`, `?asOf=${dayOf(180)}&knownAt=${knownAt}`];
    const through = await Promise.all(all.map((q) => read(q)));
    await api.database.adminPool.query('DELETE FROM state_snapshots');
    const folded = await Promise.all(all.map((q) => read(q)));
    expect(through).toEqual(folded);
  });

  it('Given the owner forgotten (their key destroyed), Then no snapshot holding their name is used and it reads as erased', async () => {
    await read(); // snapshots kept again
    expect(await snapshots()).toEqual([100, 200]);
    await api.database.adminPool.query('SELECT ledger_forget_person($1)', [owner.personId]);
    const after = await read();
    expect(after.owner).toEqual({ personId: owner.personId, name: '[erased]' });
    expect(after.progress).toHaveLength(REPORTS);
    expect(JSON.stringify(after)).not.toContain(owner.name);
  });
});
