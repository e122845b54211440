import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { type DataSource, Equal } from 'typeorm';
import { FORCE_CODES, PageQuery, PendingItemView } from '#governance';
import { OfficeTenure } from './office-holders.entity.js';

export class OfficeHoldersQuery extends PageQuery {
  @ApiPropertyOptional({ enum: FORCE_CODES })
  @IsOptional()
  @IsIn(FORCE_CODES)
  force?: string;
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
