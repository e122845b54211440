import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { LocalIssuer } from '#identity';
import type { Principal } from '#shared-kernel';
import { type TestApi, startTestApi } from '../support/test-api.js';

const kentChief: Principal = { personId: 'p-kent-cc', name: 'Chief Constable of Kent (illustrative)', role: 'chief-officer', force: 'kent' };

describe('authentication with bearer tokens, over HTTP', () => {
  let api: TestApi;
  let strangerDir: string;
  let stranger: LocalIssuer;

  beforeAll(async () => {
    api = await startTestApi();
    strangerDir = await mkdtemp(join(tmpdir(), 'ledger-stranger-'));
    await chmod(strangerDir, 0o755);
    stranger = await LocalIssuer.openOrCreate(strangerDir); // same issuer name, a key this ledger never trusted
  });
  afterAll(async () => {
    await api?.close();
    await rm(strangerDir, { recursive: true, force: true });
  });

  const me = (authorization?: string) => fetch(`${api.url}/me`, { headers: authorization ? { authorization } : {} });

  async function expectRefused(response: Response, code: string) {
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(response.headers.get('www-authenticate')).toBe(`Bearer error="invalid_token", error_description="${code}"`);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ status: 401, code, title: 'Unauthorized', type: expect.stringMatching(/^\/problems\//) });
    expect(body.detail).toEqual(expect.any(String));
    expect(body).not.toHaveProperty('personId');
  }

  it('knows who a valid token speaks for', async () => {
    const response = await me(`Bearer ${await api.tokenFor(kentChief)}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(kentChief);
  });

  it('refuses a request without a token', async () => {
    await expectRefused(await me(), 'MissingToken');
  });

  it('refuses a scheme other than Bearer', async () => {
    await expectRefused(await me('Basic a2VudDpzZWNyZXQ='), 'MissingToken');
  });

  it('refuses a forged token: signed by a key the ledger does not trust', async () => {
    await expectRefused(await me(`Bearer ${await stranger.mint(kentChief)}`), 'TokenSignatureInvalid');
  });

  it('refuses a token whose payload was edited after signing', async () => {
    const [header, , signature] = (await api.tokenFor(kentChief)).split('.');
    const payload = Buffer.from(JSON.stringify({ sub: 'p-kent-cc', role: 'chief-officer', force: 'essex', exp: 4102444800, iss: 'urn:governance-ledger:local-issuer', aud: 'governance-ledger' })).toString('base64url');
    await expectRefused(await me(`Bearer ${header}.${payload}.${signature}`), 'TokenSignatureInvalid');
  });

  it('refuses an unsigned token (alg "none")', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const payload = Buffer.from(JSON.stringify({ sub: 'x', role: 'registrar', exp: 4102444800 })).toString('base64url');
    await expectRefused(await me(`Bearer ${header}.${payload}.`), 'TokenSignatureInvalid');
  });

  it('refuses an expired token', async () => {
    await expectRefused(await me(`Bearer ${await api.tokenFor(kentChief, { ttlSeconds: -120 })}`), 'TokenExpired');
  });

  it('refuses a token issued for another audience', async () => {
    await expectRefused(await me(`Bearer ${await api.tokenFor(kentChief, { audience: 'another-service' })}`), 'TokenNotForThisLedger');
  });

  it('refuses a token whose role is not one of the ledger’s', async () => {
    const token = await api.tokenFor({ ...kentChief, role: 'superintendent' as Principal['role'] });
    await expectRefused(await me(`Bearer ${token}`), 'TokenClaimsInvalid');
  });

  it('refuses a token issued in the future, beyond a minute of clock skew', async () => {
    const inAnHour = Math.floor(Date.now() / 1000) + 3600;
    await expectRefused(await me(`Bearer ${await api.tokenFor(kentChief, { issuedAt: inAnHour })}`), 'TokenIssuedInFuture');
    // Within the skew, a token is taken.
    const response = await me(`Bearer ${await api.tokenFor(kentChief, { issuedAt: Math.floor(Date.now() / 1000) + 30 })}`);
    expect(response.status).toBe(200);
  });

  it('refuses a token valid for longer than the ledger accepts (24 hours by default)', async () => {
    await expectRefused(await me(`Bearer ${await api.tokenFor(kentChief, { ttlSeconds: 25 * 3600 })}`), 'TokenLifetimeTooLong');
    expect((await me(`Bearer ${await api.tokenFor(kentChief, { ttlSeconds: 24 * 3600 })}`)).status).toBe(200);
  });

  it('refuses a force claim that names no force of the register', async () => {
    await expectRefused(await me(`Bearer ${await api.tokenFor({ ...kentChief, force: 'atlantis' })}`), 'TokenClaimsInvalid');
  });

  it('refuses something that is not a JWT at all', async () => {
    await expectRefused(await me('Bearer not-a-token'), 'TokenMalformed');
  });
});
