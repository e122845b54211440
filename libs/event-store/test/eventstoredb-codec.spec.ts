import { describe, expect, it } from '@jest/globals';
import {
  AccessDeniedError,
  DeadlineExceededError,
  MaxAppendSizeExceededError,
  NO_STREAM,
  START,
  StreamDeletedError,
  UnavailableError,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import {
  AppendRefused,
  CLAIM_EVENT_TYPE,
  GENESIS_HASH,
  InvalidAppend,
  META,
  StoreUnavailable,
  WrongExpectedVersion,
  checkpointOfPosition,
  classifyAppendFailure,
  claimStreamOf,
  compareCheckpoints,
  contentDigest,
  decodeClaim,
  decodeEvent,
  encodeEventStoreDbAppend,
  expectationMet,
  isLedgerStream,
  judgeClaims,
  normalise,
  readPositionOf,
  recordedTimeFor,
  storeErrorOf,
  streamStateOf,
  verifyStreamChain,
  versionOf,
} from '#event-store';

const content = (n: number, overrides: Record<string, unknown> = {}) =>
  normalise({
    eventId: `0b9f3c1e-8a4d-4e2b-9c7a-5d6e7f809a${String(n).padStart(2, '0')}`,
    type: 'AgreementSigned',
    schemaVersion: 2,
    occurredAt: new Date('2015-04-01T09:30:00.000Z'),
    data: { partyForce: 'kent', note: 'Gŵyl — ünïcødé', contribution: 1250000.5 },
    metadata: { actor: { personId: 'p-17' }, role: 'chief-officer' },
    ...overrides,
  });

let claimCounter = 0;
const claimId = () => `00000000-0000-4000-8000-${String(++claimCounter).padStart(12, '0')}`;

describe('EventStoreDB versions and expectations', () => {
  it('numbers versions from 1 where EventStoreDB numbers revisions from 0; no stream is version 0', () => {
    expect(versionOf(NO_STREAM)).toBe(0);
    expect(versionOf(0n)).toBe(1);
    expect(versionOf(41n)).toBe(42);
    expect(streamStateOf(0)).toBe(NO_STREAM);
    expect(streamStateOf(1)).toBe(0n);
    expect(streamStateOf(42)).toBe(41n);
  });

  it('meets an expectation as ledger_append does: exact, no-stream, stream-exists, any', () => {
    expect([expectationMet(3, 3), expectationMet(3, 2), expectationMet(0, 0)]).toEqual([true, false, true]);
    expect([expectationMet('no-stream', 0), expectationMet('no-stream', 1)]).toEqual([true, false]);
    expect([expectationMet('stream-exists', 0), expectationMet('stream-exists', 5)]).toEqual([false, true]);
    expect([expectationMet('any', 0), expectationMet('any', 9)]).toEqual([true, true]);
  });
});

describe('EventStoreDB positions as checkpoints', () => {
  it('maps an $all position to (commit as transaction id, prepare as position) and back', () => {
    const position = { commit: 18_446_744_073_709_551_000n, prepare: 9_007_199_254_740_000n };
    const checkpoint = checkpointOfPosition(position);
    expect(checkpoint).toEqual({ transactionId: '18446744073709551000', position: 9_007_199_254_740_000 });
    expect(readPositionOf(checkpoint)).toEqual(position);
  });

  it('orders checkpoints as $all orders positions: by commit, then prepare', () => {
    const events = [
      { commit: 1024n, prepare: 1024n },
      { commit: 1024n, prepare: 1300n },
      { commit: 1600n, prepare: 1600n },
      { commit: 10_000n, prepare: 10_000n },
    ].map(checkpointOfPosition);
    for (let i = 1; i < events.length; i++) expect(compareCheckpoints(events[i - 1]!, events[i]!)).toBeLessThan(0);
  });

  it('reads the start of the log for the START checkpoint', () => {
    expect(readPositionOf({ transactionId: '0', position: 0 })).toBe(START);
  });

  it('refuses a prepare position a JavaScript number cannot hold exactly', () => {
    expect(() => checkpointOfPosition({ commit: 1n, prepare: 2n ** 53n + 1n })).toThrow(RangeError);
  });
});

describe('EventStoreDB recorded time', () => {
  const now = new Date('2026-11-30T10:00:00.123Z');

  it('is this process’s clock to the millisecond', () => {
    expect(recordedTimeFor(new Date(now.getTime() + 0.9))).toEqual(now);
  });

  it('never goes before the stream’s head, the log’s tail or the last time this process saw', () => {
    const later = new Date('2026-11-30T10:00:05.000Z');
    expect(recordedTimeFor(now, later, null, undefined)).toEqual(later);
    expect(recordedTimeFor(now, null, later)).toEqual(later);
    expect(recordedTimeFor(now, new Date('2020-01-01Z'), null)).toEqual(now);
  });
});

describe('EventStoreDB metadata: encoding and decoding', () => {
  const recordedAt = new Date('2026-11-30T10:00:00.123Z');
  const contents = [content(1), content(2, { schemaVersion: undefined })].map((c, i) => (i === 1 ? { ...c, schemaVersion: 1 } : c));
  const digests = contents.map(contentDigest);
  const encoded = encodeEventStoreDbAppend('collaboration-7f', { version: 0, hash: GENESIS_HASH, recordedAt: null }, contents, digests, recordedAt, claimId);

  it('carries both clocks, the schema version, the content digest and the links as string metadata', () => {
    const [first, second] = encoded.events;
    expect(first).toMatchObject({ id: contents[0]!.eventId, type: 'AgreementSigned', contentType: 'application/json', data: contents[0]!.data });
    expect(first!.metadata).toEqual({
      [META.format]: 'ledger-event-v1',
      [META.schemaVersion]: '2',
      [META.occurredAt]: '2015-04-01T09:30:00.000Z',
      [META.recordedAt]: '2026-11-30T10:00:00.123Z',
      [META.contentDigest]: digests[0],
      [META.prevHash]: GENESIS_HASH,
      [META.hash]: expect.stringMatching(/^[0-9a-f]{64}$/),
      [META.metadata]: JSON.stringify(contents[0]!.metadata),
    });
    expect(second!.metadata[META.prevHash]).toBe(first!.metadata[META.hash]);
    expect(encoded.lastHash).toBe(second!.metadata[META.hash]);
    for (const event of [...encoded.events, ...encoded.claims.map((c) => c.event)]) {
      expect(Object.values(event.metadata).every((value) => typeof value === 'string')).toBe(true);
    }
  });

  it('claims each event id in a stream of its own, with an event id of the claim’s own', () => {
    expect(encoded.claims.map((c) => c.streamName)).toEqual(contents.map((c) => `@event-id-${c.eventId}`));
    expect(encoded.claims[1]!.event).toMatchObject({ type: CLAIM_EVENT_TYPE, data: { eventId: contents[1]!.eventId, streamId: 'collaboration-7f', streamVersion: 2, contentDigest: digests[1] } });
    expect(encoded.claims.map((c) => c.event.id)).not.toContain(contents[0]!.eventId);
    expect(isLedgerStream(encoded.claims[0]!.streamName)).toBe(false);
    expect(isLedgerStream('$$$settings')).toBe(false);
    expect(isLedgerStream('collaboration-7f')).toBe(true);
  });

  it('decodes what it encoded (as the server gives it back, JSON parsed) into a chain that verifies', () => {
    const stored = encoded.events.map((event, i) => ({
      streamId: 'collaboration-7f',
      id: event.id,
      revision: BigInt(i),
      type: event.type,
      data: JSON.parse(JSON.stringify(event.data)),
      metadata: JSON.parse(JSON.stringify(event.metadata)),
      created: new Date('2026-11-30T10:00:00.456Z'),
      position: { commit: 5000n, prepare: 5000n + BigInt(i * 300) },
    }));
    const decoded = stored.map(decodeEvent);
    expect(decoded[0]).toEqual({
      globalPosition: 5000,
      transactionId: '5000',
      streamId: 'collaboration-7f',
      streamVersion: 1,
      eventId: contents[0]!.eventId,
      type: 'AgreementSigned',
      schemaVersion: 2,
      data: contents[0]!.data,
      metadata: contents[0]!.metadata,
      occurredAt: new Date('2015-04-01T09:30:00.000Z'),
      recordedAt,
      prevHash: GENESIS_HASH,
      hash: encoded.events[0]!.metadata[META.hash],
      contentDigest: digests[0],
    });
    expect(decoded[1]!.schemaVersion).toBe(1);
    expect(verifyStreamChain('collaboration-7f', decoded)).toMatchObject({ valid: true, length: 2 });
    // The server's own clock (`created`) is not the recorded time: it is not what was hashed.
    expect(decoded[0]!.recordedAt).not.toEqual(stored[0]!.created);
  });

  it('links to a stream’s head: the first new event’s previous hash is the head’s hash', () => {
    const head = { version: 7, hash: 'a'.repeat(64), recordedAt: new Date('2026-01-01Z') };
    const next = encodeEventStoreDbAppend('collaboration-7f', head, [content(3)], [contentDigest(content(3))], recordedAt, claimId);
    expect(next.events[0]!.metadata[META.prevHash]).toBe(head.hash);
    expect(next.claims[0]!.event.data).toMatchObject({ streamVersion: 8 });
  });

  it('decodes an event written around the adapter (no ledger metadata) so that verify names it, not so that a reader fails', () => {
    const foreign = decodeEvent({ streamId: 'collaboration-7f', id: 'ABC', revision: 0n, type: 'Whatever', data: new Uint8Array([1, 2]), metadata: undefined, created: new Date('2026-01-01Z'), position: { commit: 1n, prepare: 1n } });
    expect(foreign).toMatchObject({ eventId: 'abc', prevHash: '', hash: '', contentDigest: null, schemaVersion: 1, data: {}, metadata: {}, recordedAt: new Date('2026-01-01Z') });
    expect(verifyStreamChain('collaboration-7f', [foreign])).toMatchObject({ valid: false, brokenAtVersion: 1 });
  });

  it('reads a claim, and nothing else as one', () => {
    expect(decodeClaim(encoded.claims[0]!.event)).toEqual({ eventId: contents[0]!.eventId, streamId: 'collaboration-7f', streamVersion: 1, contentDigest: digests[0] });
    expect(decodeClaim({ type: 'AgreementSigned', data: encoded.claims[0]!.event.data })).toBeUndefined();
    expect(decodeClaim({ type: CLAIM_EVENT_TYPE, data: { eventId: 'x' } })).toBeUndefined();
  });
});

describe('EventStoreDB idempotency: what the claims of a request’s ids say', () => {
  const ids = ['id-a', 'id-b'];
  const digests = ['d'.repeat(64), 'e'.repeat(64)];
  const claim = (i: number, overrides: Record<string, unknown> = {}) => ({ eventId: ids[i]!, streamId: 's-1', streamVersion: 4 + i, contentDigest: digests[i]!, ...overrides });

  it('no claim: a new append', () => {
    expect(judgeClaims('s-1', ids, digests, [undefined, undefined])).toEqual({ kind: 'none' });
  });
  it('every id claimed by this stream, in order, with this content: a replay of versions 4 to 5', () => {
    expect(judgeClaims('s-1', ids, digests, [claim(0), claim(1)])).toEqual({ kind: 'replay', firstVersion: 4, lastVersion: 5 });
  });
  it.each([
    ['other content', [claim(0), claim(1, { contentDigest: 'f'.repeat(64) })]],
    ['another stream', [claim(0, { streamId: 's-2' }), claim(1, { streamId: 's-2' })]],
    ['another order', [claim(0, { streamVersion: 5 }), claim(1, { streamVersion: 4 })]],
    ['only some of the ids', [claim(0), undefined]],
  ])('ids claimed with %s: a conflict', (_case, claims) => {
    expect(judgeClaims('s-1', ids, digests, claims)).toEqual({ kind: 'conflict' });
  });
});

describe('EventStoreDB errors as the port’s typed errors', () => {
  it('tells a stream that moved (with its actual version) from an event id already claimed', () => {
    const moved = new WrongExpectedVersionError(undefined, { streamName: 'collaboration-1', expected: 2n, current: 4n });
    expect(classifyAppendFailure(moved, 'collaboration-1', 3)).toEqual({ kind: 'stream-moved', actualVersion: 5 });
    const claimed = new WrongExpectedVersionError(undefined, { streamName: claimStreamOf('ID-1'), expected: NO_STREAM, current: 0n });
    expect(classifyAppendFailure(claimed, 'collaboration-1', 3)).toEqual({ kind: 'id-claimed', claimStream: '@event-id-id-1' });
  });

  it('maps the client’s WrongExpectedVersionError to WrongExpectedVersion with the port’s actual version', () => {
    const error = storeErrorOf(new WrongExpectedVersionError(undefined, { streamName: 'collaboration-1', expected: NO_STREAM, current: 0n }), 'collaboration-1', 'no-stream');
    expect(error).toBeInstanceOf(WrongExpectedVersion);
    expect(error).toMatchObject({ streamId: 'collaboration-1', expectedVersion: 'no-stream', actualVersion: 1 });
  });

  it('maps an unreachable or leaderless cluster to StoreUnavailable, a denied user or a deleted stream to AppendRefused, an oversized write to InvalidAppend', () => {
    expect(classifyAppendFailure(new UnavailableError(), 's-1', 'any')).toMatchObject({ kind: 'error', error: expect.any(StoreUnavailable) });
    expect(storeErrorOf(new DeadlineExceededError(), 's-1')).toBeInstanceOf(StoreUnavailable);
    expect(storeErrorOf(new AccessDeniedError(), 's-1')).toBeInstanceOf(AppendRefused);
    expect(storeErrorOf(StreamDeletedError.fromStreamName('s-1'), 's-1')).toBeInstanceOf(AppendRefused);
    expect(storeErrorOf(MaxAppendSizeExceededError.fromMaxAppendSize(1024), 's-1')).toBeInstanceOf(InvalidAppend);
    const other = new TypeError('a bug');
    expect(storeErrorOf(other, 's-1')).toBe(other);
  });
});
