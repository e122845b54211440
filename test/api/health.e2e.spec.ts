import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EVENT_STORE, type EventStore } from '#event-store';
import { type TestApi, startTestApi } from '../support/test-api.js';

describe('GET /health over HTTP, without signing in', () => {
  let api: TestApi;
  let url: string;

  beforeAll(async () => {
    api = await startTestApi();
    url = api.url;
  });
  afterAll(async () => api?.close());

  it('reports the database up and the event store head position', async () => {
    const store = api.app.get<EventStore>(EVENT_STORE);
    await store.append({
      streamId: `probe-${randomUUID()}`,
      expectedVersion: 'no-stream',
      events: [1, 2, 3].map(() => ({ eventId: randomUUID(), type: 'HealthProbed', data: {}, occurredAt: new Date() })),
    });

    // The head is the highest position a gap-free reader can see: transactions still open anywhere
    // in the cluster (other test files share it) can hold it back for a moment, never past 3.
    let body: { status: string; info: { eventStore: { headPosition: number } } } | undefined;
    for (let attempt = 0; attempt < 100 && body?.info.eventStore.headPosition !== 3; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, 100));
      const response = await fetch(`${url}/health`);
      expect(response.status).toBe(200);
      body = (await response.json()) as typeof body;
      expect(body!.info.eventStore.headPosition).toBeLessThanOrEqual(3);
    }
    expect(body).toMatchObject({
      status: 'ok',
      info: { database: { status: 'up', embedded: false }, eventStore: { status: 'up', headPosition: 3 } },
    });
  });

  it('answers an unknown route with an RFC 9457 problem', async () => {
    const response = await fetch(`${url}/no-such-thing`, { headers: { 'x-correlation-id': 'audit-trail-42' } });

    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await response.json()).toEqual({
      type: '/problems/not-found',
      title: 'Not Found',
      status: 404,
      detail: 'Cannot GET /no-such-thing',
      code: 'NotFound',
      instance: '/no-such-thing',
    });
  });

  it('answers malformed JSON with a 400 problem', async () => {
    const response = await fetch(`${url}/health`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"oops":' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ status: 400, code: 'BadRequest' });
  });

  it('answers a body over 1 MiB with a 413 problem', async () => {
    const response = await fetch(`${url}/health`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ padding: 'x'.repeat(1_100_000) }),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ status: 413, code: 'ContentTooLarge' });
  });

  it('serves the web app’s page at / and under /app/ without sign-in, with a content security policy that allows no inline script', async () => {
    for (const path of ['/', '/app', '/app/collaborations/6f1c2a5e-3b7d-4f0e-9a1b-2c3d4e5f6a7b']) {
      const response = await fetch(`${url}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(response.headers.get('content-security-policy')).toMatch(/default-src 'self'; script-src 'self';/);
      // In-process (no built web app here) the page says how to build it; the browser tests use the built one.
      expect(await response.text()).toMatch(/<html lang="en-GB">/);
    }
  });

  it('turns degraded (still 200) when a read model cannot apply an event, naming it, where and why, on /health and /metrics', async () => {
    // No request can record such an event any more (dates are RFC 3339 at the write); an event
    // recorded before that rule, or by a faulty writer, is what this stands for.
    const store = api.app.get<EventStore>(EVENT_STORE);
    const recommendationId = randomUUID();
    const [globalPosition] = (
      await store.append({
        streamId: `recommendation-${recommendationId}`,
        expectedVersion: 'no-stream',
        events: [
          {
            eventId: randomUUID(),
            type: 'RecommendationRaised',
            data: { recommendationId, source: 'inspection-report', reference: 'r', kind: 'recommendation', text: 't', addressedTo: 'kent', collaborationId: null, owner: { personId: 'o', name: 'O' }, dueDate: '2020-W01', raisedBy: { personId: 'm', name: 'M' } },
            occurredAt: new Date('2020-07-21T00:00:00Z'),
          },
        ],
      })
    ).positions;

    type Health = { status: string; details: { projections: { failing: string[]; projections: Record<string, { failing: { position: number; error: string; attempts: number } | null }> } } };
    let health: Health | undefined;
    for (let attempt = 0; attempt < 200 && health?.status !== 'degraded'; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, 100));
      const response = await fetch(`${url}/health`);
      expect(response.status).toBe(200);
      health = (await response.json()) as Health;
    }
    expect(health!.status).toBe('degraded');
    expect(health!.details.projections.failing).toEqual(['recommendations.v3']);
    expect(health!.details.projections.projections['recommendations.v3']!.failing).toMatchObject({ position: globalPosition, error: expect.stringContaining('date'), attempts: expect.any(Number) });
    expect(health!.details.projections.projections['register.v4']!.failing).toBeNull();

    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toContain('ledger_projection_failing{projection="recommendations.v3"} 1');
    expect(metrics).toContain('ledger_projection_failing{projection="register.v4"} 0');
    expect(metrics).toContain(`ledger_projection_failing_position{projection="recommendations.v3"} ${globalPosition}`);
    expect(metrics).toContain('ledger_projection_failure_info{projection="recommendations.v3",error="invalid input syntax for type date: \\"2020-W01\\""} 1');
  });
});
