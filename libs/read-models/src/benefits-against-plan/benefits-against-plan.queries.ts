import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { type DataSource, Equal } from 'typeorm';
import type { EventStore } from '#event-store';
import { MEASURE_KINDS } from '#governance';
import { AnsweredAsAt, PagedAsAtQuery, asAtOf, rowsAsAt } from '../as-at.js';
import { BenefitAgainstPlan } from './benefits-against-plan.entity.js';
import { benefitsProjection } from './benefits-against-plan.projection.js';
import { realisation, round2 } from './realisation.js';

export class BenefitsAgainstPlanQuery extends PagedAsAtQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'One collaboration’s benefits; the totals are then that collaboration’s' })
  @IsOptional()
  @IsUUID()
  collaborationId?: string;
}

export class ShareOfBenefitView {
  @ApiProperty() party!: string;
  @ApiProperty({ description: 'Its attribution share, in percent; the shares add up to 100' }) percent!: number;
}

export class AttributionView {
  @ApiProperty() party!: string;
  @ApiProperty({ description: 'Its attribution share of the benefit, in percent' }) percent!: number;
  @ApiProperty({ description: 'realisedToDate × percent / 100, to 2 places' }) realisedToDate!: number;
}

export class BenefitAgainstPlanView {
  @ApiProperty({ format: 'uuid' }) benefitId!: string;
  @ApiProperty({ format: 'uuid' }) collaborationId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ['economic', 'efficiency', 'effectiveness'] }) category!: string;
  @ApiProperty() unit!: string;
  @ApiProperty({ enum: MEASURE_KINDS, description: 'How a monthly figure reads: that month’s own amount, the running total, or the yearly rate reached that month' }) measureKind!: string;
  @ApiProperty() baseline!: number;
  @ApiProperty({ type: [ShareOfBenefitView] }) sharePerForce!: ShareOfBenefitView[];
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
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, description: 'Month → realised in that month, by the measure kind (docs/indicators.md, “Benefit realised”), to 2 places' })
  realisedByPeriod!: Record<string, number>;
  @ApiProperty({ description: 'Realised to date, by the measure kind, in the benefit’s unit, to 2 places' }) realisedToDate!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Annualised run rate only: latest figure − baseline, a yearly rate' }) currentRunRate!: number | null;
  @ApiProperty({ type: [AttributionView], description: 'Realised to date, per force, by its attribution share' }) attribution!: AttributionView[];
  @ApiProperty({ description: 'Economic benefits: cashable' }) cashable!: boolean;
  @ApiProperty({ description: 'Efficiency benefits: non-cashable' }) nonCashable!: boolean;
}

export class BenefitTotalView {
  @ApiProperty({ description: 'The benefit’s unit: totals are never added across units' }) unit!: string;
  @ApiProperty({ description: 'Benefits counted' }) benefits!: number;
  @ApiProperty({ description: 'Of those, benefits with at least one figure' }) measured!: number;
  @ApiProperty({ description: 'Σ realisedToDate, to 2 places' }) realisedToDate!: number;
}

export class CategoryTotalView extends BenefitTotalView {
  @ApiProperty({ enum: ['economic', 'efficiency', 'effectiveness'] }) category!: string;
}

export class ForceTotalView {
  @ApiProperty() party!: string;
  @ApiProperty({ enum: ['economic', 'efficiency', 'effectiveness'] }) category!: string;
  @ApiProperty() unit!: string;
  @ApiProperty({ description: 'Benefits the force has a share of' }) benefits!: number;
  @ApiProperty({ description: 'Σ realisedToDate × percent / 100, to 2 places' }) realisedToDate!: number;
}

export class BenefitTotalsView {
  @ApiProperty({ description: 'Benefits counted: every benefit the filter selects (all pages)' }) benefits!: number;
  @ApiProperty({ type: [CategoryTotalView] }) byCategory!: CategoryTotalView[];
  @ApiProperty({ type: [BenefitTotalView], description: 'Economic (cashable) benefits, per unit' }) cashable!: BenefitTotalView[];
  @ApiProperty({ type: [BenefitTotalView], description: 'Efficiency (non-cashable) benefits, per unit' }) nonCashable!: BenefitTotalView[];
  @ApiProperty({ type: [ForceTotalView], description: 'Per force, by attribution share' }) byForce!: ForceTotalView[];
}

export class BenefitsAgainstPlanPage extends AnsweredAsAt {
  @ApiProperty({ type: [BenefitAgainstPlanView] }) items!: BenefitAgainstPlanView[];
  @ApiProperty({ type: BenefitTotalsView, description: 'Over every benefit the filter selects, not only this page (docs/indicators.md, “Benefits against plan: totals”)' }) totals!: BenefitTotalsView;
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}

