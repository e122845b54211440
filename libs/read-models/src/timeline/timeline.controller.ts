import { Get, Inject, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { EVENT_STORE, type EventStore } from '#event-store';
import { ApiProblems, WholeNumberParameter, collaborationStreamId, upcast } from '#governance';
import { LedgerError, ProblemCode } from '#shared-kernel';
import { ReadModelController } from '../read-after.js';
import { ActorView, BackDatingView, ProvenanceView, backDatingOf, provenanceOf } from './event-provenance.js';

export class TimelineQuery {
  @ApiPropertyOptional({ minimum: 1, default: 1, description: 'The first stream version to return' })
  @IsOptional()
  @WholeNumberParameter()
  @IsInt()
  @Min(1)
  @Max(1_000_000_000)
  @ProblemCode('InvalidPage')
  fromVersion: number = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 200 })
  @IsOptional()
  @WholeNumberParameter()
  @IsInt()
  @Min(1)
  @Max(200)
  @ProblemCode('InvalidPage')
  limit: number = 200;
}

export { ActorView };

export class TimelineEntryView {
  @ApiProperty() version!: number;
  @ApiProperty({ example: 'AgreementSigned' }) type!: string;
  @ApiProperty({ type: String, format: 'date-time', description: 'When it happened in the world' }) occurredAt!: Date;
  @ApiProperty({ type: String, format: 'date-time', description: 'When the ledger recorded it' }) recordedAt!: Date;
  @ApiProperty({ description: 'Entered more than five minutes after it happened' }) backDated!: boolean;
  @ApiProperty({ type: ActorView, nullable: true }) recordedBy!: ActorView | null;
  @ApiProperty({ type: String, nullable: true }) role!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The event’s payload, in its current schema' }) data!: unknown;
  @ApiProperty() globalPosition!: number;
  @ApiProperty({ description: 'The event’s link in its stream’s hash chain (docs/integrity.md)' }) hash!: string;
  @ApiProperty({ type: ProvenanceView, nullable: true, description: 'Where the fact comes from (metadata.provenance): a source, or illustrative; null when not recorded' }) provenance!: ProvenanceView | null;
  @ApiProperty({ type: BackDatingView, nullable: true, description: 'How a late entry was made (metadata lateByDays, enteredBy, source); null when not recorded' }) backDating!: BackDatingView | null;
}

export class TimelineView {
  @ApiProperty({ format: 'uuid' }) collaborationId!: string;
  @ApiProperty({ type: [TimelineEntryView] }) items!: TimelineEntryView[];
  @ApiProperty({ type: Number, nullable: true, description: 'Pass as fromVersion for the next page; null at the end' }) nextFromVersion!: number | null;
}

/** A collaboration's events in order, with both clocks: read from its stream, not a projection. */
@ReadModelController('collaborations')
export class TimelineController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get(':collaborationId/timeline')
  @ApiOperation({ summary: 'Every event of the collaboration in order, with both clocks, who recorded it, and whether it was back-dated; read from its stream' })
  @ApiOkResponse({ type: TimelineView })
  @ApiProblems(400, 401, 404, 503)
  async timeline(@Param('collaborationId', new ParseUUIDPipe()) collaborationId: string, @Query() query: TimelineQuery): Promise<TimelineView> {
    const events = await this.store.readStream(collaborationStreamId(collaborationId), { fromVersion: query.fromVersion, maxCount: query.limit + 1 });
    if (events.length === 0 && (await this.store.streamVersion(collaborationStreamId(collaborationId))) === 0) {
      throw new LedgerError('CollaborationNotFound', 'not-found', `There is no collaboration ${collaborationId}.`);
    }
    const page = events.slice(0, query.limit);
    return {
      collaborationId,
      items: page.map((e) => {
        const metadata = e.metadata as { backDated?: boolean; actor?: ActorView; role?: string } & Record<string, unknown>;
        return {
          version: e.streamVersion,
          type: e.type,
          occurredAt: e.occurredAt,
          recordedAt: e.recordedAt,
          backDated: metadata.backDated ?? false,
          recordedBy: metadata.actor ?? null,
          role: metadata.role ?? null,
          data: upcast(e).data,
          globalPosition: e.globalPosition,
          hash: e.hash,
          provenance: provenanceOf(metadata),
          backDating: backDatingOf(metadata),
        };
      }),
      nextFromVersion: events.length > query.limit ? page.at(-1)!.streamVersion + 1 : null,
    };
  }
}
