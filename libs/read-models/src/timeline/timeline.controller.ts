import { Get, Inject, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { EVENT_STORE, type EventStore } from '#event-store';
import { ApiProblems, WholeNumberParameter, collaborationStreamId, upcast } from '#governance';
import { LedgerError, ProblemCode } from '#shared-kernel';
import { ReadModelController } from '../read-after.js';

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

export class ActorView {
  @ApiProperty() personId!: string;
  @ApiProperty() name!: string;
}

export class ProvenanceView {
  @ApiPropertyOptional({ description: 'The record it comes from: a document of the seeds, or a public page with the date it was read' }) source?: string;
  @ApiPropertyOptional({ description: 'True where the public record is silent and the value is illustrative (demo data)' }) illustrative?: boolean;
}

/** How an event reached the ledger: how late, entered by whom on the actor's behalf, from which record. */
export class EntryMarksView {
  @ApiProperty({ type: Number, nullable: true, description: 'Whole days between when it happened and when the ledger recorded it, for a back-dated entry; null otherwise' })
  lateByDays!: number | null;
  @ApiProperty({ type: ActorView, nullable: true, description: 'The registrar who entered it on the actor’s behalf (history older than the back-dating window); null when the actor entered it' })
  enteredBy!: ActorView | null;
  @ApiProperty({ type: String, nullable: true, description: 'The record a registrar entered it from' }) source!: string | null;
  @ApiProperty({ type: ProvenanceView, nullable: true, description: 'Where the recorded fact comes from (demo history: a source, or illustrative)' })
  provenance!: ProvenanceView | null;
}

interface EntryMetadata {
  backDated?: boolean;
  actor?: ActorView;
  role?: string;
  lateByDays?: number;
  enteredBy?: ActorView;
  source?: string;
  provenance?: ProvenanceView;
}

/** The entry marks of an event's metadata (events recorded before they existed have none). */
export const entryMarksOf = (metadata: EntryMetadata): EntryMarksView => ({
  lateByDays: metadata.lateByDays ?? null,
  enteredBy: metadata.enteredBy ?? null,
  source: metadata.source ?? null,
  provenance: metadata.provenance ?? null,
});

export class TimelineEntryView extends EntryMarksView {
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
        const metadata = e.metadata as EntryMetadata;
        return {
          ...entryMarksOf(metadata),
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
        };
      }),
      nextFromVersion: events.length > query.limit ? page.at(-1)!.streamVersion + 1 : null,
    };
  }
}
