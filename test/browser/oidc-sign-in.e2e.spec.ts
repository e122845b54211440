import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { freePort } from '#event-store';
import { type WebLedger, launchChromium, newPage, startWebLedger } from '../support/browser.js';

/**
 * With an identity provider configured, the web app signs people in with the authorization-code
 * flow and PKCE (RFC 7636, S256), and the ledger takes the provider's access token as it would any
 * bearer token. The provider is oidc-provider in a process of its own (test/support/fake-identity-provider.mjs).
 */
describe('signing in through the identity provider', () => {
  let ledger: WebLedger;
  let browser: Browser;
  let provider: ChildProcess;

  beforeAll(async () => {
    const port = await freePort();
    const issuer = `http://127.0.0.1:${port}`;
    [ledger, browser] = await Promise.all([startWebLedger({ OIDC_ISSUER: issuer, OIDC_JWKS_URL: `${issuer}/jwks`, OIDC_CLIENT_ID: 'ledger-web' }), launchChromium()]);
    provider = spawn(process.execPath, ['test/support/fake-identity-provider.mjs', String(port), `${ledger.url}/app/auth/callback`], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    provider.stderr!.on('data', (chunk) => (output += chunk));
    const listening = new Promise<void>((resolve) => provider.stdout!.on('data', (chunk) => String(chunk).includes('listening') && resolve()));
    const exited = once(provider, 'exit').then(([code]) => Promise.reject(new Error(`the identity provider exited with ${code}:\n${output}`)));
    await Promise.race([listening, exited]);
  }, 180_000);
  afterAll(async () => {
    provider?.kill('SIGTERM');
    await browser?.close();
    await ledger?.close();
  });

  it('sends the person to the provider with a PKCE challenge, brings them back signed in, and their acts count as the office holder the provider names', async () => {
    const { context, page, errors } = await newPage(browser, ledger.url);
    const authorizations: URL[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname === '/auth' && url.searchParams.has('client_id')) authorizations.push(url);
    });
    await page.goto('/app/sign-in');
    expect(await page.getByText('Demo sign-in.').count()).toBe(0);
    await page.getByRole('button', { name: 'Sign in with your organisation’s account' }).click();

    // The provider's own sign-in page: the login is the person id the provider vouches for.
    await page.locator('input[name=login]').fill('demo-cc-dorset');
    await page.locator('input[name=password]').fill('any password');
    await page.locator('button[type=submit]').click();
    await page.getByRole('heading', { level: 1, name: 'What awaits you' }).waitFor();
    // The banner names the force by its code until the forces' names have loaded (useForceName): wait for the name.
    await page.getByRole('banner').getByText('Chief officer, Dorset Police').waitFor();
    expect(await page.getByRole('banner').textContent()).toMatch(/Chief Constable of Dorset Police \(illustrative\)\s*Chief officer, Dorset Police/);

    expect(authorizations).toHaveLength(1);
    const [authorization] = authorizations;
    expect(Object.fromEntries(authorization!.searchParams)).toEqual({
      client_id: 'ledger-web',
      redirect_uri: `${ledger.url}/app/auth/callback`,
      response_type: 'code',
      scope: 'openid profile',
      code_challenge: expect.stringMatching(/^[\w-]{43}$/),
      code_challenge_method: 'S256',
      state: expect.stringMatching(/^[\w-]{43}$/),
    });

    const item = page.getByRole('listitem').filter({ hasText: 'Sign the agreement for Dorset Police as its chief officer' });
    await item.getByRole('button', { name: 'Sign for Dorset Police' }).click();
    await page.getByRole('status').filter({ hasText: 'Signed. The signature is recorded.' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
