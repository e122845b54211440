import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import type { PageQuery } from '#governance';
import { RegisterEntry } from '../register/register.entity.js';
import { RegisterBudgetView, STATUSES } from '../register/register.queries.js';

/**
 * An agreement as the public may see it (s23E Police Act 1996): title-only shows the name and the
 * reason; redacted adds parties, lead force, status and dates; full adds the id, purpose, functions,
 * withdrawn parties and budgets.
 */
export class PublicAgreementView {
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['full', 'redacted', 'title-only'] }) publication!: string;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
  @ApiPropertyOptional({ type: [String] }) parties?: string[];
  @ApiPropertyOptional() leadForce?: string;
  @ApiPropertyOptional({ enum: STATUSES }) status?: string;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) cameIntoForceAt?: Date | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) terminatedAt?: Date | null;
  @ApiPropertyOptional({ format: 'uuid' }) collaborationId?: string;
  @ApiPropertyOptional() purpose?: string;
  @ApiPropertyOptional({ type: [String] }) functions?: string[];
  @ApiPropertyOptional({ type: [String] }) withdrawnParties?: string[];
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'object' }, description: 'Financial year → budget (as in the register)' })
  budgets?: Record<string, RegisterBudgetView>;
}

export class PublicRegisterPage {
  @ApiProperty({ type: [PublicAgreementView] }) items!: PublicAgreementView[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}

/** What the public may see of one entry, by its publication level. */
export function publicView(e: RegisterEntry): PublicAgreementView {
  const title = { name: e.name, publication: e.publicationLevel!, reason: e.publicationReason };
  if (e.publicationLevel === 'title-only') return title;
  const outline = { ...title, parties: e.parties, leadForce: e.leadForce, status: e.status, cameIntoForceAt: e.cameIntoForceAt, terminatedAt: e.terminatedAt };
  if (e.publicationLevel === 'redacted') return outline;
  return { ...outline, collaborationId: e.collaborationId, purpose: e.purpose, functions: e.functions, withdrawnParties: e.withdrawnParties, budgets: e.budgets };
}

/** Published agreements only, by name. */
export async function publicRegisterPage(db: DataSource, query: PageQuery): Promise<PublicRegisterPage> {
  const [entries, total] = await db
    .getRepository(RegisterEntry)
    .createQueryBuilder('entry')
    .where('entry.publicationLevel IS NOT NULL')
    .orderBy('entry.name', 'ASC')
    .addOrderBy('entry.collaborationId', 'ASC')
    .take(query.limit)
    .skip(query.offset)
    .getManyAndCount();
  return { items: entries.map(publicView), total, limit: query.limit, offset: query.offset };
}
