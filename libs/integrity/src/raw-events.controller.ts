import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import type pg from 'pg';
import { type Checkpoint, type EventStore, PG_POOL, RAW_EVENT_STORE, type RecordedEvent, START } from '#event-store';
import { ApiProblems, WholeNumberParameter } from '#governance';
import { type Action, Authorise } from '#identity';
import { LedgerError, ProblemCode } from '#shared-kernel';

/** Reading every stored field of the log: auditors and registrars. */
export const READ_RAW_EVENTS: Action = { name: 'read-raw-events', kind: 'audit', roles: ['auditor', 'registrar'] };

const CURSOR = /^(\d{1,20}):(\d{1,15})$/;

export class RawLogQuery {
  @ApiPropertyOptional({ description: 'Resume after this cursor (the `next` of the page before): "<transactionId>:<globalPosition>". Default: the start of the log.', example: '812:1204' })
  @IsOptional()
  @Matches(CURSOR, { message: 'after must be a cursor such as 812:1204 (the next of the page before)' })
  @ProblemCode('InvalidCursor')
  after?: string;

  @ApiPropertyOptional({ minimum: 1, description: 'Start at the event with this global position (and go on in the log’s order)' })
  @IsOptional()
  @WholeNumberParameter()
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  @ProblemCode('InvalidPage')
  fromPosition?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 100 })
  @IsOptional()
  @WholeNumberParameter()
  @IsInt()
  @Min(1)
  @Max(1000)
  @ProblemCode('InvalidPage')
  limit: number = 100;
}

export class RawStreamQuery {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @WholeNumberParameter()
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  @ProblemCode('InvalidPage')
  fromVersion: number = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 100 })
  @IsOptional()
  @WholeNumberParameter()
  @IsInt()
  @Min(1)
  @Max(1000)
  @ProblemCode('InvalidPage')
  limit: number = 100;
}

/** An event exactly as stored: with docs/integrity.md, enough to recompute its content digest and its hash. */
export class RawEvent {
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty() streamId!: string;
  @ApiProperty() streamVersion!: number;
  @ApiProperty({ example: 'AgreementSigned' }) type!: string;
  @ApiProperty({ description: 'The payload’s schema version as stored' }) schemaVersion!: number;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The payload as stored (not upcast)' }) data!: unknown;
  @ApiProperty({ type: 'object', additionalProperties: true }) metadata!: Record<string, unknown>;
  @ApiProperty({ type: String, format: 'date-time', description: 'ISO 8601 UTC with milliseconds, as hashed' }) occurredAt!: Date;
  @ApiProperty({ type: String, format: 'date-time', description: 'ISO 8601 UTC with milliseconds, as hashed' }) recordedAt!: Date;
  @ApiProperty({ description: 'The appending transaction’s id (xid8, decimal): the log’s order is (transactionId, globalPosition)' }) transactionId!: string;
  @ApiProperty() globalPosition!: number;
  @ApiProperty({ description: '64 hex digits; zeros for version 1' }) prevHash!: string;
  @ApiProperty({ description: '64 hex digits' }) hash!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The writer’s RFC 8785 content digest as stored (null before it was kept); recompute it rather than trust it' }) contentDigest!: string | null;
}

export class RawLogPage {
  @ApiProperty({ type: [RawEvent] }) items!: RawEvent[];
  @ApiProperty({ description: 'Send as `after` for the next page', example: '812:1204' }) next!: string;
  @ApiProperty({ description: 'True when the page was not full: the log holds nothing more that can be read without gaps yet' }) end!: boolean;
}

export class RawStreamPage {
  @ApiProperty() streamId!: string;
  @ApiProperty({ type: [RawEvent] }) items!: RawEvent[];
  @ApiProperty({ type: Number, nullable: true, description: 'Send as fromVersion for the next page; null at the end' }) nextFromVersion!: number | null;
}

const raw = (e: RecordedEvent): RawEvent => ({
  eventId: e.eventId,
  streamId: e.streamId,
  streamVersion: e.streamVersion,
  type: e.type,
  schemaVersion: e.schemaVersion,
  data: e.data,
  metadata: e.metadata,
  occurredAt: e.occurredAt,
  recordedAt: e.recordedAt,
  transactionId: e.transactionId,
  globalPosition: e.globalPosition,
  prevHash: e.prevHash,
  hash: e.hash,
  contentDigest: e.contentDigest,
});
const cursorOf = (c: Checkpoint) => `${c.transactionId}:${c.position}`;

/** The raw record, for auditors: the log in its gap-free order, and one stream, every stored field. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller()
export class RawEventsController {
  constructor(
    // As stored: personal names as the ciphertext the hashes cover (docs/integrity.md).
    @Inject(RAW_EVENT_STORE) private readonly store: EventStore,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
  ) {}

  @Get('events')
  @Authorise(READ_RAW_EVENTS)
  @ApiOperation({ summary: 'The log, page by page, in its gap-free order (transaction, position), every stored field (auditors and registrars)' })
  @ApiOkResponse({ type: RawLogPage })
  @ApiProblems(400, 401, 403)
  async log(@Query() query: RawLogQuery): Promise<RawLogPage> {
    if (query.after !== undefined && query.fromPosition !== undefined) throw new LedgerError('InvalidCursor', 'invalid', 'Give after or fromPosition, not both.');
    const after = query.after !== undefined ? parseCursor(query.after) : query.fromPosition !== undefined ? await this.justBefore(query.fromPosition) : START;
    const page = await this.store.readAll(after, { maxCount: query.limit });
    return { items: page.events.map(raw), next: cursorOf(page.checkpoint), end: page.events.length < query.limit };
  }

  @Get('streams/:streamId/events')
  @Authorise(READ_RAW_EVENTS)
  @ApiParam({ name: 'streamId', example: 'collaboration-6f1c2a5e-3b7d-4f0e-9a1b-2c3d4e5f6a7b' })
  @ApiOperation({ summary: 'One stream’s events in version order, every stored field (auditors and registrars)' })
  @ApiOkResponse({ type: RawStreamPage })
  @ApiProblems(400, 401, 403, 404)
  async stream(@Param('streamId') streamId: string, @Query() query: RawStreamQuery): Promise<RawStreamPage> {
    if (!/^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/.test(streamId)) throw new LedgerError('InvalidStreamId', 'invalid', `A stream id is 1–200 letters, digits, ".", "_", ":" or "-", such as collaboration-6f1c2a5e-…; not ${JSON.stringify(streamId)}.`);
    const events = await this.store.readStream(streamId, { fromVersion: query.fromVersion, maxCount: query.limit + 1 });
    if (events.length === 0 && (await this.store.streamVersion(streamId)) === 0) throw new LedgerError('StreamNotFound', 'not-found', `There is no stream ${streamId}.`);
    const page = events.slice(0, query.limit);
    return { streamId, items: page.map(raw), nextFromVersion: events.length > query.limit ? page.at(-1)!.streamVersion + 1 : null };
  }

  /** The cursor just before the event at a position, in the log's order. */
  private async justBefore(position: number): Promise<Checkpoint> {
    const { rows } = await this.pool.query<{ transaction_id: string }>('SELECT transaction_id::text AS transaction_id FROM events WHERE global_position = $1', [position]);
    if (!rows[0]) throw new LedgerError('UnknownPosition', 'invalid', `No event has been recorded at position ${position}.`, { position });
    return { transactionId: rows[0].transaction_id, position: position - 1 };
  }
}

function parseCursor(cursor: string): Checkpoint {
  const [, transactionId, position] = CURSOR.exec(cursor)!;
  return { transactionId: transactionId!, position: Number(position) };
}
