import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { PG_POOL } from '#event-store';
import type { Principal } from '#shared-kernel';
import { type TestApi, startTestApi } from '../support/test-api.js';

/**
 * Hostile and careless input, each case one request as the audit sent it: a clear RFC 9457
 * problem, never a 5xx, and nothing written. The requests are sent raw (not through the generated
 * client), as a careless client or an attacker would send them.
 */
const registrar: Principal = { personId: 'reg', name: 'Registrar', role: 'registrar' };
const manager: Principal = { personId: 'cm-kent', name: 'Manager, Kent', role: 'collaboration-manager', force: 'kent' };

interface Raw {
  status: number;
  contentType: string | null;
  body: Record<string, any> | undefined;
}

describe('hostile input: a problem detail, never a 5xx, nothing written', () => {
  let api: TestApi;
  let events: () => Promise<number>;
  let collaborationId: string;

  async function raw(method: string, path: string, who: Principal | null, body?: string, contentType = 'application/json'): Promise<Raw> {
    const headers: Record<string, string> = body === undefined ? {} : { 'content-type': contentType };
    if (who) headers.authorization = `Bearer ${await api.tokenFor(who)}`;
    const response = await fetch(`${api.url}${path}`, { method, headers, body });
    const text = await response.text();
    let parsed: Record<string, any> | undefined;
    try {
      parsed = text ? (JSON.parse(text) as Record<string, any>) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: response.status, contentType: response.headers.get('content-type'), body: parsed };
  }

  /** Sends it and checks the answer is the problem named, with nothing written. */
  async function refused(method: string, path: string, who: Principal | null, body: string | undefined, expected: { status: number; code: string; field?: string }, contentType?: string) {
    const before = await events();
    const answer = await raw(method, path, who, body, contentType);
    expect({ status: answer.status, code: answer.body?.code }).toEqual({ status: expected.status, code: expected.code });
    expect(answer.contentType).toMatch(/^application\/problem\+json/);
    expect(answer.body).toMatchObject({ type: expect.stringMatching(/^\/problems\//), title: expect.any(String), status: expected.status, detail: expect.any(String) });
    if (expected.field) expect(answer.body!.detail).toContain(expected.field);
    expect(await events()).toBe(before);
    return answer.body!;
  }

  const json = (value: unknown) => JSON.stringify(value);
  const recommendation = (overrides: Record<string, unknown> = {}) => ({
    source: 'inspection-report',
    reference: 'The Hard Yards',
    kind: 'recommendation',
    text: 'Track benefits',
    addressedTo: 'kent',
    owner: { personId: 'dcc-kent', name: 'Deputy Chief Constable (illustrative)' },
    dueDate: '2021-03-31',
    occurredAt: '2020-07-21T00:00:00Z',
    ...overrides,
  });

  beforeAll(async () => {
    api = await startTestApi();
    const pool = api.app.get<pg.Pool>(PG_POOL);
    events = async () => (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM events')).rows[0]!.n;
    const proposed = await raw(
      'POST',
      '/collaborations',
      manager,
      json({ name: 'Alliance (illustrative)', purpose: 'p', functions: ['f'], parties: ['kent', 'essex'], leadForce: 'kent', costSharing: 'c', noticePeriodMonths: 12, reviewDate: '2030-01-01', occurredAt: '2015-01-01T00:00:00Z' }),
    );
    expect(proposed.status).toBe(201);
    collaborationId = proposed.body!.collaborationId as string;
  });
  afterAll(async () => api?.close());

  describe('dates: one strict format, RFC 3339, everywhere', () => {
    it.each(['2020-01-01T10', '20200101', '2020-W01', '2020-366', '2020-01-01T10:00:00,5Z', '2026-02-30', '2020-01-01T00:00:00Z'])(
      'refuses the due date %s, which would have stopped the recommendations tracker',
      async (dueDate) => {
        await refused('POST', '/recommendations', manager, json(recommendation({ dueDate })), { status: 400, code: 'ValidationFailed', field: 'dueDate' });
      },
    );

    it.each(['2020-01-01T10', '20200101T100000Z', '2020-W01-1T10:00:00Z', '2020-01-01T10:00:00,5Z', '2020-01-01T10:00:00', '2026-02-30T10:00:00Z', '2019-04-01T09:30:00.123456Z', '2016-12-31T23:59:60Z'])(
      'refuses the occurredAt %s',
      async (occurredAt) => {
        await refused('POST', '/recommendations', manager, json(recommendation({ occurredAt })), { status: 400, code: 'ValidationFailed', field: 'occurredAt' });
      },
    );

    it('refuses a benefit whose target date is a week (2020-W01)', async () => {
      await refused(
        'POST',
        '/benefits',
        manager,
        json({ collaborationId, title: 't', category: 'economic', measure: 'm', unit: 'GBP', baseline: 0, target: 1, targetDate: '2020-W01', owner: { personId: 'o', name: 'Owner' }, sharePerForce: [{ party: 'kent', percent: 100 }] }),
        { status: 400, code: 'ValidationFailed', field: 'targetDate' },
      );
    });

    it.each(['asOf=2026-02-30', 'knownAt=2026-02-30T00:00:00Z', 'asOf=2020-W01', 'asOf=20200101', 'knownAt=2020-01-01T10'])('refuses ?%s with InvalidDate', async (query) => {
      await refused('GET', `/collaborations/${collaborationId}?${query}`, manager, undefined, { status: 400, code: 'InvalidDate' });
    });

    it('accepts an RFC 3339 time with an offset, and records it in UTC to the millisecond', async () => {
      const answer = await raw('POST', '/recommendations', manager, json(recommendation({ occurredAt: '2020-07-21T10:30:00.250+01:00' })));
      expect(answer.status).toBe(201);
      const recommendationId = answer.body!.streamId.replace(/^recommendation-/, '');
      const read = await raw('GET', `/recommendations/${recommendationId}`, manager);
      expect(read.body).toMatchObject({ raisedAt: '2020-07-21T09:30:00.250Z' });
    });
  });

  describe('text the log cannot hold', () => {
    it('refuses a NUL character in any string, naming the field', async () => {
      await refused('POST', '/recommendations', manager, json(recommendation({ owner: { personId: 'o', name: 'a\u0000b' } })), { status: 400, code: 'InvalidText', field: 'owner.name' });
    });

    it('refuses an unpaired surrogate, naming the field', async () => {
      await refused('POST', '/recommendations', manager, '{"source":"inspection-report","reference":"\\ud800x","kind":"recommendation"}', { status: 400, code: 'InvalidText', field: 'reference' });
      await refused('POST', '/recommendations', manager, json(recommendation({ text: 'ends badly \udc00' })), { status: 400, code: 'InvalidText', field: 'text' });
    });

    it('refuses a NUL character in a key', async () => {
      await refused('POST', '/recommendations', manager, '{"a\\u0000":1}', { status: 400, code: 'InvalidText' });
    });

    it('refuses a NUL character in a path parameter and in a query parameter', async () => {
      await refused('GET', '/streams/collaboration-%00/events', registrar, undefined, { status: 400, code: 'InvalidText' });
      await refused('GET', '/register?function=a%00b', manager, undefined, { status: 400, code: 'InvalidText', field: 'function' });
    });
  });

  describe('shapes that are not the request’s', () => {
    it('refuses a body nested 10,000 deep', async () => {
      await refused('POST', '/recommendations', manager, `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`, { status: 400, code: 'TooDeep' });
      await refused('POST', '/recommendations', manager, `${'['.repeat(10_000)}${']'.repeat(10_000)}`, { status: 400, code: 'BodyNotAnObject' });
    });

    it.each(['[]', '"text"', 'null', '42'])('refuses the body %s: a command is a JSON object', async (body) => {
      await refused('POST', '/recommendations', manager, body, { status: 400, code: 'BodyNotAnObject' });
    });

    it.each(['__proto__', 'constructor', 'prototype'])('refuses the key %s anywhere', async (key) => {
      await refused('POST', '/recommendations', manager, `{"owner":{"${key}":{"isAdmin":true}}}`, { status: 400, code: key === '__proto__' ? 'BadRequest' : 'ForbiddenKey' });
    });

    it('refuses an array where an object belongs (an acting holder of [], a rule of [[]])', async () => {
      await refused('POST', '/offices/kent/chief-officer/acting-designations', registrar, json({ holder: [], reason: 'leave' }), { status: 400, code: 'ValidationFailed', field: 'holder' });
      await refused('POST', `/collaborations/${collaborationId}/delegation-scheme`, manager, json({ rules: [[]] }), { status: 400, code: 'ValidationFailed', field: 'rules' });
      await refused('POST', '/recommendations', manager, json(recommendation({ owner: [] })), { status: 400, code: 'ValidationFailed', field: 'owner' });
    });

    it('refuses a missing nested object', async () => {
      await refused('POST', '/offices/kent/chief-officer/acting-designations', registrar, json({ reason: 'leave' }), { status: 400, code: 'ValidationFailed', field: 'holder' });
      await refused('POST', `/collaborations/${collaborationId}/key-roles`, manager, json({ keyRole: 'senior-responsible-owner', trainedInCollaboration: true, trainedInChangeManagement: false }), {
        status: 400,
        code: 'ValidationFailed',
        field: 'person',
      });
    });

    it('refuses a decision that weighed no options', async () => {
      await refused('POST', '/decisions', manager, json({ collaborationId, title: 't', category: 'operational', valueGbp: 1, rationale: 'r', optionsConsidered: [] }), { status: 400, code: 'ValidationFailed', field: 'optionsConsidered' });
    });

    it('refuses a form or plain text with 415', async () => {
      await refused('POST', '/recommendations', manager, 'source=inspection-report', { status: 415, code: 'UnsupportedMediaType' }, 'application/x-www-form-urlencoded');
      await refused('POST', '/recommendations', manager, 'hello', { status: 415, code: 'UnsupportedMediaType' }, 'text/plain');
    });
  });

  describe('queries and paths', () => {
    it('refuses a query parameter given twice', async () => {
      await refused('GET', '/register?region=Wales&region=North%20West', manager, undefined, { status: 400, code: 'RepeatedParameter', field: 'region' });
    });

    it.each(['/decision-log?collaborationId=x', '/benefits-against-plan?collaborationId=x'])('refuses an id filter that is not an id: %s', async (path) => {
      await refused('GET', path, manager, undefined, { status: 400, code: 'ValidationFailed', field: 'collaborationId' });
    });

    it.each(['offset=99999999999999999999', 'offset=1e400', 'limit=-1', 'offset=0x10', 'limit=NaN'])('refuses ?%s', async (query) => {
      await refused('GET', `/register?${query}`, manager, undefined, { status: 400, code: 'InvalidPage' });
    });

    it('refuses a timeline fromVersion out of range', async () => {
      await refused('GET', `/collaborations/${collaborationId}/timeline?fromVersion=99999999999999999999`, manager, undefined, { status: 400, code: 'InvalidPage' });
    });

    it('refuses a path parameter over its length with a problem detail', async () => {
      await refused('GET', `/collaborations/${'a'.repeat(5000)}`, manager, undefined, { status: 414, code: 'UriTooLong' });
      await refused('POST', `/collaborations/${'a'.repeat(5000)}/signatures`, manager, json({ party: 'kent' }), { status: 414, code: 'UriTooLong' });
    });
  });

  describe('ids that name nothing', () => {
    it('refuses a recommendation about a collaboration that does not exist', async () => {
      await refused('POST', '/recommendations', manager, json(recommendation({ collaborationId: randomUUID() })), { status: 404, code: 'CollaborationNotFound' });
    });

    it('refuses a recommendation about a collaboration addressed to a force that is not its party', async () => {
      const wiltshire: Principal = { personId: 'cm-wiltshire', name: 'Manager, Wiltshire', role: 'collaboration-manager', force: 'wiltshire' };
      await refused('POST', '/recommendations', wiltshire, json(recommendation({ collaborationId, addressedTo: 'wiltshire' })), { status: 422, code: 'AddresseeNotAParty' });
    });
  });
});
