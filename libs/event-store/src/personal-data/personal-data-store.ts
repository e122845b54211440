import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type pg from 'pg';
import { validateAppend } from '../append-validation.js';
import type {
  AppendRequest,
  AppendResult,
  Checkpoint,
  EventStore,
  EventToAppend,
  ReadAllResult,
  ReadStreamOptions,
  RecordedEvent,
  StoreHead,
  StreamHead,
  SubscribeOptions,
} from '../event-store.port.js';
import type { StateSnapshots } from '../snapshots/state-snapshots.js';

/**
 * Personal data that can be erased from an immutable log (UK GDPR art. 17, DPA 2018): the names of
 * people who are not public office holders are stored encrypted, each under a key of its own person
 * (crypto-shredding). The log keeps the ciphertext for ever, and every hash covers the ciphertext, so
 * destroying a person's key (`ledger forget`) erases them from every event without changing one
 * byte of the log: every chain, seal and proof still verifies. docs/integrity.md, "Personal data
 * and erasure", specifies the envelope.
 *
 * Which fields are personal is the domain's to declare (libs/governance personal-data.ts): paths to
 * person objects `{ personId, name }` whose `name` is replaced, at append, by an envelope
 *
 *   { "$erasable": "ledger-erasable-v1", "subject": personId, "key": keyId, "ciphertext": base64 }
 *
 * AES-256-GCM under the person's key; the nonce is HMAC-SHA-256(key, aad) cut to 12 bytes and the
 * additional data is "ledger-erasable-v1", eventId, the field's path and personId joined by line
 * feeds: the same event encrypts to the same bytes (a retried append is a replay, not a conflict),
 * no two fields share a nonce (event ids are unique), and a ciphertext moved to another event or
 * field does not decrypt. Reads replace every envelope found, wherever it is, by the name, or by
 * ERASED when the key is destroyed — so declarations can change without old events becoming unreadable.
 */
export const ERASABLE_FORMAT = 'ledger-erasable-v1';
export const ERASED = '[erased]';

export interface ErasableEnvelope {
  $erasable: typeof ERASABLE_FORMAT;
  subject: string;
  key: string;
  ciphertext: string;
}

/** Paths (dot-separated, `[]` for every element of an array) to the person objects of an event whose names are personal. */
export type PersonalFields = (event: { type: string; data: unknown; metadata: Record<string, unknown> }) => readonly string[];

/** The per-person keys (migration 0005: personal_data_keys). */
export interface PersonalDataKeys {
  /** Each person's live key, made for those who have none: one round trip for all of them. */
  keysFor(personIds: readonly string[]): Promise<Map<string, { keyId: string; key: Buffer }>>;
  /** Keys by id; a destroyed or unknown key maps to null. */
  keysById(keyIds: readonly string[]): Promise<Map<string, Buffer | null>>;
}

export class PostgresPersonalDataKeys implements PersonalDataKeys {
  constructor(private readonly pool: pg.Pool) {}

  async keysFor(personIds: readonly string[]): Promise<Map<string, { keyId: string; key: Buffer }>> {
    // In one order whoever asks, so that two commands naming the same people never wait on each other crosswise.
    const ids = [...new Set(personIds)].sort();
    if (ids.length === 0) return new Map();
    const { rows } = await this.pool.query<{ person_id: string; key_id: string; key: Buffer }>(
      `SELECT p.person_id, k.key_id::text AS key_id, k.key
       FROM unnest($1::text[], $2::bytea[]) WITH ORDINALITY AS p(person_id, candidate, n)
       CROSS JOIN LATERAL ledger_personal_data_key(p.person_id, p.candidate) AS k
       ORDER BY p.n`,
      [ids, ids.map(() => randomBytes(32))],
    );
    const keys = new Map(rows.map((row) => [row.person_id, { keyId: row.key_id, key: row.key }] as const));
    for (const id of ids) if (!keys.has(id)) throw new Error(`no personal-data key was made for ${id}`);
    return keys;
  }

