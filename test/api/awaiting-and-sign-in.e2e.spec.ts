import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EVENT_STORE, type EventStore } from '#event-store';
import { DemoHistory, DemoOpenBusiness, LedgerCommands } from '#governance';
import type { Principal } from '#shared-kernel';
import { apiClient } from '../support/http-client.js';
import { projectionsCaughtUp } from '../support/projections.js';
import { type TestApi, startTestApi } from '../support/test-api.js';

/**
 * What awaits a signed-in person (GET /me/awaiting) and the demo sign-in the web app offers with the
 * local issuer, over the demo history and the business it leaves open.
 */
describe('what awaits me, and the demo sign-in', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
    const commands = api.app.get(LedgerCommands);
    await new DemoHistory(commands).load();
    await new DemoOpenBusiness(commands, api.app.get<EventStore>(EVENT_STORE)).load();
    await projectionsCaughtUp(api);
  });
  afterAll(async () => api?.close());

  /** Signs in as a demo person through the API, as the web app's sign-in page does. */
  async function signIn(role: string, force?: string): Promise<{ token: string; principal: Principal }> {
    const { data, response } = await apiClient(api, null).POST('/sign-in/demo', { body: { role: role as 'auditor', ...(force ? { force: force as 'dorset' } : {}) } });
    expect(response.status).toBe(200);
    const principal = (await (await fetch(`${api.url}/me`, { headers: { authorization: `Bearer ${data!.accessToken}` } })).json()) as Principal;
    return { token: data!.accessToken, principal };
  }

  const awaiting = async (token: string) => {
    const response = await fetch(`${api.url}/me/awaiting`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    return (await response.json()) as { items: Array<{ kind: string; title: string; subjectId: string; streamId: string; version: number | null; overdue: boolean }>; note: string | null };
  };

  it('lists the demo’s office holders by force and role from the record, marked as demo, and the roles the demo provides', async () => {
    expect(await (await fetch(`${api.url}/sign-in/options`)).json()).toEqual({ mode: 'demo' });
    const { data } = await apiClient(api, null).GET('/sign-in/demo/people');
    expect(data!.demo).toBe(true);
    expect(data!.people).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ role: 'chief-officer', force: 'dorset', name: 'Chief Constable of Dorset Police (illustrative holder)', source: 'office-holder' }),
        expect.objectContaining({ role: 'policing-body', force: 'devon-and-cornwall', source: 'office-holder' }),
        expect.objectContaining({ role: 'collaboration-manager', force: 'devon-and-cornwall', source: 'demo-role' }),
        expect.objectContaining({ role: 'auditor', force: null }),
        expect.objectContaining({ role: 'registrar', force: null }),
      ]),
    );
  });

  it('signs in as the holder of an office without naming a person: the token is the record’s holder', async () => {
    const { principal } = await signIn('chief-officer', 'dorset');
    expect(principal).toEqual({ personId: 'demo-cc-dorset', name: 'Chief Constable of Dorset Police (illustrative holder)', role: 'chief-officer', force: 'dorset' });
    const refused = await apiClient(api, null).POST('/sign-in/demo', { body: { role: 'chief-officer', force: 'city-of-london' } });
    expect({ status: refused.response.status, code: refused.error?.code }).toEqual({ status: 404, code: 'DemoPersonNotFound' });
    const noForce = await apiClient(api, null).POST('/sign-in/demo', { body: { role: 'policing-body' } });
    expect({ status: noForce.response.status, code: noForce.error?.code }).toEqual({ status: 400, code: 'ValidationFailed' });
  });

  it('shows the PCC for Devon and Cornwall the agreement to sign and the decision to approve; once approved, the decision leaves', async () => {
    const { token } = await signIn('policing-body', 'devon-and-cornwall');
    const before = await awaiting(token);
    expect(before.items.map((i) => i.kind).sort()).toEqual(['approve-decision', 'sign-agreement']);
    const decision = before.items.find((i) => i.kind === 'approve-decision')!;
    expect(decision.title).toMatch(/Shared firearms training range/);

    const stale = await fetch(`${api.url}/decisions/${decision.subjectId}/approvals`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'if-match': `"${decision.version! - 1}"` },
      body: '{}',
    });
    expect(stale.status).toBe(412);
    const approved = await fetch(`${api.url}/decisions/${decision.subjectId}/approvals`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'if-match': `"${decision.version}"` },
      body: '{}',
    });
    expect(approved.status).toBe(201);
    expect((await awaiting(token)).items.map((i) => i.kind)).toEqual(['sign-agreement']);
  });

  it('shows a chief officer of the Seven Force alliance the variation to sign, and Nottinghamshire’s the overdue recommendation', async () => {
    const kent = await awaiting((await signIn('chief-officer', 'kent')).token);
    expect(kent.items).toEqual([expect.objectContaining({ kind: 'sign-variation', title: expect.stringMatching(/digital forensics/) })]);
    const nottinghamshire = await awaiting((await signIn('chief-officer', 'nottinghamshire')).token);
    expect(nottinghamshire.items).toEqual([expect.objectContaining({ kind: 'recommendation-due', overdue: true })]);
  });

  it('shows a collaboration manager of the lead force the benefit figures due, and an auditor nothing, saying why', async () => {
    const manager = await awaiting((await signIn('collaboration-manager', 'devon-and-cornwall')).token);
    // Of the alliance's 7 benefits, the five effectiveness ones went to the business areas after their reviews (seed 002): two figures are due.
    expect(manager.items.filter((i) => i.kind === 'record-measurement').map((i) => i.title)).toEqual([expect.stringMatching(/Cashable savings/), expect.stringMatching(/Non-cashable savings/)]);
    // And Devon and Cornwall's Hard Yards recommendation, answered (seed 002) but never closed.
    expect(manager.items.filter((i) => i.kind !== 'record-measurement')).toEqual([expect.objectContaining({ kind: 'recommendation-due', overdue: true })]);
    const auditor = await awaiting((await signIn('auditor')).token);
    expect(auditor).toMatchObject({ items: [], note: expect.stringMatching(/Auditors read everything and change nothing/) });
  });
});

describe('the demo sign-in, with an identity provider configured', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ identity: { issuer: 'https://login.example.police.uk/realms/ledger', jwksUrl: 'https://login.example.police.uk/realms/ledger/jwks', clientId: 'ledger-web' } });
  });
  afterAll(async () => api?.close());

  it('tells the web app to use the provider (authorization code with PKCE) and refuses to mint demo tokens', async () => {
    expect(await (await fetch(`${api.url}/sign-in/options`)).json()).toEqual({
      mode: 'oidc',
      oidc: { issuer: 'https://login.example.police.uk/realms/ledger', clientId: 'ledger-web', scope: 'openid profile', audience: 'governance-ledger' },
    });
    for (const [method, path, body] of [['GET', '/sign-in/demo/people', undefined], ['POST', '/sign-in/demo', JSON.stringify({ role: 'auditor' })]] as const) {
      const response = await fetch(`${api.url}${path}`, { method, headers: body ? { 'content-type': 'application/json' } : {}, body });
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await response.json()).toMatchObject({ code: 'DemoSignInUnavailable', detail: expect.stringMatching(/identity provider/) });
    }
  });
});
