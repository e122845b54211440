import { hash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { EventToAppend, RecordedEvent } from './event-store.port.js';

/**
 * The per-stream hash chain. Documented in docs/integrity.md so that an outside verifier can
 * recompute it with any SHA-256 and any RFC 8785 (JSON Canonicalization Scheme) implementation.
 *
 *   contentDigest = hex(SHA-256(UTF-8(JCS({ eventId, type, schemaVersion, occurredAt, data, metadata }))))
 *     occurredAt is ISO 8601 in UTC with milliseconds, e.g. "2015-04-01T00:00:00.000Z"
 *
 *   hash = hex(SHA-256(UTF-8(
 *            "ledger-event-v1" LF prevHash LF streamId LF streamVersion LF recordedAt LF contentDigest)))
 *     prevHash is the previous event's hash in the same stream, or 64 zeros for version 1;
 *     streamVersion is a decimal integer; recordedAt is ISO 8601 UTC with milliseconds.
 *
 * The content digest is computed by the writer; the link (which needs the previous hash, the
 * version and the store's clock) is computed inside the append transaction, by the database
 * for the PostgreSQL adapter, and by the same function below for the in-memory one.
 */
export const CHAIN_FORMAT = 'ledger-event-v1';
export const GENESIS_HASH = '0'.repeat(64);

// One-shot crypto.hash: no Hash object per digest (strings are hashed as UTF-8).
const sha256Hex = (text: string): string => hash('sha256', text, 'hex');

export interface HashedContent {
  eventId: string;
  type: string;
  schemaVersion: number;
  occurredAt: Date;
  data: unknown;
  metadata: Record<string, unknown>;
}

export function canonicalContent(event: HashedContent): string {
  const text = canonicalize({
    eventId: event.eventId,
    type: event.type,
    schemaVersion: event.schemaVersion,
    occurredAt: event.occurredAt.toISOString(),
    data: event.data,
    metadata: event.metadata,
  });
  if (text === undefined) throw new TypeError('event content cannot be canonicalised');
  return text;
}

export const contentDigest = (event: HashedContent): string => sha256Hex(canonicalContent(event));

export function chainLink(
  prevHash: string,
  streamId: string,
  streamVersion: number,
  recordedAt: Date,
  digest: string,
): string {
  return sha256Hex(
    [CHAIN_FORMAT, prevHash, streamId, String(streamVersion), recordedAt.toISOString(), digest].join('\n'),
  );
}

export const normalise = (event: EventToAppend): HashedContent => ({
  eventId: event.eventId.toLowerCase(),
  type: event.type,
  schemaVersion: event.schemaVersion ?? 1,
  occurredAt: event.occurredAt,
  data: event.data,
  metadata: event.metadata ?? {},
});

export type ChainVerdict =
  | { valid: true; streamId: string; length: number; lastHash: string }
  | { valid: false; streamId: string; brokenAtVersion: number; reason: string };

/** Recomputes a stream's chain from its events (read in version order). */
export function verifyStreamChain(streamId: string, events: readonly RecordedEvent[]): ChainVerdict {
  let prev = GENESIS_HASH;
  for (const [index, event] of events.entries()) {
    const expectedVersion = index + 1;
    if (event.streamId !== streamId || event.streamVersion !== expectedVersion) {
      return { valid: false, streamId, brokenAtVersion: expectedVersion, reason: 'missing or out-of-order event' };
    }
    if (event.prevHash !== prev) {
      return { valid: false, streamId, brokenAtVersion: expectedVersion, reason: 'prevHash does not match the previous hash' };
    }
    const recomputed = chainLink(prev, streamId, event.streamVersion, event.recordedAt, contentDigest(event));
    if (recomputed !== event.hash) {
      return { valid: false, streamId, brokenAtVersion: expectedVersion, reason: 'hash does not match the event content' };
    }
    prev = event.hash;
  }
  return { valid: true, streamId, length: events.length, lastHash: prev };
}
