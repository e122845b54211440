import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { type DataSource, Equal, type FindOptionsWhere } from 'typeorm';
import type { EventStore } from '#event-store';
import { FORCE_CODES, PersonView } from '#governance';
import { AnsweredAsAt, PagedAsAtQuery, asAtOf, rowsAsAt } from '../as-at.js';
import { DecisionLogEntry } from './decision-log.entity.js';
import { decisionLogProjection } from './decision-log.projection.js';

export class DecisionLogQuery extends PagedAsAtQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  collaborationId?: string;

  @ApiPropertyOptional({ enum: FORCE_CODES })
  @IsOptional()
  @IsIn(FORCE_CODES)
  leadForce?: string;
}

export class ApprovalView {
  @ApiProperty() party!: string;
  @ApiProperty({ enum: ['chief-officer', 'policing-body'] }) role!: string;
  @ApiProperty({ type: PersonView }) approver!: PersonView;
  @ApiProperty({ type: String, format: 'date-time' }) at!: string;
}

export class RejectionView extends ApprovalView {
  @ApiProperty() reason!: string;
}

export class DecisionLogEntryView {
  @ApiProperty({ format: 'uuid' }) decisionId!: string;
  @ApiProperty({ format: 'uuid' }) collaborationId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() category!: string;
  @ApiProperty() valueGbp!: number;
  @ApiProperty() leadForce!: string;
  @ApiProperty({ enum: ['lead-force-alone', 'all-chief-officers', 'all-chief-officers-and-policing-bodies'] }) basis!: string;
  @ApiProperty({ enum: ['open', 'taken', 'rejected', 'taken-under-urgency', 'ratified', 'rescinded'] }) status!: string;
  @ApiProperty({ type: String, format: 'date-time' }) proposedAt!: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt!: Date | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Days from proposal to the act that decided it' }) daysToDecide!: number | null;
  @ApiProperty({ description: 'Every escalation: required plus chosen' }) escalations!: number;
  @ApiProperty({ description: 'Escalations the delegation scheme in force required when it was proposed' }) escalationsRequired!: number;
  @ApiProperty({ description: 'Escalations the proposer chose beyond what the scheme required' }) escalationsChosen!: number;
  @ApiProperty() takenUnderDelegation!: boolean;
  @ApiProperty() urgent!: boolean;
  @ApiProperty() ratified!: boolean;
  @ApiProperty({ type: [ApprovalView] }) approvals!: ApprovalView[];
  @ApiProperty({ type: [RejectionView] }) rejections!: RejectionView[];
  @ApiProperty({ type: [Number], description: 'Global positions of every event of the decision' }) eventPositions!: number[];
}

export class DecisionLogPage extends AnsweredAsAt {
  @ApiProperty({ type: [DecisionLogEntryView] }) items!: DecisionLogEntryView[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}

/** The decision log, filtered and paged: from the projected rows, or as at / as known at from the projection's events. */
export async function decisionLogPage(db: DataSource, store: EventStore, query: DecisionLogQuery, now: Date): Promise<DecisionLogPage> {
  const asAt = asAtOf(query, now);
  if (!asAt.current) {
    const rows = (await rowsAsAt(store, decisionLogProjection, asAt.options))
      .filter((d) => (!query.collaborationId || d.collaborationId === query.collaborationId) && (!query.leadForce || d.leadForce === query.leadForce))
      .sort((a, b) => a.proposedAt.getTime() - b.proposedAt.getTime() || a.decisionId.localeCompare(b.decisionId));
    return { items: rows.slice(query.offset, query.offset + query.limit) as unknown as DecisionLogEntryView[], total: rows.length, limit: query.limit, offset: query.offset, ...asAt.answered };
  }
  const where: FindOptionsWhere<DecisionLogEntry> = {
    ...(query.collaborationId ? { collaborationId: Equal(query.collaborationId) } : {}),
    ...(query.leadForce ? { leadForce: Equal(query.leadForce) } : {}),
  };
  const [items, total] = await db.getRepository(DecisionLogEntry).findAndCount({ where, order: { proposedAt: 'ASC', decisionId: 'ASC' }, take: query.limit, skip: query.offset });
  return { items: items as unknown as DecisionLogEntryView[], total, limit: query.limit, offset: query.offset, ...asAt.answered };
}
