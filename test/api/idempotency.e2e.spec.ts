import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { PG_POOL } from '#event-store';
import type { Principal } from '#shared-kernel';
import { type TestApi, startTestApi } from '../support/test-api.js';

/**
 * Retries never duplicate: a command sent again with its Idempotency-Key answers what it recorded
 * the first time, records nothing more, and remembers across a restart; the same key for another
 * request is refused.
 */
const registrar: Principal = { personId: 'reg', name: 'Registrar', role: 'registrar' };
const manager: Principal = { personId: 'cm-kent', name: 'Manager, Kent', role: 'collaboration-manager', force: 'kent' };
const chief = (force: string): Principal => ({ personId: `cc-${force}`, name: `Chief Constable of ${force} (illustrative)`, role: 'chief-officer', force });

interface Answer {
  status: number;
  replayed: string | null;
  etag: string | null;
  body: Record<string, any>;
}

describe('Idempotency-Key: retries never duplicate', () => {
  let api: TestApi;
  let events: () => Promise<number>;

  async function send(path: string, who: Principal, body: object, key?: string): Promise<Answer> {
    const response = await fetch(`${api.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await api.tokenFor(who)}`, 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
      body: JSON.stringify(body),
    });
    return { status: response.status, replayed: response.headers.get('idempotent-replayed'), etag: response.headers.get('etag'), body: (await response.json()) as Record<string, any> };
  }
  const proposal = (name = 'Alliance (illustrative)') => ({ name, purpose: 'p', functions: ['f'], parties: ['kent', 'essex'], leadForce: 'kent', costSharing: 'c', noticePeriodMonths: 12, reviewDate: '2030-01-01', occurredAt: '2015-01-01T00:00:00Z' });

  beforeAll(async () => {
    api = await startTestApi();
    events = async () => (await api.app.get<pg.Pool>(PG_POOL).query<{ n: number }>('SELECT count(*)::int AS n FROM events')).rows[0]!.n;
    for (const force of ['kent', 'essex']) {
      const appointed = await send(`/offices/${force}/chief-officer/appointments`, registrar, { holder: { personId: chief(force).personId, name: chief(force).name }, basis: 'substantive', occurredAt: '2014-01-01T00:00:00Z' });
      expect(appointed.status).toBe(201);
    }
  });
  afterAll(async () => api?.close());

  it('answers a retried proposal with what it recorded the first time, and records nothing more', async () => {
    const key = randomUUID();
    const first = await send('/collaborations', manager, proposal(), key);
    expect(first.status).toBe(201);
    expect(first.replayed).toBeNull();
    const before = await events();

    const retry = await send('/collaborations', manager, proposal(), key);
    expect(retry).toEqual({ ...first, replayed: 'true' });
    expect(await events()).toBe(before);
  });

  it('answers the same even when the first answer was lost and the retry comes without occurredAt (now is not part of the key)', async () => {
    const key = randomUUID();
    const { occurredAt: _now, ...undated } = proposal('Undated alliance (illustrative)');
    const first = await send('/collaborations', manager, undated, key);
    expect(first.status).toBe(201);
    const before = await events();
    const retry = await send('/collaborations', manager, undated, key);
    expect(retry).toEqual({ ...first, replayed: 'true' });
    expect(await events()).toBe(before);
  });

  it('refuses the same key for another request (another body), writing nothing', async () => {
    const key = randomUUID();
    expect((await send('/collaborations', manager, proposal('One (illustrative)'), key)).status).toBe(201);
    const before = await events();
    const reused = await send('/collaborations', manager, proposal('Another (illustrative)'), key);
    expect(reused.status).toBe(422);
    expect(reused.body).toMatchObject({ code: 'IdempotencyKeyReused', idempotencyKey: key });
    expect(await events()).toBe(before);
  });

  it('keeps each person’s keys to themselves: another person’s request with the same key is a request of its own', async () => {
    const key = randomUUID();
    const mine = await send('/collaborations', manager, proposal(), key);
    const otherManager: Principal = { ...manager, personId: 'cm-kent-2', name: 'Second manager, Kent' };
    const theirs = await send('/collaborations', otherManager, proposal(), key);
    expect([mine.status, theirs.status]).toEqual([201, 201]);
    expect(theirs.replayed).toBeNull();
    expect(theirs.body.collaborationId).not.toBe(mine.body.collaborationId);
  });

  it('answers a retried signature with its first answer, where a signature sent twice without a key is refused', async () => {
    const { collaborationId } = (await send('/collaborations', manager, proposal(), randomUUID())).body;
    const key = randomUUID();
    const signature = { party: 'kent', occurredAt: '2015-02-01T00:00:00Z' };
    const first = await send(`/collaborations/${collaborationId}/signatures`, chief('kent'), signature, key);
    expect(first.status).toBe(201);
    const retry = await send(`/collaborations/${collaborationId}/signatures`, chief('kent'), signature, key);
    expect(retry).toEqual({ ...first, replayed: 'true' });
    const unkeyed = await send(`/collaborations/${collaborationId}/signatures`, chief('kent'), signature);
    expect(unkeyed.status).toBe(422);
    expect(unkeyed.body.code).toBe('AlreadySigned');
  });

  it('records once when ten copies of one keyed request arrive at the same moment, and answers each with that record', async () => {
    const key = randomUUID();
    const before = await events();
    const answers = await Promise.all(Array.from({ length: 10 }, () => send('/collaborations', manager, proposal('Raced alliance (illustrative)'), key)));
    expect(answers.map((a) => [a.status, a.body.code])).toEqual(Array(10).fill([201, undefined]));
    expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1);
    expect(await events()).toBe(before + answers[0]!.body.events.length);
  });

  it('remembers a key across a restart: the key lives with the events', async () => {
    const key = randomUUID();
    const first = await send('/collaborations', manager, proposal('Before the restart (illustrative)'), key);
    expect(first.status).toBe(201);
    await api.restart();
    const before = await events();
    const retry = await send('/collaborations', manager, proposal('Before the restart (illustrative)'), key);
    expect(retry).toEqual({ ...first, replayed: 'true' });
    expect(await events()).toBe(before);
  });

  it.each([['has spaces'], ['x'.repeat(256)], ['']])('refuses the key %j with a problem, writing nothing', async (key) => {
    const before = await events();
    const response = await fetch(`${api.url}/collaborations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await api.tokenFor(manager)}`, 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify(proposal()),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'InvalidIdempotencyKey' });
    expect(await events()).toBe(before);
  });
});
