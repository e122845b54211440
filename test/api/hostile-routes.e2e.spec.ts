import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type pg from 'pg';
import { PG_POOL } from '#event-store';
import type { Principal } from '#shared-kernel';
import { type TestApi, startTestApi } from '../support/test-api.js';

/**
 * Every route of the OpenAPI document, driven by fast-check with generated bad paths, queries and
 * bodies, as signed-in people of every role: each answer is below 500, every refusal is an RFC 9457
 * problem detail, no command with a bad body is accepted, and the log does not move. A failure
 * prints the seed and the shrunk request that broke it.
 */
type Schema = Record<string, any>;
interface Operation {
  parameters?: { name: string; in: 'path' | 'query' | 'header'; schema?: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}

const document = JSON.parse(readFileSync(new URL('../../docs/api/openapi.json', import.meta.url), 'utf8')) as {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
};
const resolve = (schema: Schema): Schema => (schema.$ref ? resolve(document.components.schemas[String(schema.$ref).split('/').pop()!]!) : schema);

/** A body of the documented shape, from the document's examples: the starting point of each mutation. */
function sample(schema: Schema): unknown {
  const s = resolve(schema);
  if (s.example !== undefined) return s.example;
  if (s.enum) return s.enum[0];
  switch (s.type) {
    case 'object':
      return Object.fromEntries(Object.entries((s.properties ?? {}) as Record<string, Schema>).map(([key, value]) => [key, sample(value)]));
    case 'array':
      return s.items ? [sample(s.items)] : [];
    case 'number':
    case 'integer':
      return 1;
    case 'boolean':
      return true;
    default:
      return s.format === 'uuid' ? randomUUID() : s.format === 'date' ? '2020-01-01' : s.format === 'date-time' ? '2020-01-01T00:00:00Z' : 'x';
  }
}

/** A value of another JSON type than the schema's: never valid where the schema's type is expected. */
function otherType(schema: Schema): unknown {
  switch (resolve(schema).type) {
    case 'string':
      return 7;
    case 'number':
    case 'integer':
      return '7';
    case 'boolean':
      return 'true';
    case 'array':
      return { 0: 'x' };
    default:
      return [];
  }
}

/**
 * Percent-encodes any string, as an attacker's client would send it: a lone surrogate (which
 * encodeURIComponent refuses) becomes the three bytes of its WTF-8 encoding, which are not UTF-8.
 */
function encode(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    if (pair) {
      out += encodeURIComponent(text.slice(i, i + 2));
      i += 1;
    } else if (code >= 0xd800 && code <= 0xdfff) {
      out += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    } else {
      out += encodeURIComponent(text[i]!);
    }
  }
  return out;
}

const deep = (levels: number): unknown => (levels === 0 ? 1 : { a: deep(levels - 1) });

/** Strings that no field of any request may hold, and dates in every form but the one accepted. */
const hostileText = fc.oneof(
  fc.string({ maxLength: 20 }).map((s) => `${s}\u0000${s}`),
  fc.string({ maxLength: 20 }).map((s) => `${s}\ud800`),
  fc.string({ maxLength: 20 }).map((s) => `\udfff${s}`),
);
const badDates = ['2020-01-01T10', '20200101', '2020-W01', '2020-366', '2020-01-01T10:00:00,5Z', '2026-02-30', '2020-01-01T00:00:00.1234Z', '2020-13-01', ''];

type Mutation = (body: Record<string, unknown>, schema: Schema) => string;

