import { connect, type Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { EVENT_STORE, type EventStore } from '#event-store';
import type { Principal } from '#shared-kernel';
import { ILLUSTRATIVE_RECOMMENDATION } from '../../bench/suite/illustrative-command.js';
import { created, httpClient } from '../support/http-client.js';
import { type TestApi, startTestApi } from '../support/test-api.js';

const chief: Principal = { personId: 'cc-kent', name: 'Chief Constable of Kent', role: 'chief-officer', force: 'kent' };
const auditor: Principal = { personId: 'aud-1', name: 'Auditor', role: 'auditor' };
const recommendation = ILLUSTRATIVE_RECOMMENDATION;

/** What /metrics says of requests in flight and refused (it is never refused itself). */
async function admission(api: TestApi): Promise<{ inFlight: number; limit: number; refused: number }> {
  const text = await (await fetch(`${api.url}/metrics`)).text();
  const value = (name: string) => Number(new RegExp(`^${name} (\\d+)$`, 'm').exec(text)?.[1]);
  return { inFlight: value('ledger_http_requests_in_flight'), limit: value('ledger_http_requests_in_flight_limit'), refused: value('ledger_http_requests_refused_overloaded_total') };
}

/**
 * A command whose headers have arrived but whose body has not: the server holds it in flight for as
 * long as the client takes to send the rest, which this client never does until it is closed.
 */
const sockets: Socket[] = [];
async function commandHeldOpen(api: TestApi, token: string): Promise<Socket> {
  const { port } = new URL(api.url);
  const socket = connect(Number(port), '127.0.0.1');
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  socket.on('error', () => undefined);
  socket.write(`POST /recommendations HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"source":`);
  for (let attempt = 0; attempt < 200 && (await admission(api)).inFlight < 1; attempt++) await new Promise((r) => setTimeout(r, 10));
  return socket;
}

describe('Bounded admission: an API answering as many requests as it takes refuses more, writing nothing', () => {
  let api: TestApi;
  let store: EventStore;
  const send = () => httpClient(api);

  beforeAll(async () => {
    api = await startTestApi({ maxRequestsInFlight: 1 });
    store = api.app.get<EventStore>(EVENT_STORE);
  });
  // A test that fails midway leaves no request held open (the API would wait for it to close).
  afterEach(() => sockets.splice(0).forEach((socket) => socket.destroy()));
  afterAll(async () => api?.close());

  it('Given one request in flight and a bound of one, When a chief officer raises a recommendation, Then 503 Overloaded with Retry-After, nothing recorded; once the first is gone, the same command is recorded', async () => {
    const held = await commandHeldOpen(api, await api.tokenFor(chief));
    expect(await admission(api)).toEqual({ inFlight: 1, limit: 1, refused: 0 });
    const headBefore = await store.head();

    const refused = await send()('POST', '/recommendations', chief, recommendation);

    expect(refused.status).toBe(503);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.body).toEqual({
      type: '/problems/overloaded',
      title: 'Service Unavailable',
      status: 503,
      detail: 'The ledger is answering as many requests as it takes at once (1); nothing was done with this one. Try again in 1 second.',
      code: 'Overloaded',
      instance: '/recommendations',
      limit: 1,
    });
    expect(await store.head()).toEqual(headBefore);
    expect((await admission(api)).refused).toBe(1);

    held.destroy();
    for (let attempt = 0; attempt < 200 && (await admission(api)).inFlight > 0; attempt++) await new Promise((r) => setTimeout(r, 10));
    expect((await admission(api)).inFlight).toBe(0);

    const recorded = created(await send()('POST', '/recommendations', chief, recommendation));
    expect(recorded.events).toEqual([expect.objectContaining({ type: 'RecommendationRaised' })]);
    expect((await store.head()).position).toBe(headBefore.position + 1);
  });

  it('refuses reads beyond the bound too, but never health or metrics, which an operator needs most then', async () => {
    const held = await commandHeldOpen(api, await api.tokenFor(chief));

    const read = await send()('GET', '/register', auditor);
    const health = await fetch(`${api.url}/health`);

    expect({ status: read.status, code: read.body?.code }).toEqual({ status: 503, code: 'Overloaded' });
    expect(health.status).toBe(200);
    expect((await admission(api)).inFlight).toBe(1);
    held.destroy();
  });

  it('counts a request whose client went away as gone: the bound is not used up by abandoned requests', async () => {
    for (let i = 0; i < 3; i++) (await commandHeldOpen(api, await api.tokenFor(chief))).destroy();
    for (let attempt = 0; attempt < 200 && (await admission(api)).inFlight > 0; attempt++) await new Promise((r) => setTimeout(r, 10));

    expect((await admission(api)).inFlight).toBe(0);
    expect((await send()('GET', '/register', auditor)).status).toBe(200);
  });
});
