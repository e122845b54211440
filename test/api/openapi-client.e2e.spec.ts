import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Principal } from '#shared-kernel';
import { apiClient } from '../support/http-client.js';
import { type TestApi, startTestApi } from '../support/test-api.js';

/**
 * The API's contract: the document it serves is the one committed (docs/api/openapi.json, from which
 * the e2e client's types are generated: `npm run openapi` refreshes both), and a reader can read its
 * own write from a read model by naming the position its command answered with.
 */
const registrar: Principal = { personId: 'reg', name: 'Registrar', role: 'registrar' };
const auditor: Principal = { personId: 'aud', name: 'Auditor', role: 'auditor' };
const manager: Principal = { personId: 'cm', name: 'Manager', role: 'collaboration-manager', force: 'dorset' };

describe('the API contract', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => api?.close());

  it('serves exactly the committed OpenAPI document (run `npm run openapi` after changing a route)', async () => {
    const served = await (await fetch(`${api.url}/api/docs/openapi.json`)).json();
    const committed = JSON.parse(await readFile(new URL('../../docs/api/openapi.json', import.meta.url), 'utf8'));
    expect(served).toEqual(committed);
  });

  it('reads its own write from the register by naming the position the command answered with', async () => {
    const asRegistrar = apiClient(api, registrar);
    for (const force of ['dorset', 'devon-and-cornwall']) {
      for (const office of ['chief-officer', 'policing-body'] as const) {
        const { response } = await asRegistrar.POST('/offices/{forceCode}/{office}/appointments', {
          params: { path: { forceCode: force, office } },
          body: { holder: { personId: `${force}-${office}`, name: `${office} of ${force}` }, basis: 'substantive', occurredAt: '2014-01-01T00:00:00Z' },
        });
        expect(response.status).toBe(201);
      }
    }
    const { data: proposed } = await apiClient(api, manager).POST('/collaborations', {
      body: { name: 'Strategic alliance (illustrative)', purpose: 'Shared support services', functions: ['support services'], parties: ['dorset', 'devon-and-cornwall'], leadForce: 'dorset', costSharing: 'by headcount', noticePeriodMonths: 12, reviewDate: '2018-04-01', occurredAt: '2014-09-01T00:00:00Z' },
    });
    const position = proposed!.events[0]!.globalPosition;
    const { data: register, response } = await apiClient(api, auditor).GET('/register', { headers: { 'Ledger-Read-After': String(position) } });
    expect(response.status).toBe(200);
    expect(register!.items.map((entry) => entry.collaborationId)).toEqual([proposed!.collaborationId]);
  });

  it('refuses a Ledger-Read-After that names no position, or a position never recorded', async () => {
    const asAuditor = apiClient(api, auditor);
    const bad = await asAuditor.GET('/register', { headers: { 'Ledger-Read-After': 'soon' } });
    expect({ status: bad.response.status, code: bad.error?.code }).toEqual({ status: 400, code: 'InvalidReadAfter' });
    const unknown = await asAuditor.GET('/register', { headers: { 'Ledger-Read-After': '999999' } });
    expect({ status: unknown.response.status, code: unknown.error?.code }).toEqual({ status: 400, code: 'UnknownPosition' });
  });
});
