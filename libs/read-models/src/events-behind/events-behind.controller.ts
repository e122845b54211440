import { Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import type pg from 'pg';
import { EVENT_STORE, type EventStore, PG_POOL } from '#event-store';
import { ApiProblems, upcast } from '#governance';
import { LedgerError, ProblemCode } from '#shared-kernel';
import { ReadModelController } from '../read-after.js';
import { ActorView, BackDatingView, ProvenanceView, backDatingOf, provenanceOf } from '../timeline/event-provenance.js';

export const MAX_POSITIONS = 200;

export class EventsBehindQuery {
  @ApiProperty({ example: '41,42,57', description: `Global positions, comma-separated (at most ${MAX_POSITIONS}): the \`events\` an indicator, a register entry or a read model names` })
  @Matches(/^\d{1,15}(,\d{1,15}){0,199}$/, { message: 'positions must be global positions separated by commas, such as 41,42,57' })
  @ProblemCode('InvalidPositions')
  positions!: string;
}

export class EventBehindView {
  @ApiProperty() globalPosition!: number;
  @ApiProperty({ example: 'decision-6f1c2a5e-3b7d-4f0e-9a1b-2c3d4e5f6a7b' }) streamId!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ example: 'DecisionApproved' }) type!: string;
  @ApiProperty({ type: String, format: 'date-time', description: 'When it happened in the world' }) occurredAt!: Date;
  @ApiProperty({ type: String, format: 'date-time', description: 'When the ledger recorded it' }) recordedAt!: Date;
  @ApiProperty({ description: 'Entered more than five minutes after it happened' }) backDated!: boolean;
  @ApiProperty({ type: ActorView, nullable: true }) recordedBy!: ActorView | null;
  @ApiProperty({ type: String, nullable: true }) role!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The event’s payload, in its current schema' }) data!: unknown;
  @ApiProperty({ type: ProvenanceView, nullable: true, description: 'Where the fact comes from (metadata.provenance): a source, or illustrative; null when not recorded' }) provenance!: ProvenanceView | null;
  @ApiProperty({ type: BackDatingView, nullable: true, description: 'How a late entry was made (metadata lateByDays, enteredBy, source); null when not recorded' }) backDating!: BackDatingView | null;
}

export class EventsBehindView {
  @ApiProperty({ type: [EventBehindView], description: 'In global position order' }) items!: EventBehindView[];
}

/**
 * The events behind a figure: indicators, the decision log, the register and the tracker name the
 * events each figure rests on by global position; this resolves them, for any signed-in reader, in
 * the timeline's shape (both clocks, who recorded it, back-dated or not, the upcast payload). The
 * raw record with every stored field stays with auditors (GET /events).
 */
@ReadModelController('events-behind')
export class EventsBehindController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The events behind a figure, by the global positions a read model names, with both clocks and who recorded them' })
  @ApiOkResponse({ type: EventsBehindView })
  @ApiProblems(400, 401, 503)
  async eventsBehind(@Query() query: EventsBehindQuery): Promise<EventsBehindView> {
    const positions = [...new Set(query.positions.split(',').map(Number))];
    const { rows } = await this.pool.query<{ global_position: string; stream_id: string; stream_version: number }>(
      'SELECT global_position, stream_id, stream_version FROM events WHERE global_position = ANY($1::bigint[]) ORDER BY global_position',
      [positions],
    );
    const missing = positions.filter((p) => !rows.some((r) => Number(r.global_position) === p));
    if (missing.length) throw new LedgerError('UnknownPosition', 'invalid', `No event has been recorded at position ${missing.join(', ')}.`, { positions: missing });
    const items = await Promise.all(
      rows.map(async (row) => {
        const [event] = await this.store.readStream(row.stream_id, { fromVersion: row.stream_version, maxCount: 1 });
        const metadata = event!.metadata as { backDated?: boolean; actor?: ActorView; role?: string } & Record<string, unknown>;
        return {
          globalPosition: event!.globalPosition,
          streamId: event!.streamId,
          version: event!.streamVersion,
          type: event!.type,
          occurredAt: event!.occurredAt,
          recordedAt: event!.recordedAt,
          backDated: metadata.backDated ?? false,
          recordedBy: metadata.actor ?? null,
          role: metadata.role ?? null,
          data: upcast(event!).data,
          provenance: provenanceOf(metadata),
          backDating: backDatingOf(metadata),
        };
      }),
    );
    return { items };
  }
}
