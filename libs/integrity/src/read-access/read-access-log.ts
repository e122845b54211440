import { type CallHandler, type ExecutionContext, Inject, Injectable, type NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type pg from 'pg';
import { type Observable, tap } from 'rxjs';
import type { EventStore } from '#event-store';
import { isUuid } from '#shared-kernel';
import { READ_ACCESS_LOG_WRITER } from '../integrity.tokens.js';

/**
 * The read-access log: who read which collaboration's restricted data, when, through which route.
 *
 * Restricted data is one collaboration's record beyond the public register — its state, timeline,
 * signature matrix, alignment and indicators, its decisions, benefits and recommendations, and the
 * raw record and proofs of their events — and the raw record of the whole log. A read is logged
 * when such a route answers a signed-in person.
 *
 * Not a write in the command path, nor in the read's: a read only queues its entry in memory; a
 * writer sends the queue to PostgreSQL in batches (`ledger_log_access`, one statement a batch) every
 * `flushMs` or `batchSize` entries, resolving the collaboration of a decision, benefit or
 * recommendation on the way. The entries are sealed into the same tree as the events. The price:
 * entries still queued when a process dies uncleanly (at most `flushMs` of reads) are lost; a queue
 * that cannot be written (the database down) is kept up to `maxQueued` entries, then the oldest are
 * dropped and counted (`dropped`, on /metrics). Both are documented in docs/integrity.md.
 */
export interface PendingAccess {
  accessedAt: Date;
  personId: string;
  role: string;
  force: string | null;
  /** Known from the route, or to be resolved from the stream named. */
  collaborationId: string | null;
  resolveFrom: { streamId?: string; eventId?: string } | null;
  resource: string;
  route: string;
  correlationId: string | null;
  clientIp: string | null;
}

export interface ReadAccessLogOptions {
  flushMs?: number;
  batchSize?: number;
  maxQueued?: number;
  log?: (message: string) => void;
}

/** Streams that belong to one collaboration, by the event that opens them. */
const OWNED_STREAM = /^(decision|benefit|recommendation)-([0-9a-f-]{36})$/i;
const COLLABORATION_STREAM = /^collaboration-([0-9a-f-]{36})$/i;

export class ReadAccessLog {
  private queue: PendingAccess[] = [];
  private timer?: NodeJS.Timeout;
  private flushing?: Promise<void>;
  private readonly owners = new Map<string, string | null>();
  dropped = 0;
  written = 0;
  private failing?: string;
  private readonly flushMs: number;
  private readonly batchSize: number;
  private readonly maxQueued: number;
  private readonly log: (message: string) => void;

  constructor(
    private readonly pool: pg.Pool,
    private readonly store: Pick<EventStore, 'readStream' | 'findEvent'>,
    options: ReadAccessLogOptions = {},
  ) {
    this.flushMs = options.flushMs ?? 1000;
    this.batchSize = options.batchSize ?? 500;
    this.maxQueued = options.maxQueued ?? 100_000;
    this.log = options.log ?? (() => undefined);
  }

  get pending(): number {
    return this.queue.length;
  }

  record(entry: PendingAccess): void {
    this.queue.push(entry);
    if (this.queue.length > this.maxQueued) {
      const excess = this.queue.length - this.maxQueued;
      this.queue.splice(0, excess);
      this.dropped += excess;
    }
    if (this.queue.length >= this.batchSize) void this.flush();
    else if (!this.timer) this.timer = setTimeout(() => void this.flush(), this.flushMs);
  }

  /** Writes what is queued; concurrent calls wait for the one in progress. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    while (this.flushing) await this.flushing;
    if (this.queue.length === 0) return;
    const batch = this.queue.splice(0, this.batchSize);
    this.flushing = this.write(batch).finally(() => {
      this.flushing = undefined;
    });
    await this.flushing;
    if (this.queue.length > 0 && !this.timer) this.timer = setTimeout(() => void this.flush(), this.failing ? Math.max(this.flushMs, 5000) : 0);
  }

  private async write(batch: PendingAccess[]): Promise<void> {
    try {
      const entries = [];
      for (const entry of batch) {
        entries.push({
          accessedAt: entry.accessedAt.toISOString(),
          personId: entry.personId,
          role: entry.role,
          force: entry.force,
          collaborationId: entry.collaborationId ?? (entry.resolveFrom ? await this.collaborationOf(entry.resolveFrom) : null),
          resource: entry.resource,
          route: entry.route,
          correlationId: entry.correlationId,
          clientIp: entry.clientIp,
        });
      }
      await this.pool.query('SELECT ledger_log_access($1::jsonb)', [JSON.stringify(entries)]);
      this.written += batch.length;
      if (this.failing) this.log('the read-access log is written again');
      this.failing = undefined;
    } catch (error) {
      // Kept, in front, for the next attempt: an access is never dropped for a passing failure.
      this.queue.unshift(...batch);
      const message = (error as Error).message;
      if (this.failing !== message) this.log(`the read-access log could not be written (${batch.length} entries kept for the next attempt): ${message}`);
      this.failing = message;
    }
  }

  /** The collaboration a decision, benefit or recommendation stream (or an event of one) belongs to. */
  private async collaborationOf(from: { streamId?: string; eventId?: string }): Promise<string | null> {
    let streamId = from.streamId;
    if (!streamId && from.eventId) streamId = (await this.store.findEvent(from.eventId))?.streamId;
    if (!streamId) return null;
    const direct = COLLABORATION_STREAM.exec(streamId);
    if (direct) return direct[1]!.toLowerCase();
    if (!OWNED_STREAM.test(streamId)) return null;
    if (!this.owners.has(streamId)) {
      const [first] = await this.store.readStream(streamId, { maxCount: 1 });
      const owner = (first?.data as { collaborationId?: unknown } | undefined)?.collaborationId;
      this.owners.set(streamId, typeof owner === 'string' && isUuid(owner) ? owner : null);
    }
    return this.owners.get(streamId)!;
  }

  async close(): Promise<void> {
    await this.flush();
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}

/** What a route's parameters say about whose data it reads; undefined: not restricted data of a collaboration. */
export function restrictedTarget(route: string, params: Record<string, string>, query: Record<string, unknown>): Pick<PendingAccess, 'collaborationId' | 'resolveFrom'> | undefined {
  const id = params.collaborationId ?? (typeof query.collaborationId === 'string' ? query.collaborationId : undefined);
  if (id !== undefined && isUuid(id)) return { collaborationId: id.toLowerCase(), resolveFrom: null };
  for (const [name, prefix] of [['decisionId', 'decision'], ['benefitId', 'benefit'], ['recommendationId', 'recommendation']] as const) {
    if (params[name] !== undefined && isUuid(params[name])) return { collaborationId: null, resolveFrom: { streamId: `${prefix}-${params[name]!.toLowerCase()}` } };
  }
  if (params.streamId !== undefined) return { collaborationId: null, resolveFrom: { streamId: params.streamId } };
  if (params.eventId !== undefined && isUuid(params.eventId)) return { collaborationId: null, resolveFrom: { eventId: params.eventId.toLowerCase() } };
  // The whole raw record, and the access log itself: restricted, of no one collaboration.
  if (route === '/events' || route === '/read-access') return { collaborationId: null, resolveFrom: null };
  return undefined;
}

/** Logs each answered GET of restricted data by a signed-in person (see ReadAccessLog). */
@Injectable()
export class ReadAccessInterceptor implements NestInterceptor {
  constructor(@Inject(READ_ACCESS_LOG_WRITER) private readonly accessLog: ReadAccessLog) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const principal = request.principal;
    if (request.method !== 'GET' || !principal) return next.handle();
    const route = request.routeOptions.url ?? request.url;
    const target = restrictedTarget(route, (request.params ?? {}) as Record<string, string>, (request.query ?? {}) as Record<string, unknown>);
    if (!target) return next.handle();
    const raw = request.raw as { id?: unknown };
    return next.handle().pipe(
      tap(() =>
        this.accessLog.record({
          ...target,
          accessedAt: new Date(),
          personId: principal.personId,
          role: principal.role,
          force: principal.force ?? null,
          resource: `GET ${request.url.split('?')[0]!.slice(0, 500)}`,
          route,
          correlationId: typeof raw.id === 'string' ? raw.id : null,
          clientIp: request.ip ?? null,
        }),
      ),
    );
  }
}
