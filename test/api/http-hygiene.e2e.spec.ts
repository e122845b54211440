import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Principal } from '#shared-kernel';
import { type TestApi, startTestApi } from '../support/test-api.js';

/** What every answer carries, whoever asks: security headers, no caching of signed-in data, metrics only for their scraper. */
const auditor: Principal = { personId: 'aud', name: 'Auditor', role: 'auditor' };
const METRICS_TOKEN = 'scraper-7f3c9a1e2b4d6f80';

describe('HTTP hygiene', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({ metricsToken: METRICS_TOKEN });
  });
  afterAll(async () => api?.close());

  it.each(['/', '/health', '/register', '/no-such-route', '/api/docs/openapi.json'])('answers %s with the security headers', async (path) => {
    const response = await fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${await api.tokenFor(auditor)}` } });
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('tells browsers and proxies to keep no copy of signed-in data', async () => {
    const signedIn = await fetch(`${api.url}/register`, { headers: { authorization: `Bearer ${await api.tokenFor(auditor)}` } });
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers.get('cache-control')).toBe('no-store');
    const refused = await fetch(`${api.url}/register`, { headers: { authorization: 'Bearer not-a-token' } });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('cache-control')).toBe('no-store');
  });

  it('answers the metrics only to the METRICS_TOKEN bearer', async () => {
    const without = await fetch(`${api.url}/metrics`);
    expect(without.status).toBe(401);
    expect(await without.json()).toMatchObject({ code: 'MetricsTokenRequired' });
    const wrong = await fetch(`${api.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN.replace('7', '8')}` } });
    expect(wrong.status).toBe(401);
    const person = await fetch(`${api.url}/metrics`, { headers: { authorization: `Bearer ${await api.tokenFor(auditor)}` } });
    expect(person.status).toBe(401);
    const scraper = await fetch(`${api.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(scraper.status).toBe(200);
    expect(await scraper.text()).toContain('ledger_projection_lag_events');
  });
});
