import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { v5 as uuidv5 } from 'uuid';
import type { EventStore, RecordedEvent } from '#event-store';
import { LedgerError } from '#shared-kernel';
import type { CommandOutcome } from './command-runner.js';

/**
 * Retries never duplicate (Idempotency-Key, as in the IETF httpapi draft "The Idempotency-Key HTTP
 * Header Field"). The key lives where the command's events live — in the events themselves, written
 * in the same transaction — so it survives any restart and can never disagree with the log:
 *  - every id the request creates (the new collaboration's, each event's) is a name-based UUID
 *    (RFC 9562 version 5) of who sent the key, to which route, and the key; a retry computes the
 *    same ids;
 *  - the events' metadata carries the key and the digest of the request;
 *  - before deciding, the runner looks for the request's first event: found with the same digest,
 *    it answers what was recorded (201 again, `Idempotent-Replayed: true`); found with another
 *    digest, the key was reused for another request (422). A retry racing the original meets the
 *    same event ids in the store and is answered the same way.
 * A refused request records nothing (the ledger's rule), so a retry of it is decided afresh.
 */
export interface Idempotency {
  /** The client's Idempotency-Key. */
  key: string;
  /** Who sent it, and to which route: a key names one request of one person at one route. */
  scope: string;
  /** SHA-256 of the request's canonical JSON (RFC 8785): path parameters, If-Match and body. */
  requestDigest: string;
}

/** Printable ASCII without spaces, up to 255 characters: a UUID is recommended. */
const KEY = /^[\x21-\x7e]{1,255}$/;
/** This ledger's namespace for name-based ids (a fixed, random UUID). */
const NAMESPACE = '0d6f3c2e-9b1a-4f5e-8c7d-2a4b6e8f0a1c';

export function idempotencyOf(
  header: string | string[] | undefined,
  who: { personId: string; method: string; route: string },
  request: { params: Record<string, string>; ifMatch: string | undefined; body: unknown },
): Idempotency | undefined {
  if (header === undefined) return undefined;
  const key = Array.isArray(header) ? header[0]! : header;
  if (Array.isArray(header) || !KEY.test(key)) {
    throw new LedgerError('InvalidIdempotencyKey', 'invalid', 'Idempotency-Key must be given once, as 1–255 printable characters without spaces (a UUID is best). Nothing was written.');
  }
  let digest: string | undefined;
  return {
    key,
    scope: `${who.personId}\n${who.method} ${who.route}`,
    // Computed when first needed, by the command runner: after the body has passed its checks (depth, text).
    get requestDigest() {
      digest ??= createHash('sha256')
        .update(canonicalize({ params: request.params, ifMatch: request.ifMatch ?? null, body: request.body ?? null }) ?? 'null', 'utf8')
        .digest('hex');
      return digest;
    },
  };
}

/** The id the request names `name` (its new collaboration, its first event): the same on every retry. */
export const idOf = (idempotency: Idempotency, name: string): string => uuidv5(`${idempotency.scope}\n${idempotency.key}\n${name}`, NAMESPACE);
export const eventIdOf = (idempotency: Idempotency, index: number): string => idOf(idempotency, `event-${index}`);

/** What the events of a keyed request carry in their metadata. */
export const idempotencyMetadata = (idempotency: Idempotency) => ({ idempotencyKey: idempotency.key, requestDigest: idempotency.requestDigest });

/**
 * What a keyed request recorded, if it did: its outcome as first answered. Refuses a key reused
 * for another request (IdempotencyKeyReused, 422).
 */
export async function recall(store: EventStore, idempotency: Idempotency): Promise<CommandOutcome | undefined> {
  const first = await store.findEvent(eventIdOf(idempotency, 0));
  if (!first) return undefined;
  const recorded = (first.metadata as { requestDigest?: unknown }).requestDigest;
  if (recorded !== idempotency.requestDigest) {
    throw new LedgerError(
      'IdempotencyKeyReused',
      'rule-violated',
      `Idempotency-Key ${JSON.stringify(idempotency.key)} was used for another request (other path, If-Match or body) already recorded: use a new key for a new request. Nothing was written.`,
      { idempotencyKey: idempotency.key },
    );
  }
  // The request's events follow its first in its stream, with the ids it gave them.
  const following = await store.readStream(first.streamId, { fromVersion: first.streamVersion });
  const events: RecordedEvent[] = [];
  for (const [index, event] of following.entries()) {
    if (event.eventId !== eventIdOf(idempotency, index)) break;
    events.push(event);
  }
  return {
    streamId: first.streamId,
    version: events.at(-1)!.streamVersion,
    events: events.map((e) => ({ eventId: e.eventId, type: e.type, globalPosition: e.globalPosition })),
    replayed: true,
  };
}
