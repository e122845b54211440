import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsNotEmpty, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { FORCE_CODES, IsCalendarDate, Nested, NestedList } from '../http.js';
import { DECISION_CATEGORIES, type DecisionCategory, RISK_CATEGORIES, RISK_LEVELS, type RiskCategory, type RiskLevel } from '../risk.js';
import { OTHER_PARTY_KINDS, type OtherPartyKind, type PublicationLevel, type TermsChange } from './terms.js';

/** The request shapes of an agreement's terms (terms.ts), shared by the proposal and its variations. */

export class DelegationRuleDto {
  @ApiProperty({ enum: DECISION_CATEGORIES, example: 'financial' })
  @IsIn(DECISION_CATEGORIES)
  category!: DecisionCategory;

  @ApiProperty({ example: 250000, description: 'The lead force may decide alone up to this value in pounds (0: never alone)' })
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(1e12)
  leadForceAloneUpToGbp!: number;

  @ApiProperty({ enum: ['all-chief-officers', 'all-chief-officers-and-policing-bodies'], example: 'all-chief-officers' })
  @IsIn(['all-chief-officers', 'all-chief-officers-and-policing-bodies'])
  aboveLimit!: 'all-chief-officers' | 'all-chief-officers-and-policing-bodies';
}

export class ContributionDto {
  @ApiProperty({ example: 'wiltshire' })
  @IsIn(FORCE_CODES)
  party!: string;

  @ApiProperty({ example: 3250000 })
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(1e12)
  amountGbp!: number;
}

export class AnnualBudgetDto {
  @ApiProperty({ example: '2016/17' })
  @Matches(/^\d{4}\/\d{2}$/, { message: 'financialYear must look like 2016/17' })
  financialYear!: string;

  @ApiProperty({ example: 9750000 })
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(1e12)
  totalGbp!: number;

  @ApiProperty({ type: [ContributionDto], description: 'Each remaining party’s share; they add up to the total' })
  @NestedList(() => ContributionDto, { min: 1, max: 43 })
  contributions!: ContributionDto[];
}

export class AppetiteDto {
  @ApiProperty({ enum: RISK_CATEGORIES, example: 'operational' })
  @IsIn(RISK_CATEGORIES)
  category!: RiskCategory;

  @ApiProperty({ enum: RISK_LEVELS, example: 'cautious' })
  @IsIn(RISK_LEVELS)
  level!: RiskLevel;
}

export class AgreedRiskAppetiteDto {
  @ApiProperty({ type: [AppetiteDto] })
  @NestedList(() => AppetiteDto, { min: 1, max: RISK_CATEGORIES.length })
  appetite!: AppetiteDto[];

  @ApiProperty({ example: 'Cautious on service delivery, open to innovation in partnership working' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  statement!: string;
}

export class PublicationDto {
  @ApiProperty({ enum: ['full', 'redacted', 'title-only'], example: 'redacted', description: 's23E: what of the agreement the public may see' })
  @IsIn(['full', 'redacted', 'title-only'])
  level!: PublicationLevel;

  @ApiPropertyOptional({ type: String, example: 'Schedule 3 (operational tactics) withheld: law enforcement exemption' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class OtherPartyDto {
  @ApiProperty({ example: 'devon-somerset-fra', description: 'A short id for the party in this agreement (lower case, digits, hyphens), not a force code' })
  @Matches(/^[a-z0-9][a-z0-9-]{1,62}$/, { message: 'partyId must be 2 to 63 lower-case letters, digits or hyphens' })
  partyId!: string;

  @ApiProperty({ example: 'Devon and Somerset Fire and Rescue Authority' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: OTHER_PARTY_KINDS, example: 'fire-and-rescue-authority' })
  @IsIn(OTHER_PARTY_KINDS)
  kind!: OtherPartyKind;
}

/** The terms a variation may change; at least one, or an agreed end. */
export class TermsChangeDto {
  @ApiPropertyOptional({ example: ['firearms', 'roads policing'], description: 'The functions in scope after the variation (the whole list)' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(200, { each: true })
  functions?: string[];

  @ApiPropertyOptional({ example: 'wiltshire', description: 'A remaining party force' })
  @IsOptional()
  @IsIn(FORCE_CODES)
  leadForce?: string;

  @ApiPropertyOptional({ type: [DelegationRuleDto], description: 'The whole scheme after the variation' })
  @IsOptional()
  @NestedList(() => DelegationRuleDto, { min: 1, max: DECISION_CATEGORIES.length })
  delegationScheme?: DelegationRuleDto[];

  @ApiPropertyOptional({ example: 12 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(60)
  noticePeriodMonths?: number;

  @ApiPropertyOptional({ example: 'Shared in proportion to each force’s net revenue expenditure' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  costSharing?: string;

  @ApiPropertyOptional({ type: AnnualBudgetDto })
  @Nested(() => AnnualBudgetDto, { optional: true })
  annualBudget?: AnnualBudgetDto;

  @ApiPropertyOptional({ type: AgreedRiskAppetiteDto })
  @Nested(() => AgreedRiskAppetiteDto, { optional: true })
  riskAppetite?: AgreedRiskAppetiteDto;

  @ApiPropertyOptional({ type: PublicationDto })
  @Nested(() => PublicationDto, { optional: true })
  publication?: PublicationDto;

  @ApiPropertyOptional({ example: '2021-04-01', format: 'date' })
  @IsOptional()
  @IsCalendarDate()
  reviewDate?: string;

  @ApiPropertyOptional({ example: '2020-04-01', format: 'date', description: 's23C(5): the parties agree to end the collaboration from this date' })
  @IsOptional()
  @IsCalendarDate()
  endsOn?: string;
}

/** The request's terms as the command carries them: only what was sent, nested objects as plain data. */
export function termsChangeOf(dto: TermsChangeDto): TermsChange {
  const change: TermsChange = {};
  if (dto.functions) change.functions = [...dto.functions];
  if (dto.leadForce) change.leadForce = dto.leadForce;
  if (dto.delegationScheme) change.delegationScheme = delegationSchemeOf(dto.delegationScheme);
  if (dto.noticePeriodMonths !== undefined) change.noticePeriodMonths = dto.noticePeriodMonths;
  if (dto.costSharing) change.costSharing = dto.costSharing;
  if (dto.annualBudget) change.annualBudget = annualBudgetOf(dto.annualBudget);
  if (dto.riskAppetite) change.riskAppetite = riskAppetiteOf(dto.riskAppetite);
  if (dto.publication) change.publication = publicationOf(dto.publication);
  if (dto.reviewDate) change.reviewDate = dto.reviewDate;
  if (dto.endsOn) change.endsOn = dto.endsOn;
  return change;
}

export const delegationSchemeOf = (rules: DelegationRuleDto[]) => rules.map((r) => ({ category: r.category, leadForceAloneUpToGbp: r.leadForceAloneUpToGbp, aboveLimit: r.aboveLimit }));
export const annualBudgetOf = (b: AnnualBudgetDto) => ({ financialYear: b.financialYear, totalGbp: b.totalGbp, contributions: b.contributions.map((c) => ({ party: c.party, amountGbp: c.amountGbp })) });
export const riskAppetiteOf = (a: AgreedRiskAppetiteDto) => ({ appetite: a.appetite.map((x) => ({ category: x.category, level: x.level })), statement: a.statement });
export const publicationOf = (p: PublicationDto) => ({ level: p.level, reason: p.reason ?? null });