/** One change that makes any body of the route invalid, whatever the rest of it holds. */
function mutations(schema: Schema): fc.Arbitrary<Mutation> {
  const s = resolve(schema);
  const properties = Object.entries((s.properties ?? {}) as Record<string, Schema>);
  const required: string[] = s.required ?? [];
  const field = properties.length ? fc.constantFrom(...properties) : fc.constant(['x', { type: 'string' }] as [string, Schema]);
  const set = (key: string, value: unknown): Mutation => (body) => JSON.stringify({ ...body, [key]: value });
  const options: fc.Arbitrary<Mutation>[] = [
    field.map(([key, property]) => set(key, otherType(property))),
    fc.tuple(field, hostileText).map(([[key], text]) => set(key, text)),
    fc.tuple(field, fc.integer({ min: 9, max: 40 })).map(([[key], levels]) => set(key, deep(levels))),
    fc.string({ minLength: 1, maxLength: 12 }).filter((key) => !properties.some(([name]) => name === key)).map((key) => set(`unknown-${key}`, 1)),
    fc.constantFrom('__proto__', 'constructor', 'prototype').map((key) => (body) => JSON.stringify(body).replace(/^\{/, `{"${key}":{"polluted":true},`)),
    fc.constant(() => '[]'),
    fc.jsonValue({ maxDepth: 3 }).filter((v) => typeof v !== 'object' || v === null || Array.isArray(v)).map((value) => () => JSON.stringify(value)),
  ];
  if (required.length) options.push(fc.constantFrom(...required).map((key) => (body) => JSON.stringify({ ...body, [key]: undefined })));
  const dateFields = properties.filter(([name, p]) => resolve(p).format === 'date' || resolve(p).format === 'date-time' || /Date$|^occurredAt$/.test(name));
  if (dateFields.length) options.push(fc.tuple(fc.constantFrom(...dateFields), fc.constantFrom(...badDates)).map(([[key], value]) => set(key, value)));
  return fc.oneof(...options);
}

/** Path parameter values: random ids, and text no id can be. */
const pathValue = fc.oneof(
  fc.uuid(),
  fc.constantFrom('kent', 'chief-officer', 'policing-body', 'collaboration-x', '..', '%2e%2e', 'x'.repeat(250)),
  fc.string({ maxLength: 40 }),
  hostileText,
);
const queryValue = fc.oneof(fc.string({ maxLength: 30 }), hostileText, fc.constantFrom(...badDates, '-1', '1e400', '0x10', '99999999999999999999', 'NaN', 'true'));

const people: Principal[] = [
  { personId: 'reg', name: 'Registrar', role: 'registrar' },
  { personId: 'cm-kent', name: 'Manager, Kent', role: 'collaboration-manager', force: 'kent' },
  { personId: 'cc-kent', name: 'Chief Constable of Kent', role: 'chief-officer', force: 'kent' },
  { personId: 'pcc-kent', name: 'PCC for Kent', role: 'policing-body', force: 'kent' },
  { personId: 'aud', name: 'Auditor', role: 'auditor' },
];

/**
 * Requests that the ledger would accept as they stand, in the world the suite sets up: mutated,
 * they pass access and reach the domain and the store, where a missing check would show as a
 * 5xx or as something written.
 */
interface Base {
  who: Principal;
  path: Record<string, string>;
  body: Record<string, unknown>;
}
const kentManager = people[1]!;
const essexPolicingBody: Principal = { personId: 'pcc-essex', name: 'PCC for Essex', role: 'policing-body', force: 'essex' };
function basesFor(collaborationId: string): Record<string, Base> {
  const owner = { personId: 'o-1', name: 'Owner (illustrative)' };
  return {
    'POST /collaborations': {
      who: kentManager,
      path: {},
      body: { name: 'Alliance (illustrative)', purpose: 'p', functions: ['f'], parties: ['kent', 'essex'], leadForce: 'kent', costSharing: 'c', noticePeriodMonths: 12, reviewDate: '2030-01-01', occurredAt: '2015-01-01T00:00:00Z' },
    },
    'POST /recommendations': {
      who: kentManager,
      path: {},
      body: { source: 'inspection-report', reference: 'r', kind: 'recommendation', text: 't', addressedTo: 'kent', collaborationId, owner, dueDate: '2021-03-31', occurredAt: '2020-07-21T00:00:00Z' },
    },
    'POST /decisions': { who: kentManager, path: {}, body: { collaborationId, title: 't', category: 'operational', valueGbp: 1, rationale: 'r', optionsConsidered: ['a'], occurredAt: '2016-01-01T00:00:00Z' } },
    'POST /benefits': {
      who: kentManager,
      path: {},
      body: { collaborationId, title: 't', category: 'economic', measure: 'm', unit: 'GBP', baseline: 0, target: 1, targetDate: '2018-03-31', owner, sharePerForce: [{ party: 'kent', percent: 100 }], occurredAt: '2016-01-01T00:00:00Z' },
    },
    'POST /forces/{forceCode}/risk-appetite/declarations': { who: people[2]!, path: { forceCode: 'kent' }, body: { category: 'financial', level: 'cautious', statement: 's', occurredAt: '2016-01-01T00:00:00Z' } },
    'POST /offices/{forceCode}/{office}/appointments': { who: people[0]!, path: { forceCode: 'essex', office: 'policing-body' }, body: { holder: { personId: essexPolicingBody.personId, name: essexPolicingBody.name }, basis: 'substantive', occurredAt: '2014-01-01T00:00:00Z' } },
    'POST /collaborations/{collaborationId}/key-roles': { who: kentManager, path: { collaborationId }, body: { keyRole: 'senior-responsible-owner', person: owner, trainedInCollaboration: true, trainedInChangeManagement: false, occurredAt: '2016-01-01T00:00:00Z' } },
  };
}

const operations = Object.entries(document.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ path, method: method.toUpperCase(), operation })));