  async keysById(keyIds: readonly string[]): Promise<Map<string, Buffer | null>> {
    const { rows } = await this.pool.query<{ key_id: string; key: Buffer | null }>('SELECT key_id::text AS key_id, key FROM personal_data_keys WHERE key_id = ANY ($1::uuid[])', [keyIds]);
    const found = new Map<string, Buffer | null>(keyIds.map((id) => [id, null]));
    for (const row of rows) found.set(row.key_id, row.key);
    return found;
  }
}

/**
 * Keys remembered for the life of one process that writes a great deal (`ledger generate`): a
 * person's live key is looked up once, not once per name. Only for a writer no `ledger forget`
 * runs beside; keysById is not cached.
 */
export class CachedPersonalDataKeys implements PersonalDataKeys {
  private readonly live = new Map<string, Promise<{ keyId: string; key: Buffer }>>();

  constructor(private readonly inner: PersonalDataKeys) {}

  async keysFor(personIds: readonly string[]): Promise<Map<string, { keyId: string; key: Buffer }>> {
    const missing = [...new Set(personIds)].filter((id) => !this.live.has(id));
    if (missing.length) {
      const fetched = this.inner.keysFor(missing);
      for (const id of missing) {
        const key = fetched.then((keys) => keys.get(id)!);
        this.live.set(id, key);
        key.catch(() => this.live.delete(id));
      }
    }
    const keys = new Map<string, { keyId: string; key: Buffer }>();
    for (const id of personIds) keys.set(id, await this.live.get(id)!);
    return keys;
  }

  keysById(keyIds: readonly string[]): Promise<Map<string, Buffer | null>> {
    return this.inner.keysById(keyIds);
  }
}

const aadOf = (eventId: string, path: string, subject: string) => Buffer.from([ERASABLE_FORMAT, eventId, path, subject].join('\n'), 'utf8');

export function sealName(name: string, key: { keyId: string; key: Buffer }, eventId: string, path: string, subject: string): ErasableEnvelope {
  const aad = aadOf(eventId, path, subject);
  const iv = createHmac('sha256', key.key).update(aad).digest().subarray(0, 12);
  const cipher = createCipheriv('aes-256-gcm', key.key, iv);
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(name, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return { $erasable: ERASABLE_FORMAT, subject, key: key.keyId, ciphertext: ciphertext.toString('base64') };
}

export function openName(envelope: ErasableEnvelope, key: Buffer | null, eventId: string, path: string): string {
  if (!key) return ERASED;
  try {
    const aad = aadOf(eventId, path, envelope.subject);
    const iv = createHmac('sha256', key).update(aad).digest().subarray(0, 12);
    const data = Buffer.from(envelope.ciphertext, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAAD(aad);
    decipher.setAuthTag(data.subarray(data.length - 16));
    return Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]).toString('utf8');
  } catch {
    // Moved from another event or field, or altered: never shown as if it were this one's.
    return ERASED;
  }
}

export const isEnvelope = (value: unknown): value is ErasableEnvelope =>
  typeof value === 'object' && value !== null && (value as { $erasable?: unknown }).$erasable === ERASABLE_FORMAT;

/** Every person object a declared path reaches, with its concrete path (array elements by index). */
function personsAt(root: Record<string, unknown>, path: string): Array<{ person: { personId: string; name: unknown }; at: string }> {
  let nodes: Array<{ value: unknown; at: string }> = [{ value: root, at: '' }];
  for (const step of path.split('.')) {
    const many = step.endsWith('[]');
    const key = many ? step.slice(0, -2) : step;
    const next: Array<{ value: unknown; at: string }> = [];
    for (const { value, at } of nodes) {
      if (typeof value !== 'object' || value === null) continue;
      const child = (value as Record<string, unknown>)[key];
      const here = at ? `${at}.${key}` : key;
      if (many) {
        if (Array.isArray(child)) child.forEach((element, index) => next.push({ value: element, at: `${here}.${index}` }));
      } else if (child !== undefined) next.push({ value: child, at: here });
    }
    nodes = next;
  }
  return nodes
    .filter(({ value }) => typeof value === 'object' && value !== null && typeof (value as { personId?: unknown }).personId === 'string')
    .map(({ value, at }) => ({ person: value as { personId: string; name: unknown }, at }));
}

