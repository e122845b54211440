import { randomUUID } from 'node:crypto';
import {
  type AllStreamResolvedEvent,
  type AppendStreamRequest,
  type AppendStreamState,
  type Filter,
  type MultiAppendResult,
  type Position,
  type ReadAllOptions,
  type ReadStreamOptions,
  type ResolvedEvent,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import type { EventStoreDbClient } from '#event-store';

/**
 * An in-process stand-in for a KurrentDB server behind the client's interface, for the adapter's
 * unit tests. It is NOT EventStoreDB: it models only what the adapter relies on, as ADR 0005
 * states it (atomic multi-stream appends with expected states, WrongExpectedVersionError naming the
 * stream, StreamNotFoundError, $all positions {commit, prepare} with the commit position of a write
 * at its first prepare, forward reads of $all from a position including the event at it, regex
 * filters, JSON data and metadata given back parsed). Every operation yields to the event loop
 * first, so concurrent calls interleave as they would over a network.
 */
interface StoredRecord {
  streamId: string;
  id: string;
  revision: bigint;
  type: string;
  data: string;
  metadata: string;
  created: Date;
  position: Position;
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));
const compare = (a: Position, b: Position) => (a.commit !== b.commit ? (a.commit < b.commit ? -1 : 1) : a.prepare < b.prepare ? -1 : a.prepare > b.prepare ? 1 : 0);

export class FakeEventStoreDbClient implements EventStoreDbClient {
  readonly log: StoredRecord[] = [];
  private readonly streams = new Map<string, StoredRecord[]>();
  private nextPrepare = 1024n;
  readonly calls: Array<{ method: string; streams?: Array<{ streamName: string; expectedState: AppendStreamState }> }> = [];
  /** Runs, and is awaited, before the next append is applied (once): lets a test move a stream under the adapter. */
  beforeNextAppend?: () => Promise<unknown> | void;

  constructor() {
    // The server's own records live in $all too: readers must filter them out.
    this.write('$$$settings', [{ id: randomUUID(), type: '$metadata', data: { $userStreamAcl: { $d: [] } }, metadata: {} }]);
  }

  /** Writes records as the server would (also used by tests to write around the adapter). */
  write(streamId: string, events: Array<{ id: string; type: string; data: unknown; metadata: unknown }>): void {
    const stream = this.streams.get(streamId) ?? [];
    let commit: bigint | undefined;
    for (const event of events) {
      const data = JSON.stringify(event.data);
      const metadata = JSON.stringify(event.metadata ?? {});
      const prepare = this.nextPrepare;
      this.nextPrepare += BigInt(128 + data.length + metadata.length);
      commit ??= prepare;
      const record: StoredRecord = { streamId, id: event.id, revision: BigInt(stream.length), type: event.type, data, metadata, created: new Date(), position: { commit, prepare } };
      stream.push(record);
      this.log.push(record);
    }
    this.streams.set(streamId, stream);
  }

  async multiStreamAppend(requests: AppendStreamRequest[]): Promise<MultiAppendResult> {
    this.calls.push({ method: 'multiStreamAppend', streams: requests.map((r) => ({ streamName: r.streamName, expectedState: r.expectedState })) });
    // As the real client does before sending: metadata must be a map of strings.
    for (const request of requests) {
      for (const event of request.events) {
        const metadata = event.metadata as unknown;
        if (metadata != null && (typeof metadata !== 'object' || Object.values(metadata).some((v) => typeof v !== 'string'))) {
          throw new Error('multiStreamAppend requires metadata to be a plain object with string keys and string values.');
        }
      }
    }
    await tick();
    const before = this.beforeNextAppend;
    this.beforeNextAppend = undefined;
    await before?.();
    for (const request of requests) {
      const stream = this.streams.get(request.streamName);
      const current = stream && stream.length > 0 ? BigInt(stream.length - 1) : ('no_stream' as const);
      const expected = request.expectedState;
      const ok =
        expected === 'any' ||
        (expected === 'no_stream' && current === 'no_stream') ||
        (expected === 'stream_exists' && current !== 'no_stream') ||
        (typeof expected === 'bigint' && current === expected);
      if (!ok) throw new WrongExpectedVersionError(undefined, { streamName: request.streamName, expected, current });
    }
    const position = this.nextPrepare;
    for (const request of requests) this.write(request.streamName, request.events as Array<{ id: string; type: string; data: unknown; metadata: unknown }>);
    return { position, responses: requests.map((r) => ({ streamName: r.streamName, revision: BigInt(this.streams.get(r.streamName)!.length - 1) })) };
  }

  readStream(streamName: string, options: ReadStreamOptions = {}): AsyncIterableIterator<ResolvedEvent> {
    this.calls.push({ method: 'readStream' });
    const self = this;
    return (async function* () {
      await tick();
      const stream = self.streams.get(streamName);
      if (!stream) throw new StreamNotFoundError(undefined, streamName);
      const { fromRevision = 'start', direction = 'forwards', maxCount = Number.MAX_SAFE_INTEGER } = options;
      let records: StoredRecord[];
      if (direction === 'backwards') {
        const from = fromRevision === 'end' ? stream.length - 1 : fromRevision === 'start' ? -1 : Number(fromRevision);
        records = stream.slice(0, from + 1).reverse();
      } else {
        const from = fromRevision === 'start' ? 0 : fromRevision === 'end' ? stream.length : Number(fromRevision);
        records = stream.slice(from);
      }
      for (const record of records.slice(0, Number(maxCount))) yield { event: self.view(record) } as ResolvedEvent;
    })();
  }

  readAll(options: ReadAllOptions = {}): AsyncIterableIterator<AllStreamResolvedEvent> {
    this.calls.push({ method: 'readAll' });
    const self = this;
    return (async function* () {
      await tick();
      const { fromPosition = 'start', direction = 'forwards', maxCount = Number.MAX_SAFE_INTEGER, filter } = options;
      let records = self.log.filter((r) => matches(filter, r));
      if (direction === 'backwards') {
        records = (fromPosition === 'end' || fromPosition === 'start' ? records : records.filter((r) => compare(r.position, fromPosition) < 0)).reverse();
      } else if (fromPosition !== 'start') {
        records = fromPosition === 'end' ? [] : records.filter((r) => compare(r.position, fromPosition) >= 0);
      }
      for (const record of records.slice(0, Number(maxCount))) yield { event: self.view(record) } as AllStreamResolvedEvent;
    })();
  }

  async dispose(): Promise<void> {}

  private view(record: StoredRecord) {
    return {
      streamId: record.streamId,
      id: record.id,
      revision: record.revision,
      type: record.type,
      isJson: true,
      data: JSON.parse(record.data),
      metadata: JSON.parse(record.metadata),
      created: record.created,
      position: record.position,
    };
  }
}

function matches(filter: Filter | undefined, record: StoredRecord): boolean {
  if (!filter) return true;
  const subject = filter.filterOn === 'streamName' ? record.streamId : record.type;
  if ('regex' in filter && filter.regex !== undefined) return new RegExp(filter.regex).test(subject);
  if ('prefixes' in filter && filter.prefixes) return filter.prefixes.some((p) => subject.startsWith(p));
  return true;
}
