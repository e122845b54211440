import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { type DataSource, Equal, type FindOptionsWhere } from 'typeorm';
import { FORCE_CODES, PageQuery, PersonView } from '#governance';
import { DecisionLogEntry } from './decision-log.entity.js';

export class DecisionLogQuery extends PageQuery {
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
  @ApiProperty() escalations!: number;
  @ApiProperty() takenUnderDelegation!: boolean;
  @ApiProperty() urgent!: boolean;
  @ApiProperty() ratified!: boolean;
  @ApiProperty({ type: [ApprovalView] }) approvals!: ApprovalView[];
  @ApiProperty({ type: [RejectionView] }) rejections!: RejectionView[];
  @ApiProperty({ type: [Number], description: 'Global positions of every event of the decision' }) eventPositions!: number[];
}

export class DecisionLogPage {
  @ApiProperty({ type: [DecisionLogEntryView] }) items!: DecisionLogEntryView[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}

export async function decisionLogPage(db: DataSource, query: DecisionLogQuery): Promise<DecisionLogPage> {
  const where: FindOptionsWhere<DecisionLogEntry> = {
    ...(query.collaborationId ? { collaborationId: Equal(query.collaborationId) } : {}),
    ...(query.leadForce ? { leadForce: Equal(query.leadForce) } : {}),
  };
  const [items, total] = await db.getRepository(DecisionLogEntry).findAndCount({ where, order: { proposedAt: 'ASC', decisionId: 'ASC' }, take: query.limit, skip: query.offset });
  return { items: items as unknown as DecisionLogEntryView[], total, limit: query.limit, offset: query.offset };
}
