import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Principal } from '#shared-kernel';
import { type TestApi, startTestApi } from '../support/test-api.js';

/**
 * A query parameter a route does not take is a 400 problem, UnsupportedQueryParameter, naming it —
 * never silently ignored. Proved on every GET route of the OpenAPI document: an unknown parameter,
 * and on routes that read no date, asOf and knownAt (which they would otherwise answer as of now).
 */
interface Operation {
  parameters?: { name: string; in: 'path' | 'query' | 'header'; schema?: { format?: string } }[];
}
const document = JSON.parse(readFileSync(new URL('../../docs/api/openapi.json', import.meta.url), 'utf8')) as { paths: Record<string, Record<string, Operation>> };
const routes = Object.entries(document.paths).flatMap(([path, methods]) => (methods.get ? [{ path, operation: methods.get }] : []));

/** A plausible value for each path parameter: the check runs before the route reads them. */
const VALUES: Record<string, string> = { forceCode: 'kent', office: 'chief-officer', forceA: 'kent', forceB: 'essex', streamId: 'collaboration-x' };
const urlOf = (path: string) => path.replace(/\{(\w+)\}/g, (_m, name: string) => VALUES[name] ?? randomUUID());
const takes = (operation: Operation) => (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);

const auditor: Principal = { personId: 'aud', name: 'Internal audit', role: 'auditor' };

describe('every GET route refuses a query parameter it does not take', () => {
  let api: TestApi;
  let token: string;
  beforeAll(async () => {
    api = await startTestApi({ metricsToken: 'metrics-token-for-tests' });
    token = await api.tokenFor(auditor);
  });
  afterAll(async () => api?.close());

  it('covers every GET route of the document', () => {
    expect(routes.length).toBeGreaterThan(30);
  });

  it.each(routes.map((r) => [r.path, r] as const))('GET %s', async (_path, { path, operation }) => {
    const unsupported = ['unsupportedParameter', ...['asOf', 'knownAt'].filter((name) => !takes(operation).includes(name))];
    for (const name of unsupported) {
      const response = await fetch(`${api.url}${urlOf(path)}?${name}=2019-01-01`, { headers: { authorization: `Bearer ${token}` } });
      const problem = (await response.json()) as { code?: string; detail?: string; parameters?: string[]; supported?: string[] };
      expect({ name, status: response.status, type: response.headers.get('content-type'), code: problem.code, parameters: problem.parameters }).toEqual({
        name,
        status: 400,
        type: expect.stringMatching(/^application\/problem\+json/),
        code: 'UnsupportedQueryParameter',
        parameters: [name],
      });
      expect(problem.detail).toContain(`"${name}"`);
      // It names what the route does take: exactly the document's query parameters.
      expect([...problem.supported!].sort()).toEqual(takes(operation).sort());
    }
  });

  it('names every unsupported parameter at once, and still accepts what a route takes', async () => {
    const response = await fetch(`${api.url}/office-holders?force=kent&asOf=2019-01-01&knownAt=2019-01-01`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'UnsupportedQueryParameter', parameters: ['asOf', 'knownAt'] });
    const register = await fetch(`${api.url}/register?asOf=2019-01-01&knownAt=2019-06-01&force=kent&limit=5`, { headers: { authorization: `Bearer ${token}` } });
    expect(register.status).toBe(200);
    expect(await register.json()).toMatchObject({ asOf: '2019-01-01T23:59:59.999Z', knownAt: '2019-06-01T23:59:59.999Z', items: [] });
  });
});
