import {
  AccessDeniedError,
  type AppendStreamState,
  type CurrentStreamState,
  DeadlineExceededError,
  type Filter,
  type JSONEventData,
  MaxAppendSizeExceededError,
  NO_STREAM,
  NotLeaderError,
  type Position,
  START,
  StreamDeletedError,
  StreamTombstonedError,
  TimeoutError,
  TransactionMaxSizeExceededError,
  UnavailableError,
  WrongExpectedVersionError,
  streamNameFilter,
} from '@kurrent/kurrentdb-client';
import { AppendRefused, ImportRefused, InvalidAppend, StoreUnavailable, WrongExpectedVersion } from '../event-store.errors.js';
import type { Checkpoint, ExpectedVersion, RecordedEvent } from '../event-store.port.js';
import { CHAIN_FORMAT, GENESIS_HASH, type HashedContent, chainLink, contentDigest } from '../hash-chain.js';

/**
 * How the ledger's events are written to and read from EventStoreDB/KurrentDB (ADR 0005): pure
 * functions, unit-tested without a server.
 *
 * - Versions: the port numbers a stream's events from 1, EventStoreDB's revisions from 0.
 * - Positions: an event's $all position {commit, prepare} is its checkpoint (transactionId = commit,
 *   position = prepare); globalPosition is the prepare position.
 * - Metadata: EventStoreDB keeps one metadata object per event; the ledger's own fields (both
 *   clocks, schema version, content digest, previous hash, hash) go there under `ledger.` keys with
 *   string values, and the writer's metadata object as JSON text in `ledger.metadata`.
 * - Event-id claims: every append also writes, atomically, one event to the stream
 *   `@event-id-<uuid>` of each of its event ids, expecting that stream not to exist. No ledger stream
 *   can have that name (a port stream id starts with a letter or digit), and readers filter them out.
 */

/** Metadata keys. Values are strings: multi-stream appends carry metadata as a string map. */
export const META = {
  format: 'ledger.format',
  schemaVersion: 'ledger.schemaVersion',
  occurredAt: 'ledger.occurredAt',
  recordedAt: 'ledger.recordedAt',
  contentDigest: 'ledger.contentDigest',
  prevHash: 'ledger.prevHash',
  hash: 'ledger.hash',
  metadata: 'ledger.metadata',
} as const;

export const CLAIM_STREAM_PREFIX = '@event-id-';
export const CLAIM_EVENT_TYPE = 'LedgerEventIdClaimed';

/** A ledger stream id starts with a letter or digit; system streams ($…), metadata streams ($$…) and claims (@…) do not. */
export const LEDGER_STREAMS_REGEX = '^[A-Za-z0-9]';
export const ledgerStreamsFilter = (): Filter => streamNameFilter({ regex: LEDGER_STREAMS_REGEX });
export const isLedgerStream = (streamName: string): boolean => /^[A-Za-z0-9]/.test(streamName);

export const claimStreamOf = (eventId: string): string => `${CLAIM_STREAM_PREFIX}${eventId.toLowerCase()}`;

/** What a claim says: which stream and version recorded the event id, with which content. */
export interface EventIdClaim {
  eventId: string;
  streamId: string;
  streamVersion: number;
  contentDigest: string;
}

// ---- versions and expectations ----

/** The port's version (0: no stream) of an EventStoreDB stream state. */
export function versionOf(state: CurrentStreamState | bigint): number {
  return state === NO_STREAM ? 0 : Number(state) + 1;
}

/** The exact EventStoreDB stream state of a stream whose version is `version` (0: it does not exist). */
export function streamStateOf(version: number): AppendStreamState {
  return version === 0 ? NO_STREAM : BigInt(version - 1);
}

/** Whether a stream at `current` meets the writer's expectation (as ledger_append decides it). */
export function expectationMet(expected: ExpectedVersion, current: number): boolean {
  if (expected === 'any') return true;
  if (expected === 'no-stream') return current === 0;
  if (expected === 'stream-exists') return current > 0;
  return expected === current;
}

// ---- positions and checkpoints ----

/** The checkpoint of an $all position: commit position as the transaction id, prepare position as the position. */
export function checkpointOfPosition(position: Position): Checkpoint {
  if (position.prepare > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`prepare position ${position.prepare} is beyond 2^53`);
  return { transactionId: position.commit.toString(10), position: Number(position.prepare) };
}

