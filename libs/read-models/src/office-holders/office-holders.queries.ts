import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { type DataSource, Equal } from 'typeorm';
import { FORCE_CODES, PENDING_KINDS, type PendingItem, PageQuery, type RecommendationAwaiting } from '#governance';
import { OfficeTenure } from './office-holders.entity.js';

export class OfficeHoldersQuery extends PageQuery {
  @ApiPropertyOptional({ enum: FORCE_CODES })
  @IsOptional()
  @IsIn(FORCE_CODES)
  force?: string;
}

/** One thing that awaited the office when the tenure ended, as at that date (PendingItem; fields by kind). */
export class PendingItemView {
  @ApiProperty({ enum: PENDING_KINDS, description: 'What awaited the office: a signature of an agreement or variation, a decision’s approval, an urgent decision’s ratification, a recommendation’s action' })
  kind!: PendingItem['kind'];
  @ApiProperty({ example: 'Seven Force Strategic Alliance', description: 'What people read: the agreement’s name, the variation’s summary, the decision’s title, the report’s reference' })
  name!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When it began to await the office (occurred time); null in handovers recorded before it was kept' })
  since!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The collaboration; null for a recommendation about none' })
  collaborationId!: string | null;
  @ApiPropertyOptional({ description: 'variation-signature, decision-approval, ratification: the collaboration’s name' }) collaborationName?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'variation-signature' }) variationId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'decision-approval, ratification' }) decisionId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'recommendation-action' }) recommendationId?: string;
  @ApiPropertyOptional({
    enum: ['implementation', 'closure-decision', 's55-response'],
    description: 'recommendation-action: the chief officer’s to implement; the policing body’s to decide a proposed closure or to publish its s55 response',
  })
  awaiting?: RecommendationAwaiting;
  @ApiPropertyOptional({ format: 'date', description: 'recommendation-action: its due date then' }) dueDate?: string;
}

export class HeldOfficeView {
  @ApiProperty({ example: 'office-kent-chief-officer' }) officeStream!: string;
  @ApiProperty({ description: 'The version of the office’s stream that began the tenure' }) sequence!: number;
  @ApiProperty() forceCode!: string;
  @ApiProperty({ enum: ['chief-officer', 'policing-body'] }) office!: string;
  @ApiProperty() personId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['substantive', 'acting'] }) basis!: string;
  @ApiProperty({ type: String, format: 'date-time' }) heldFrom!: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) heldTo!: Date | null;
  @ApiProperty({ type: String, enum: ['handover', 'acting-designation', 'vacancy'], nullable: true }) endedBy!: string | null;
  @ApiProperty({ type: [PendingItemView], description: 'Everything pending for the office as at the date the tenure ended, computed from the log as it then stood' }) pendingAtEnd!: PendingItemView[];
  @ApiProperty({ type: Number, nullable: true }) endedByPosition!: number | null;
}

export class OfficeHoldersPage {
  @ApiProperty({ type: [HeldOfficeView] }) items!: HeldOfficeView[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}

export async function officeHoldersPage(db: DataSource, query: OfficeHoldersQuery): Promise<OfficeHoldersPage> {
  const [items, total] = await db.getRepository(OfficeTenure).findAndCount({
    where: query.force ? { forceCode: Equal(query.force) } : {},
    order: { forceCode: 'ASC', office: 'ASC', sequence: 'ASC' },
    take: query.limit,
    skip: query.offset,
  });
  return { items, total, limit: query.limit, offset: query.offset };
}