/** One benefit against plan: its latest figure, that figure's share of the way from baseline to target, and what it has realised. */
export function againstPlan({ eventPositions: _positions, ...b }: BenefitAgainstPlan): BenefitAgainstPlanView {
  const months = Object.keys(b.measurements).sort();
  const latest = months.length ? b.measurements[months.at(-1)!]! : null;
  const span = b.target - b.baseline;
  const realised = realisation(b);
  const sharePerForce = b.sharePerForce ?? [];
  return {
    ...b,
    sharePerForce,
    monthsMeasured: months.length,
    latestPeriod: months.at(-1) ?? null,
    latestValue: latest,
    shareOfTarget: latest === null || span === 0 ? null : Number(((latest - b.baseline) / span).toFixed(4)),
    realisedByPeriod: Object.fromEntries(Object.entries(realised.byPeriod).map(([m, v]) => [m, round2(v)])),
    realisedToDate: round2(realised.realisedToDate),
    currentRunRate: realised.currentRunRate === null ? null : round2(realised.currentRunRate),
    attribution: sharePerForce.map((s) => ({ party: s.party, percent: s.percent, realisedToDate: round2((realised.realisedToDate * s.percent) / 100) })),
    cashable: b.category === 'economic',
    nonCashable: b.category === 'efficiency',
  } as BenefitAgainstPlanView;
}

/**
 * Totals over a set of benefits (docs/indicators.md, “Benefits against plan: totals”): realised to
 * date per category and unit, cashable (economic) and non-cashable (efficiency) per unit, and per
 * force by attribution share. Never added across units; targets are not added up, since a
 * per-period target, a running-total target and a yearly-rate target are not amounts of one kind.
 */
export function benefitTotals(benefits: readonly Pick<BenefitAgainstPlan, 'category' | 'unit' | 'measureKind' | 'baseline' | 'measurements' | 'sharePerForce'>[]): BenefitTotalsView {
  const lines = new Map<string, { category: string; unit: string; benefits: number; measured: number; realised: number }>();
  const forces = new Map<string, { party: string; category: string; unit: string; benefits: number; realised: number }>();
  for (const b of benefits) {
    const realised = realisation(b).realisedToDate;
    const key = JSON.stringify([b.category, b.unit]);
    const line = lines.get(key) ?? lines.set(key, { category: b.category, unit: b.unit, benefits: 0, measured: 0, realised: 0 }).get(key)!;
    line.benefits++;
    if (Object.keys(b.measurements).length) line.measured++;
    line.realised += realised;
    for (const s of b.sharePerForce ?? []) {
      const forceKey = JSON.stringify([s.party, b.category, b.unit]);
      const force = forces.get(forceKey) ?? forces.set(forceKey, { party: s.party, category: b.category, unit: b.unit, benefits: 0, realised: 0 }).get(forceKey)!;
      force.benefits++;
      force.realised += (realised * s.percent) / 100;
    }
  }
  const byCategory = [...lines.values()]
    .sort((a, b) => a.category.localeCompare(b.category) || a.unit.localeCompare(b.unit))
    .map((l) => ({ category: l.category, unit: l.unit, benefits: l.benefits, measured: l.measured, realisedToDate: round2(l.realised) }));
  const ofCategory = (category: string) => byCategory.filter((l) => l.category === category).map(({ category: _c, ...rest }) => rest);
  return {
    benefits: benefits.length,
    byCategory,
    cashable: ofCategory('economic'),
    nonCashable: ofCategory('efficiency'),
    byForce: [...forces.values()]
      .sort((a, b) => a.party.localeCompare(b.party) || a.category.localeCompare(b.category) || a.unit.localeCompare(b.unit))
      .map((f) => ({ party: f.party, category: f.category, unit: f.unit, benefits: f.benefits, realisedToDate: round2(f.realised) })),
  };
}

/** Benefits against plan, paged, with totals over every benefit the filter selects; as at / as known at from the projection's events. */
export async function benefitsAgainstPlanPage(db: DataSource, store: EventStore, query: BenefitsAgainstPlanQuery, now: Date): Promise<BenefitsAgainstPlanPage> {
  const asAt = asAtOf(query, now);
  const selected = asAt.current
    ? await db.getRepository(BenefitAgainstPlan).find({ where: query.collaborationId ? { collaborationId: Equal(query.collaborationId) } : {} })
    : (await rowsAsAt(store, benefitsProjection, asAt.options)).filter((b) => !query.collaborationId || b.collaborationId === query.collaborationId);
  const rows = [...selected].sort((a, b) => a.collaborationId.localeCompare(b.collaborationId) || a.benefitId.localeCompare(b.benefitId));
  return {
    items: rows.slice(query.offset, query.offset + query.limit).map(againstPlan),
    totals: benefitTotals(rows),
    total: rows.length,
    limit: query.limit,
    offset: query.offset,
    ...asAt.answered,
  };
}
