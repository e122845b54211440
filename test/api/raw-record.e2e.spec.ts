import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import canonicalize from 'canonicalize';
import { DemoHistory, LedgerCommands } from '#governance';
import type { Principal } from '#shared-kernel';
import { apiClient } from '../support/http-client.js';
import { type TestApi, startTestApi } from '../support/test-api.js';

/**
 * The raw record, as an auditor who has only docs/integrity.md reads it: every stored field, page by
 * page in the log's order, and every hash recomputed here from those fields alone — with an RFC 8785
 * library and SHA-256, not the ledger's own code.
 */
const auditor: Principal = { personId: 'aud', name: 'Internal audit', role: 'auditor' };
const chief: Principal = { personId: 'cc', name: 'Chief Constable', role: 'chief-officer', force: 'kent' };
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('the raw record', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
    await new DemoHistory(api.app.get(LedgerCommands)).load();
  });
  afterAll(async () => api?.close());

  it('gives auditors every stored field, page by page, enough to recompute every hash from docs/integrity.md alone', async () => {
    const client = apiClient(api, auditor);
    const all: Array<Record<string, any>> = [];
    let after: string | undefined;
    for (let page = 0; page < 100; page++) {
      const { data, response } = await client.GET('/events', { params: { query: { limit: 50, ...(after ? { after } : {}) } } });
      expect(response.status).toBe(200);
      all.push(...data!.items);
      after = data!.next;
      if (data!.end) break;
    }
    expect(all.length).toBeGreaterThan(100);
    const lastOf = new Map<string, string>();
    for (const e of all) {
      const digest = sha256(canonicalize({ eventId: e.eventId, type: e.type, schemaVersion: e.schemaVersion, occurredAt: e.occurredAt, data: e.data, metadata: e.metadata })!);
      const prev = lastOf.get(e.streamId) ?? '0'.repeat(64);
      expect(e.prevHash).toBe(prev);
      expect(sha256(['ledger-event-v1', prev, e.streamId, String(e.streamVersion), e.recordedAt, digest].join('\n'))).toBe(e.hash);
      expect(e.contentDigest).toBe(digest);
      lastOf.set(e.streamId, e.hash);
    }
    // One stream, from a version; and the log from a position.
    const stream = all[0]!.streamId as string;
    const { data: one } = await client.GET('/streams/{streamId}/events', { params: { path: { streamId: stream }, query: { fromVersion: 2, limit: 1 } } });
    expect(one!.items).toEqual([all.find((e) => e.streamId === stream && e.streamVersion === 2)]);
    const { data: from } = await client.GET('/events', { params: { query: { fromPosition: all[10]!.globalPosition, limit: 3 } } });
    expect(from!.items.map((e) => e.globalPosition)).toEqual(all.slice(10, 13).map((e) => e.globalPosition));
  });

  it('refuses others, a bad cursor and an unknown stream, with a problem each', async () => {
    const denied = await apiClient(api, chief).GET('/events', {});
    expect({ status: denied.response.status, code: denied.error?.code }).toEqual({ status: 403, code: 'RawRecordForAuditors' });
    const client = apiClient(api, auditor);
    const badCursor = await client.GET('/events', { params: { query: { after: 'yesterday' } } });
    expect({ status: badCursor.response.status, code: badCursor.error?.code }).toEqual({ status: 400, code: 'InvalidCursor' });
    const unknown = await client.GET('/streams/{streamId}/events', { params: { path: { streamId: 'collaboration-none' } } });
    expect({ status: unknown.response.status, code: unknown.error?.code }).toEqual({ status: 404, code: 'StreamNotFound' });
  });
});
