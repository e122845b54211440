import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { type DataSource, Equal } from 'typeorm';
import { PageQuery } from '#governance';
import { BenefitAgainstPlan } from './benefits-against-plan.entity.js';

export class BenefitsAgainstPlanQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  collaborationId?: string;
}

export class BenefitAgainstPlanView {
  @ApiProperty({ format: 'uuid' }) benefitId!: string;
  @ApiProperty({ format: 'uuid' }) collaborationId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ['economic', 'efficiency', 'effectiveness'] }) category!: string;
  @ApiProperty() unit!: string;
  @ApiProperty({ enum: ['per-period', 'cumulative', 'annualised-run-rate'] }) measureKind!: string;
  @ApiProperty() baseline!: number;
  @ApiProperty() originalTarget!: number;
  @ApiProperty() target!: number;
  @ApiProperty({ format: 'date' }) targetDate!: string;
  @ApiProperty({ enum: ['identified', 'approved', 'business-as-usual', 'closed'] }) status!: string;
  @ApiProperty({ type: String, nullable: true, enum: ['realised', 'partly-realised', 'not-realised'] }) outcome!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, description: 'Month (YYYY-MM) → its current figure' }) measurements!: Record<string, number>;
  @ApiProperty() corrections!: number;
  @ApiProperty() targetRevisions!: number;
  @ApiProperty() monthsMeasured!: number;
  @ApiProperty({ type: String, nullable: true }) latestPeriod!: string | null;
  @ApiProperty({ type: Number, nullable: true }) latestValue!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: '(latest − baseline) / (target − baseline), to 4 places; null with no figure or no span' }) shareOfTarget!: number | null;
  @ApiProperty({ description: 'True for economic (cashable) benefits' }) cashable!: boolean;
}

export class BenefitsAgainstPlanPage {
  @ApiProperty({ type: [BenefitAgainstPlanView] }) items!: BenefitAgainstPlanView[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}

/** One benefit against plan: its latest month's figure and that figure's share of the way from baseline to target. */
export function againstPlan({ eventPositions: _positions, ...b }: BenefitAgainstPlan): BenefitAgainstPlanView {
  const months = Object.keys(b.measurements).sort();
  const latest = months.length ? b.measurements[months.at(-1)!]! : null;
  const span = b.target - b.baseline;
  return {
    ...b,
    monthsMeasured: months.length,
    latestPeriod: months.at(-1) ?? null,
    latestValue: latest,
    shareOfTarget: latest === null || span === 0 ? null : Number(((latest - b.baseline) / span).toFixed(4)),
    cashable: b.category === 'economic',
  };
}

export async function benefitsAgainstPlanPage(db: DataSource, query: BenefitsAgainstPlanQuery): Promise<BenefitsAgainstPlanPage> {
  const [rows, total] = await db.getRepository(BenefitAgainstPlan).findAndCount({
    where: query.collaborationId ? { collaborationId: Equal(query.collaborationId) } : {},
    order: { collaborationId: 'ASC', benefitId: 'ASC' },
    take: query.limit,
    skip: query.offset,
  });
  return { items: rows.map(againstPlan), total, limit: query.limit, offset: query.offset };
}