/** The key ids of every envelope in a value (no allocation when there is none). */
function keyIdsIn(value: unknown, into: Set<string>): void {
  if (typeof value !== 'object' || value === null) return;
  if (isEnvelope(value)) {
    into.add(value.key);
    return;
  }
  if (Array.isArray(value)) for (const child of value) keyIdsIn(child, into);
  else for (const field in value) keyIdsIn((value as Record<string, unknown>)[field], into);
}

/**
 * The value with every envelope opened, copying only the objects and arrays on the way to one (the
 * rest is shared with the value read, which is never changed). `path` is the dot-separated place of
 * `value` in the event ({ data, metadata }), the additional data each envelope was sealed with
 * (a stack: pushed and popped on the way down and up).
 */
function opened(value: unknown, path: Array<string | number>, eventId: string, keys: ReadonlyMap<string, Buffer | null>): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (isEnvelope(value)) return openName(value, keys.get(value.key) ?? null, eventId, path.join('.'));
  let copy: Record<string, unknown> | unknown[] | undefined;
  const visit = (field: string | number, child: unknown) => {
    if (typeof child !== 'object' || child === null) return;
    path.push(field);
    const open = opened(child, path, eventId, keys);
    path.pop();
    if (open === child) return;
    copy ??= Array.isArray(value) ? [...value] : { ...(value as Record<string, unknown>) };
    (copy as Record<string | number, unknown>)[field] = open;
  };
  if (Array.isArray(value)) value.forEach((child, index) => visit(index, child));
  else for (const field in value) visit(field, (value as Record<string, unknown>)[field]);
  return copy ?? value;
}

const clone = <T>(value: T): T => structuredClone(value);

/**
 * On an event read through the personal-data store: the key ids of the names opened in it (not
 * enumerable, so never serialised). A snapshot of state folded from it is sealed under those keys.
 */
export const OPENED_KEY_IDS = Symbol('ledger.openedKeyIds');

export const openedKeyIdsOf = (event: RecordedEvent): readonly string[] => (event as { [OPENED_KEY_IDS]?: readonly string[] })[OPENED_KEY_IDS] ?? [];

/** On an event read through the personal-data store: true when a name in it is erased (its key destroyed). No state folded from it is kept as a snapshot. */
export const HOLDS_ERASED = Symbol('ledger.holdsErased');

export const holdsErased = (event: RecordedEvent): boolean => (event as { [HOLDS_ERASED]?: boolean })[HOLDS_ERASED] === true;

/**
 * The event store as the domain sees it: declared personal names encrypted on the way in, every
 * envelope opened (or shown as ERASED) on the way out. Everything else passes through. The raw
 * record, proofs, the sealer and verify use the store underneath, which holds the ciphertext.
 */
export class PersonalDataEventStore implements EventStore {
  constructor(
    readonly inner: EventStore,
    private readonly keys: PersonalDataKeys,
    private readonly personalFields: PersonalFields,
    /** Snapshots of folded state, when the store underneath is PostgreSQL (loadState uses them). */
    readonly snapshots?: StateSnapshots,
  ) {}

  async append(request: AppendRequest): Promise<AppendResult> {
    // Refused before any key is made for it (the store underneath checks again, after encryption).
    validateAppend(request);
    // Every name of every event found first, so that all their keys come in one round trip.
    const named = request.events.map((event) => this.namesIn(event));
    const keys = await this.keys.keysFor(named.flatMap((n) => n?.names.map(({ person }) => person.personId) ?? []));
    const events = request.events.map((event, i) => {
      const found = named[i];
      if (!found) return event;
      const eventId = event.eventId.toLowerCase();
      for (const { person, at } of found.names) {
        // A person object reached by two paths (one object, twice in the event) is sealed once, as before.
        if (typeof person.name === 'string') (person as { name: unknown }).name = sealName(person.name, keys.get(person.personId)!, eventId, `${at}.name`, person.personId);
      }
      return { ...event, data: found.copy.data, metadata: found.copy.metadata };
    });
    return this.inner.append({ ...request, events });
  }