/** Where a read of $all resumes for a checkpoint: the start of the log, or the checkpoint's own $all position. */
export function readPositionOf(checkpoint: Checkpoint): typeof START | Position {
  if (checkpoint.transactionId === '0' && checkpoint.position === 0) return START;
  return { commit: BigInt(checkpoint.transactionId), prepare: BigInt(checkpoint.position) };
}

// ---- clocks ----

/**
 * The recorded time of an append: this process's clock, truncated to milliseconds (as hashed), but
 * never earlier than the stream's last recorded time nor the last one of the log this process has
 * seen. The store's clock is the appending process's: EventStoreDB stamps `created` itself, but only
 * after the write, too late to be hashed.
 */
export function recordedTimeFor(now: Date, ...notBefore: ReadonlyArray<Date | null | undefined>): Date {
  let ms = Math.floor(now.getTime());
  for (const bound of notBefore) if (bound && bound.getTime() > ms) ms = bound.getTime();
  return new Date(ms);
}

// ---- writing ----

export interface EventStoreDbHead {
  version: number;
  hash: string;
  recordedAt: Date | null;
}

export const EMPTY_HEAD: EventStoreDbHead = Object.freeze({ version: 0, hash: GENESIS_HASH, recordedAt: null });

export type LedgerEventData = JSONEventData & { metadata: Record<string, string> };

export interface EncodedAppend {
  /** The stream's events, linked to its head. */
  events: LedgerEventData[];
  /** One claim per event id. */
  claims: Array<{ streamName: string; event: LedgerEventData }>;
  /** The hash of the last event: the stream's new head. */
  lastHash: string;
}

/**
 * The events of an append to a stream at `head`, each linked to the one before (the chain needs
 * the head's hash: the append must then expect exactly the head's revision), and their claims.
 * `claimId` gives each claim event an id of its own, never reused, so that EventStoreDB's own
 * idempotency (by event id, per stream) never answers for a claim.
 */
export function encodeEventStoreDbAppend(
  streamId: string,
  head: EventStoreDbHead,
  contents: readonly HashedContent[],
  digests: readonly string[],
  recordedAt: Date,
  claimId: () => string,
): EncodedAppend {
  let prevHash = head.hash;
  const events: LedgerEventData[] = [];
  const claims: EncodedAppend['claims'] = [];
  contents.forEach((content, i) => {
    const streamVersion = head.version + i + 1;
    const digest = digests[i]!;
    const hash = chainLink(prevHash, streamId, streamVersion, recordedAt, digest);
    events.push({
      id: content.eventId,
      contentType: 'application/json',
      type: content.type,
      data: content.data as LedgerEventData['data'],
      metadata: {
        [META.format]: CHAIN_FORMAT,
        [META.schemaVersion]: String(content.schemaVersion),
        [META.occurredAt]: content.occurredAt.toISOString(),
        [META.recordedAt]: recordedAt.toISOString(),
        [META.contentDigest]: digest,
        [META.prevHash]: prevHash,
        [META.hash]: hash,
        [META.metadata]: JSON.stringify(content.metadata),
      },
    });
    claims.push({
      streamName: claimStreamOf(content.eventId),
      event: {
        id: claimId(),
        contentType: 'application/json',
        type: CLAIM_EVENT_TYPE,
        data: { eventId: content.eventId, streamId, streamVersion, contentDigest: digest },
        metadata: { [META.format]: CHAIN_FORMAT },
      },
    });
    prevHash = hash;
  });
  return { events, claims, lastHash: prevHash };
}

/**
 * Events copied from another store (`ledger migrate-store`), one stream's run of them, as they were
 * recorded: their recorded time, previous hash and hash are kept, never recomputed. Refused unless
 * they extend the stream's head exactly (version, previous hash), each hash is its link, and no
 * recorded time is earlier than the head's or `notBefore` (the log's last).
 */