describe('every route of the OpenAPI document, under generated hostile input', () => {
  let api: TestApi;
  let events: () => Promise<number>;
  const tokens = new Map<string, string>();

  let bases: Record<string, Base>;

  beforeAll(async () => {
    api = await startTestApi({ rateLimits: { perPrincipalPerMinute: 1_000_000, perIpPerMinute: 1_000_000 } });
    const pool = api.app.get<pg.Pool>(PG_POOL);
    events = async () => (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM events')).rows[0]!.n;
    for (const who of [...people, essexPolicingBody]) tokens.set(who.personId, await api.tokenFor(who));
    const proposed = await fetch(`${api.url}/collaborations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.get(kentManager.personId)}`, 'content-type': 'application/json' },
      body: JSON.stringify(basesFor('')['POST /collaborations']!.body),
    });
    expect(proposed.status).toBe(201);
    bases = basesFor(((await proposed.json()) as { collaborationId: string }).collaborationId);
  });

  afterAll(async () => api?.close());

  it('covers every route the document names', () => {
    expect(operations.length).toBeGreaterThan(60);
  });

  it.each(operations.map((o) => [`${o.method} ${o.path}`, o] as const))('%s: a problem detail, never a 5xx, nothing written', async (_name, { path, method, operation }) => {
    const pathParameters = (operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
    const queryParameters = (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
    const bodySchema = operation.requestBody?.content['application/json']?.schema;
    const before = await events();

    const base = bases[`${method} ${path}`];
    const request = fc.record({
      useBase: base ? fc.boolean() : fc.constant(false),
      who: fc.constantFrom(...people),
      pathValues: fc.tuple(...pathParameters.map(() => pathValue), fc.constant(null)),
      query: fc.array(fc.tuple(fc.oneof(fc.constantFrom(...queryParameters, 'unknown'), fc.string({ maxLength: 10 })), queryValue), { maxLength: 4 }),
      mutate: bodySchema ? mutations(bodySchema) : fc.constant(null),
    });

    await fc.assert(
      fc.asyncProperty(request, async ({ useBase, who: anyone, pathValues, query: anyQuery, mutate }) => {
        // From a request the ledger accepts, one change; or anything at all.
        const who = useBase ? base!.who : anyone;
        const query = useBase ? [] : anyQuery;
        let url = path;
        pathParameters.forEach((name, index) => (url = url.replace(`{${name}}`, useBase ? base!.path[name]! : encode(String(pathValues[index])))));
        const search = query.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&');
        const headers: Record<string, string> = { authorization: `Bearer ${tokens.get(who.personId)}` };
        let body: string | undefined;
        if (bodySchema && mutate) {
          body = mutate(useBase ? base!.body : (sample(bodySchema) as Record<string, unknown>), bodySchema);
          headers['content-type'] = 'application/json';
        }
        const response = await fetch(`${api.url}${url}${search ? `?${search}` : ''}`, { method, headers, body });
        const text = await response.text();
        const answer = { method, url, search, body: body?.slice(0, 300), status: response.status, text: text.slice(0, 300) };
        expect(answer.status < 500 ? 'below 500' : answer).toBe('below 500');
        if (response.status >= 400) {
          expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
          const problem = JSON.parse(text) as { code?: unknown; status?: unknown };
          expect(typeof problem.code === 'string' && problem.status === response.status ? 'a problem' : answer).toBe('a problem');
        }
        if (method !== 'GET') expect(response.status >= 400 ? 'refused' : answer).toBe('refused');
      }),
      { numRuns: 25 },
    );
    expect(await events()).toBe(before);
  });

  it('started each mutation one change away from a request the ledger accepts (each base, sent as it is, is accepted)', async () => {
    for (const [route, base] of Object.entries(bases)) {
      const [method, path] = route.split(' ') as [string, string];
      let url = path;
      for (const [name, value] of Object.entries(base.path)) url = url.replace(`{${name}}`, value);
      const response = await fetch(`${api.url}${url}`, {
        method,
        headers: { authorization: `Bearer ${tokens.get(base.who.personId)}`, 'content-type': 'application/json' },
        body: JSON.stringify(base.body),
      });
      expect({ route, status: response.status, body: response.status === 201 ? undefined : await response.text() }).toEqual({ route, status: 201, body: undefined });
    }
  });
});