  /** A copy of an event that holds names, with the person objects in the copy whose names are to be sealed; undefined when it holds none. */
  private namesIn(event: EventToAppend): { copy: { data: unknown; metadata: Record<string, unknown> }; names: Array<{ person: { personId: string; name: unknown }; at: string }> } | undefined {
    const metadata = event.metadata ?? {};
    const paths = this.personalFields({ type: event.type, data: event.data, metadata });
    if (paths.length === 0) return undefined;
    const copy = { data: clone(event.data), metadata: clone(metadata) };
    const names = paths.flatMap((path) => personsAt(copy as Record<string, unknown>, path)).filter(({ person }) => typeof person.name === 'string');
    return { copy, names };
  }

  /**
   * Opens every envelope of these events, with one key lookup for all of them. The events read are
   * never changed (a store may hand out what it holds): an event with an envelope is returned as a
   * copy, sharing whatever holds none.
   */
  private async reveal(events: RecordedEvent[]): Promise<RecordedEvent[]> {
    // Each event's key ids, found once: for the one lookup, and to mark the events they open.
    const keyIdsOf = events.map((event) => {
      const found = new Set<string>();
      keyIdsIn(event.data, found);
      keyIdsIn(event.metadata, found);
      return found;
    });
    const keyIds = new Set(keyIdsOf.flatMap((found) => [...found]));
    if (keyIds.size === 0) return events;
    const keys = await this.keys.keysById([...keyIds]);
    return events.map((event, index) => {
      const found = keyIdsOf[index]!;
      if (found.size === 0) return event;
      const data = opened(event.data, ['data'], event.eventId, keys);
      const metadata = opened(event.metadata, ['metadata'], event.eventId, keys) as Record<string, unknown>;
      return Object.defineProperties(
        { ...event, data, metadata },
        {
          [OPENED_KEY_IDS]: { value: [...found], enumerable: false },
          [HOLDS_ERASED]: { value: [...found].some((keyId) => !keys.get(keyId)), enumerable: false },
        },
      );
    });
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.reveal(await this.inner.readStream(streamId, options));
  }

  streamVersion(streamId: string): Promise<number> {
    return this.inner.streamVersion(streamId);
  }

  async findEvent(eventId: string): Promise<RecordedEvent | undefined> {
    const event = await this.inner.findEvent(eventId);
    return event ? (await this.reveal([event]))[0] : undefined;
  }

  async readByType(types: readonly string[], options?: Pick<ReadStreamOptions, 'occurredUntil' | 'recordedUntil'>): Promise<RecordedEvent[]> {
    return this.reveal(await this.inner.readByType(types, options));
  }

  async readAll(after: Checkpoint, options?: { maxCount?: number }): Promise<ReadAllResult> {
    const page = await this.inner.readAll(after, options);
    return { ...page, events: await this.reveal(page.events) };
  }

  async *subscribe(after: Checkpoint, options?: SubscribeOptions): AsyncIterable<RecordedEvent> {
    for await (const event of this.inner.subscribe(after, options)) yield (await this.reveal([event]))[0]!;
  }

  head(): Promise<StoreHead> {
    return this.inner.head();
  }

  countAfter(after: Checkpoint, options?: { cap?: number }): Promise<number> {
    return this.inner.countAfter(after, options);
  }

  readThrough(globalPosition: number, checkpoints: readonly Checkpoint[]): Promise<boolean | 'unknown'> {
    return this.inner.readThrough(globalPosition, checkpoints);
  }

  streamHeads(filter?: { streamId?: string }): Promise<StreamHead[]> {
    return this.inner.streamHeads(filter);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
