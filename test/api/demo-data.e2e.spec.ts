import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type EventStore, RAW_EVENT_STORE, verifyLog } from '#event-store';
import { DemoHistory, LedgerCommands } from '#governance';
import type { Principal } from '#shared-kernel';
import { httpClient } from '../support/http-client.js';
import { projectionsCaughtUp } from '../support/projections.js';
import { type TestApi, startTestApi } from '../support/test-api.js';

/** The demo history goes through the same commands and rules as real use, and reads back as the public record says. */
describe('the demo history', () => {
  let api: TestApi;
  const auditor: Principal = { personId: 'aud', name: 'Auditor', role: 'auditor' };

  beforeAll(async () => {
    api = await startTestApi();
    await new DemoHistory(api.app.get(LedgerCommands)).load();
    await projectionsCaughtUp(api);
  });
  afterAll(async () => api?.close());

  it('registers the eight collaborations with the statuses of the public record', async () => {
    const send = httpClient(api);
    const { items, total } = (await send('GET', '/register', auditor)).body!;
    expect(total).toBe(8);
    const byName = Object.fromEntries(items.map((e: { name: string }) => [e.name, e]));
    expect(byName['Seven Force Strategic Alliance']).toMatchObject({ status: 'in-force', parties: expect.arrayContaining(['kent', 'essex', 'suffolk']) });
    expect(byName['South West Tri-force Specialist Operations']).toMatchObject({ status: 'in-force', withdrawnParties: ['avon-and-somerset'] });
    expect(byName['North West Motorway Police Group']).toMatchObject({ withdrawnParties: ['lancashire'] });
    expect(byName['West Mercia and Warwickshire Strategic Alliance']).toMatchObject({ status: 'terminated' });
    const decisions = (await send('GET', '/decision-log', auditor)).body!.items;
    expect(decisions.map((d: { status: string }) => d.status).sort()).toEqual(['rejected', 'taken']);
    const benefits = (await send('GET', '/benefits-against-plan', auditor)).body!.items as Array<{ category: string }>;
    expect(benefits.map((b) => b.category).sort()).toEqual(['economic', 'effectiveness', 'effectiveness', 'effectiveness', 'effectiveness', 'effectiveness', 'efficiency']);
    const published = (await send('GET', '/public/register', null)).body!.items as Array<{ name: string; publication: string }>;
    expect(published.map((p) => [p.name, p.publication])).toEqual([['All Wales collaboration', 'full'], ['Seven Force Strategic Alliance', 'redacted']]);
  });

  it('verifies clean: every digest, chain and head of the demo history (as stored: personal names encrypted)', async () => {
    const report = await verifyLog(api.app.get<EventStore>(RAW_EVENT_STORE));
    expect(report.faults).toEqual([]);
    expect(report.eventsChecked).toBeGreaterThan(100);
  });
});