export function encodeImported(events: readonly RecordedEvent[], head: EventStoreDbHead, notBefore: Date | null, claimId: () => string): EncodedAppend {
  let prev = head.hash;
  let version = head.version;
  let floor = [head.recordedAt, notBefore].reduce<number>((max, d) => (d && d.getTime() > max ? d.getTime() : max), -Infinity);
  const contents: HashedContent[] = [];
  const digests: string[] = [];
  for (const event of events) {
    const at = { eventId: event.eventId, streamId: event.streamId, streamVersion: event.streamVersion };
    if (event.streamVersion !== version + 1 || event.prevHash !== prev) throw new ImportRefused(`event ${event.eventId} (version ${event.streamVersion} of ${event.streamId}) does not extend its stream, whose head is version ${version}`, at);
    const digest = event.contentDigest ?? contentDigest(event);
    if (chainLink(prev, event.streamId, event.streamVersion, event.recordedAt, digest) !== event.hash) throw new ImportRefused(`event ${event.eventId} (version ${event.streamVersion} of ${event.streamId}): its hash is not its link`, at);
    if (event.recordedAt.getTime() < floor) throw new ImportRefused(`event ${event.eventId} (version ${event.streamVersion} of ${event.streamId}) was recorded at ${event.recordedAt.toISOString()}, before what the log has already recorded`, at);
    floor = event.recordedAt.getTime();
    contents.push({ eventId: event.eventId, type: event.type, schemaVersion: event.schemaVersion, occurredAt: event.occurredAt, data: event.data, metadata: event.metadata });
    digests.push(digest);
    prev = event.hash;
    version = event.streamVersion;
  }
  // The same encoding as an append, one event at a time so that each keeps its own recorded time.
  const encoded: EncodedAppend = { events: [], claims: [], lastHash: prev };
  let at = head;
  events.forEach((event, i) => {
    const one = encodeEventStoreDbAppend(event.streamId, at, [contents[i]!], [digests[i]!], event.recordedAt, claimId);
    encoded.events.push(...one.events);
    encoded.claims.push(...one.claims);
    at = { version: event.streamVersion, hash: event.hash, recordedAt: event.recordedAt };
  });
  return encoded;
}

// ---- reading ----

/** The parts of a client's recorded event the ledger reads (the client's RecordedEvent, loosely). */
export interface StoredEvent {
  streamId: string;
  id: string;
  revision: bigint;
  type: string;
  data: unknown;
  metadata: unknown;
  created: Date;
  position?: Position;
}

const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function metadataObject(metadata: unknown): Record<string, unknown> {
  if (metadata instanceof Uint8Array) {
    try {
      return metadataObject(JSON.parse(Buffer.from(metadata).toString('utf8')));
    } catch {
      return {};
    }
  }
  return metadata !== null && typeof metadata === 'object' && !Array.isArray(metadata) ? (metadata as Record<string, unknown>) : {};
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : value === undefined || value === null ? undefined : String(value));

function dateOr(value: string | undefined, fallback: Date): Date {
  return value !== undefined && ISO_MS.test(value) ? new Date(value) : fallback;
}

/**
 * The port's view of a stored event. An event not written by this adapter (no ledger metadata:
 * someone wrote around it) is still returned, with an empty previous hash and hash, so that
 * `verify` names it instead of a reader failing on it.
 */
export function decodeEvent(stored: StoredEvent): RecordedEvent {
  const meta = metadataObject(stored.metadata);
  const writerMetadata = text(meta[META.metadata]);
  let metadata: Record<string, unknown> = {};
  if (writerMetadata !== undefined) {
    try {
      metadata = metadataObject(JSON.parse(writerMetadata));
    } catch {
      metadata = {};
    }
  }
  const checkpoint = stored.position ? checkpointOfPosition(stored.position) : { transactionId: '0', position: 0 };
  const schemaVersion = Number(text(meta[META.schemaVersion]) ?? '1');
  const digest = text(meta[META.contentDigest]);
  return {
    globalPosition: checkpoint.position,
    transactionId: checkpoint.transactionId,
    streamId: stored.streamId,
    streamVersion: versionOf(stored.revision),
    eventId: stored.id.toLowerCase(),
    type: stored.type,
    schemaVersion: Number.isSafeInteger(schemaVersion) && schemaVersion >= 1 ? schemaVersion : 1,
    data: stored.data instanceof Uint8Array ? {} : stored.data,
    metadata,
    occurredAt: dateOr(text(meta[META.occurredAt]), stored.created),
    recordedAt: dateOr(text(meta[META.recordedAt]), stored.created),
    prevHash: text(meta[META.prevHash]) ?? '',
    hash: text(meta[META.hash]) ?? '',
    contentDigest: digest !== undefined && /^[0-9a-f]{64}$/.test(digest) ? digest : null,
  };
}

