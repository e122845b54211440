import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { DataSource } from 'typeorm';
import type { EventStore } from '#event-store';
import { FORCE_CODES } from '#governance';
import { AnsweredAsAt, PagedAsAtQuery, asAtOf, rowsAsAt } from '../as-at.js';
import { RecommendationTrack } from './recommendations-tracker.entity.js';
import { recommendationsProjection } from './recommendations-tracker.projection.js';

export const TRACKER_STATUSES = ['open', 'closure-proposed', 'closed', 'overdue'] as const;

export class RecommendationsTrackerQuery extends PagedAsAtQuery {
  @ApiPropertyOptional({ enum: FORCE_CODES, description: 'Addressed to this force' })
  @IsOptional()
  @IsIn(FORCE_CODES)
  force?: string;

  @ApiPropertyOptional({ enum: TRACKER_STATUSES, description: 'overdue: not closed and past its due date' })
  @IsOptional()
  @IsIn(TRACKER_STATUSES)
  status?: string;
}

export class SlipView {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty() position!: number;
}

export class RecommendationTrackView {
  @ApiProperty({ format: 'uuid' }) recommendationId!: string;
  @ApiProperty() addressedTo!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) collaborationId!: string | null;
  @ApiProperty({ enum: ['recommendation', 'area-for-improvement', 'cause-of-concern'] }) kind!: string;
  @ApiProperty({ enum: ['inspection-report', 'internal-audit', 'post-implementation-review'] }) source!: string;
  @ApiProperty() reference!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ format: 'date' }) originalDueDate!: string;
  @ApiProperty({ format: 'date' }) dueDate!: string;
  @ApiProperty() slips!: number;
  @ApiProperty({ type: [SlipView] }) slipEvents!: SlipView[];
  @ApiProperty() evidenceItems!: number;
  @ApiProperty({ enum: ['open', 'closure-proposed', 'closed'] }) status!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt!: Date | null;
  @ApiProperty({ description: 'Not closed, and its due date has passed: before the day answered for (asOf, else knownAt, else today; UTC)' }) overdue!: boolean;
  @ApiProperty() slipped!: boolean;
  @ApiProperty({ enum: ['force', 'national-body'] }) addresseeKind!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'The day the report was published' }) reportPublishedOn!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'The last day for the policing body’s published response (Police Act 1996 s55(5A)); null when none applies' })
  responseDeadline!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the policing body’s response was published' }) responsePublishedAt!: Date | null;
  @ApiProperty({ type: Boolean, nullable: true, description: 'The response was published after its deadline; null until published' }) responseLate!: boolean | null;
  @ApiProperty({ description: 'No response yet, and its deadline has passed (today, UTC)' }) responseOverdue!: boolean;
}

export class RecommendationsTrackerPage extends AnsweredAsAt {
  @ApiProperty({ type: [RecommendationTrackView] }) items!: RecommendationTrackView[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}

/** A recommendation as the tracker shows it on a day: overdue when open past its due date. */
export function tracked({ eventPositions: _positions, ...r }: RecommendationTrack, today: string): RecommendationTrackView {
  const responseOverdue = r.responseDeadline !== null && r.responsePublishedAt === null && r.responseDeadline < today;
  return { ...r, overdue: r.status !== 'closed' && r.dueDate < today, slipped: r.slips > 0, responseOverdue };
}

/** The tracker, filtered and paged: from the projected rows, or as at / as known at from the projection's events, overdue as at that day. */
export async function recommendationsTrackerPage(db: DataSource, store: EventStore, query: RecommendationsTrackerQuery, now: Date): Promise<RecommendationsTrackerPage> {
  const asAt = asAtOf(query, now);
  const today = asAt.at.toISOString().slice(0, 10);
  if (!asAt.current) {
    const rows = (await rowsAsAt(store, recommendationsProjection, asAt.options))
      .map((r) => tracked(r, today))
      .filter((r) => (!query.force || r.addressedTo === query.force) && (!query.status || (query.status === 'overdue' ? r.overdue : r.status === query.status)))
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.recommendationId.localeCompare(b.recommendationId));
    return { items: rows.slice(query.offset, query.offset + query.limit), total: rows.length, limit: query.limit, offset: query.offset, ...asAt.answered };
  }
  const builder = db.getRepository(RecommendationTrack).createQueryBuilder('r').orderBy('r.dueDate', 'ASC').addOrderBy('r.recommendationId', 'ASC');
  if (query.force) builder.andWhere('r.addressedTo = :force', { force: query.force });
  if (query.status === 'overdue') builder.andWhere("r.status <> 'closed' AND r.dueDate < :today", { today });
  else if (query.status) builder.andWhere('r.status = :status', { status: query.status });
  const [rows, total] = await builder.take(query.limit).skip(query.offset).getManyAndCount();
  return { items: rows.map((r) => tracked(r, today)), total, limit: query.limit, offset: query.offset, ...asAt.answered };
}
