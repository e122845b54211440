import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import type { DataSource } from 'typeorm';
import { FORCES, FORCE_CODES, PageQuery } from '#governance';
import { LedgerError } from '#shared-kernel';
import type { EventStore } from '#event-store';
import { AnsweredAsAt, type AsAt, AsOfParameter, KnownAtParameter, asAtOf, rowsAsAt } from '../as-at.js';
import { RegisterEntry } from './register.entity.js';
import { registerProjection } from './register.projection.js';
import { columnsAs } from '../projection.js';

export const REGIONS = [...new Set(FORCES.map((f) => f.region))];
export const STATUSES = ['proposed', 'in-force', 'terminated'] as const;

/** The register's filters and page: shared by GET /register and GET /register/as-at. */
export class RegisterFilters extends PageQuery {
  @ApiPropertyOptional({ description: 'Words to find in the name, purpose or functions (any case)', example: 'firearms' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: FORCE_CODES, description: 'Only collaborations this force is party to' })
  @IsOptional()
  @IsIn(FORCE_CODES)
  force?: string;

  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES)
  status?: string;

  @ApiPropertyOptional({ enum: FORCE_CODES })
  @IsOptional()
  @IsIn(FORCE_CODES)
  leadForce?: string;

  @ApiPropertyOptional({ description: 'Only collaborations with a party in this region (any case), e.g. Wales', example: 'Wales' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  region?: string;

  @ApiPropertyOptional({ description: 'Only collaborations covering this function, e.g. firearms', example: 'firearms' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  function?: string;
}

/** GET /register: the filters, and as at (asOf) and as known at (knownAt) any instant. */
export class RegisterQuery extends RegisterFilters {
  @AsOfParameter() asOf?: string;
  @KnownAtParameter() knownAt?: string;
}

export class RegisterContributionView {
  @ApiProperty() party!: string;
  @ApiProperty() amountGbp!: number;
}

export class RegisterBudgetView {
  @ApiProperty() totalGbp!: number;
  @ApiProperty({ type: [RegisterContributionView] }) contributions!: RegisterContributionView[];
}

export class RegisterNoticeView {
  @ApiProperty() party!: string;
  @ApiProperty({ format: 'date-time' }) givenAt!: string;
  @ApiProperty({ format: 'date' }) effectiveOn!: string;
  @ApiProperty() rescinded!: boolean;
  @ApiProperty({ description: 'The event that gave it' }) position!: number;
}

export class RegisterAppetiteLevelView {
  @ApiProperty() category!: string;
  @ApiProperty() level!: string;
}

export class RegisterWithdrawalView {
  @ApiProperty() party!: string;
  @ApiProperty({ format: 'date-time', description: 'When the withdrawal took effect' }) at!: string;
  @ApiProperty({ description: 'The event that recorded it' }) position!: number;
}

export class RegisterAgreedAppetiteView {
  @ApiProperty({ format: 'date-time' }) from!: string;
  @ApiProperty({ type: [RegisterAppetiteLevelView] }) appetite!: RegisterAppetiteLevelView[];
  @ApiProperty() position!: number;
}

@ApiExtraModels(RegisterBudgetView)
export class RegisterEntryView {
  @ApiProperty({ format: 'uuid' }) collaborationId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() purpose!: string;
  @ApiProperty({ type: [String] }) functions!: string[];
  @ApiProperty({ type: [String] }) parties!: string[];
  @ApiProperty({ type: [String] }) withdrawnParties!: string[];
  @ApiProperty({ type: [RegisterWithdrawalView] }) withdrawals!: RegisterWithdrawalView[];
  @ApiProperty() leadForce!: string;
  @ApiProperty({ enum: STATUSES }) status!: string;
  @ApiProperty({ type: String, format: 'date-time' }) proposedAt!: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) cameIntoForceAt!: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) terminatedAt!: Date | null;
  @ApiProperty({ type: String, enum: ['full', 'redacted', 'title-only'], nullable: true }) publicationLevel!: string | null;
  @ApiProperty({ type: String, nullable: true }) publicationReason!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: { $ref: getSchemaPath(RegisterBudgetView) }, description: 'Financial year → budget' })
  budgets!: Record<string, RegisterBudgetView>;
  @ApiProperty({ description: 'Signatures recorded' }) signatures!: number;
  @ApiProperty({ type: [RegisterNoticeView] }) notices!: RegisterNoticeView[];
  @ApiProperty({ type: [RegisterAgreedAppetiteView] }) agreedAppetites!: RegisterAgreedAppetiteView[];
}