/** A claim event's content, or undefined when it is not one. */
export function decodeClaim(stored: Pick<StoredEvent, 'type' | 'data'>): EventIdClaim | undefined {
  if (stored.type !== CLAIM_EVENT_TYPE || stored.data === null || typeof stored.data !== 'object') return undefined;
  const { eventId, streamId, streamVersion, contentDigest } = stored.data as Record<string, unknown>;
  if (typeof eventId !== 'string' || typeof streamId !== 'string' || typeof streamVersion !== 'number' || typeof contentDigest !== 'string') return undefined;
  return { eventId, streamId, streamVersion, contentDigest };
}

/**
 * Whether the claims of a request's event ids show that exactly this request was recorded before
 * (the same ids, in one stream, at consecutive versions, with the same content): a replay. Any other
 * claim of one of its ids is a conflict; no claim at all, neither.
 */
export function judgeClaims(
  streamId: string,
  eventIds: readonly string[],
  digests: readonly string[],
  claims: ReadonlyArray<EventIdClaim | undefined>,
): { kind: 'none' } | { kind: 'conflict' } | { kind: 'replay'; firstVersion: number; lastVersion: number } {
  if (claims.every((c) => c === undefined)) return { kind: 'none' };
  const first = claims[0];
  const replay =
    first !== undefined &&
    claims.every(
      (claim, i) =>
        claim !== undefined &&
        claim.eventId === eventIds[i]!.toLowerCase() &&
        claim.streamId === streamId &&
        claim.streamVersion === first.streamVersion + i &&
        claim.contentDigest === digests[i],
    );
  return replay ? { kind: 'replay', firstVersion: first.streamVersion, lastVersion: first.streamVersion + claims.length - 1 } : { kind: 'conflict' };
}

// ---- errors ----

/** What a refused append means for the adapter. */
export type AppendFailure =
  /** The ledger stream moved since its head was read: its actual version now. */
  | { kind: 'stream-moved'; actualVersion: number }
  /** An event id's claim stream exists: the id was recorded before. */
  | { kind: 'id-claimed'; claimStream: string }
  /** Anything else, as the store error a caller gets. */
  | { kind: 'error'; error: Error };

/** Maps the client library's errors to the port's typed errors (never a raw client error to a caller). */
export function classifyAppendFailure(error: unknown, streamId: string, expected: ExpectedVersion): AppendFailure {
  if (error instanceof WrongExpectedVersionError) {
    if (error.streamName?.startsWith(CLAIM_STREAM_PREFIX)) return { kind: 'id-claimed', claimStream: error.streamName };
    return { kind: 'stream-moved', actualVersion: versionOf(error.actualState) };
  }
  return { kind: 'error', error: storeErrorOf(error, streamId, expected) };
}

/** A store error for any client error (reads and writes). */
export function storeErrorOf(error: unknown, streamId: string, expected: ExpectedVersion = 'any'): Error {
  if (error instanceof WrongExpectedVersionError) return new WrongExpectedVersion(streamId, expected, versionOf(error.actualState));
  if (
    error instanceof UnavailableError ||
    error instanceof DeadlineExceededError ||
    error instanceof TimeoutError ||
    error instanceof NotLeaderError
  ) {
    return new StoreUnavailable(`EventStoreDB: ${(error as Error).message || error.constructor.name}`);
  }
  if (error instanceof AccessDeniedError) return new AppendRefused(streamId, 'EventStoreDB denied access to the ledger’s user');
  if (error instanceof StreamDeletedError || error instanceof StreamTombstonedError) return new AppendRefused(streamId, 'the stream was deleted in EventStoreDB');
  if (error instanceof MaxAppendSizeExceededError || error instanceof TransactionMaxSizeExceededError) {
    return new InvalidAppend('the append is larger than EventStoreDB accepts in one write', { streamId });
  }
  return error instanceof Error ? error : new Error(String(error));
}