export class RegisterPage extends AnsweredAsAt {
  @ApiProperty({ type: [RegisterEntryView] }) items!: RegisterEntryView[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}

/** The forces of a region (case-insensitive), or UnknownRegion naming the regions there are. */
export function forcesInRegion(region: string): string[] {
  const inRegion = FORCES.filter((f) => f.region.toLowerCase() === region.toLowerCase()).map((f) => f.code);
  if (!inRegion.length) throw new LedgerError('UnknownRegion', 'invalid', `There is no region "${region}"; regions: ${REGIONS.join(', ')}.`);
  return inRegion;
}

/**
 * The register, filtered and paged, in the order collaborations were proposed: from the projected
 * rows, or as at asOf / as known at knownAt from the register projection's own events.
 */
export async function registerPage(db: DataSource, store: EventStore, query: RegisterQuery, now: Date): Promise<RegisterPage> {
  const asAt = asAtOf(query, now);
  if (asAt.current) return { ...(await currentRegisterPage(db, query)), ...asAt.answered };
  const rows = (await rowsAsAt(store, registerProjection, asAt.options)).filter(registerFilter(query)).sort(byProposal);
  return { items: rows.slice(query.offset, query.offset + query.limit).map(registerView), total: rows.length, limit: query.limit, offset: query.offset, ...asAt.answered };
}

/** The order of the register: by proposal, then id. */
export const byProposal = (a: RegisterEntry, b: RegisterEntry) => a.proposedAt.getTime() - b.proposedAt.getTime() || a.collaborationId.localeCompare(b.collaborationId);

/** The register's filters over rows in memory: the same tests as the SQL below. */
export function registerFilter(query: RegisterFilters): (entry: Pick<RegisterEntry, 'parties' | 'status' | 'leadForce' | 'functions' | 'name' | 'purpose'>) => boolean {
  const inRegion = query.region ? forcesInRegion(query.region) : undefined;
  const words = query.q?.trim().toLowerCase();
  return (entry) =>
    (!query.force || entry.parties.includes(query.force)) &&
    (!query.status || entry.status === query.status) &&
    (!query.leadForce || entry.leadForce === query.leadForce) &&
    (!inRegion || entry.parties.some((p) => inRegion.includes(p))) &&
    (!query.function || entry.functions.includes(query.function)) &&
    (!words || [entry.name, entry.purpose, ...entry.functions].some((text) => text.toLowerCase().includes(words)));
}

/** What the register shows of a row: every column but the proposal's pending terms (registerView). */
const REGISTER_VIEW_COLUMNS = [
  'collaborationId',
  'name',
  'purpose',
  'functions',
  'parties',
  'withdrawnParties',
  'withdrawals',
  'leadForce',
  'status',
  'proposedAt',
  'cameIntoForceAt',
  'terminatedAt',
  'publicationLevel',
  'publicationReason',
  'budgets',
  'signatures',
  'notices',
  'agreedAppetites',
] as const satisfies ReadonlyArray<keyof RegisterEntryView>;

/**
 * The page from the projected rows, by plain statements (no TypeORM hydration: a fifth of the
 * route's CPU at national scale), in the (proposed_at, id) index's order; the count beside it.
 */
async function currentRegisterPage(db: DataSource, query: RegisterFilters): Promise<Omit<RegisterPage, 'asOf' | 'knownAt'>> {
  const metadata = db.getMetadata(RegisterEntry);
  const where: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown) => `$${params.push(value)}`;
  if (query.force) where.push(`parties @> ${param(JSON.stringify([query.force]))}::jsonb`);
  if (query.status) where.push(`status = ${param(query.status)}`);
  if (query.leadForce) where.push(`lead_force = ${param(query.leadForce)}`);
  if (query.region) where.push(`parties ?| ${param(forcesInRegion(query.region))}::text[]`);
  if (query.function) where.push(`functions @> ${param(JSON.stringify([query.function]))}::jsonb`);
  if (query.q?.trim()) {
    const q = param(`%${escapeLike(query.q.trim())}%`);
    where.push(`(name ILIKE ${q} OR purpose ILIKE ${q} OR functions::text ILIKE ${q})`);
  }
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const page = `LIMIT $${params.length + 1} OFFSET $${params.length + 2}`;
  const [items, [counted]] = await Promise.all([
    db.query(`SELECT ${columnsAs(metadata, REGISTER_VIEW_COLUMNS)} FROM ${metadata.tablePath} ${filter} ORDER BY proposed_at, collaboration_id ${page}`, [...params, query.limit, query.offset]) as Promise<RegisterEntryView[]>,
    db.query(`SELECT count(*)::int AS total FROM ${metadata.tablePath} ${filter}`, params) as Promise<Array<{ total: number }>>,
  ]);
  return { items, total: counted!.total, limit: query.limit, offset: query.offset };
}

/** A LIKE pattern's own characters, escaped: a search for "50%" finds "50%", not everything. */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** One collaboration's register entry (as at, when asked), or CollaborationNotFound. */
export async function registerEntry(db: DataSource, collaborationId: string, asAt?: { store: EventStore; at: AsAt }): Promise<RegisterEntry> {
  const entry =
    asAt && !asAt.at.current
      ? (await rowsAsAt(asAt.store, registerProjection, asAt.at.options)).find((e) => e.collaborationId === collaborationId)
      : await db.getRepository(RegisterEntry).findOneBy({ collaborationId });
  if (!entry) throw new LedgerError('CollaborationNotFound', 'not-found', `There is no collaboration ${collaborationId} in the register${asAt && !asAt.at.current ? ' at that date' : ' (yet)'}.`);
  return entry;
}

/** A register row as the register shows it: without the proposal's pending publication and appetite (RegisterEntry.proposedTerms). */
const registerView = ({ proposedTerms: _pending, ...entry }: RegisterEntry) => entry;
