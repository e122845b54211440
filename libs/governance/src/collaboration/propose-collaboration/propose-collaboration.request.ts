import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { DECISION_CATEGORIES } from '../../risk.js';
import { FORCE_CODES, IsCalendarDate, Nested, NestedList, OccurredAtDto } from '../../http.js';
import { AgreedRiskAppetiteDto, AnnualBudgetDto, DelegationRuleDto, OtherPartyDto, PublicationDto } from '../terms.request.js';

export class ProposeCollaborationRequest extends OccurredAtDto {
  @ApiProperty({ example: 'South West Tri-force Specialist Operations' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: 'Firearms, dogs and roads policing delivered once for three forces, to the same standard, at lower cost.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  purpose!: string;

  @ApiProperty({ example: ['firearms', 'dogs', 'roads policing'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  functions!: string[];

  @ApiProperty({ example: ['avon-and-somerset', 'gloucestershire', 'wiltshire'], description: 'Force codes (GET /forces), at least two' })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(43)
  @IsIn(FORCE_CODES, { each: true })
  parties!: string[];

  @ApiProperty({ example: 'gloucestershire' })
  @IsIn(FORCE_CODES)
  leadForce!: string;

  @ApiProperty({ example: 'Shared in proportion to each force’s net revenue expenditure' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  costSharing!: string;

  @ApiProperty({ example: 12, description: 'Months of notice a party must give to withdraw' })
  @IsInt()
  @Min(0)
  @Max(60)
  noticePeriodMonths!: number;

  @ApiProperty({ example: '2015-04-01', format: 'date' })
  @IsCalendarDate()
  reviewDate!: string;

  @ApiPropertyOptional({ type: [OtherPartyDto], description: 's22A(6): parties other than forces and policing bodies (local authorities, fire and rescue authorities, other public bodies), each signing by its own signatory' })
  @IsOptional()
  @NestedList(() => OtherPartyDto, { min: 0, max: 20 })
  otherParties?: OtherPartyDto[];

  @ApiPropertyOptional({ type: [DelegationRuleDto], description: 'What the lead force may decide alone, by category; without it every decision needs every party' })
  @IsOptional()
  @NestedList(() => DelegationRuleDto, { min: 0, max: DECISION_CATEGORIES.length })
  delegationScheme?: DelegationRuleDto[];

  @ApiPropertyOptional({ type: AnnualBudgetDto, description: 'The first year’s budget and each party’s contribution' })
  @Nested(() => AnnualBudgetDto, { optional: true })
  annualBudget?: AnnualBudgetDto;

  @ApiPropertyOptional({ type: AgreedRiskAppetiteDto, description: 'The risk appetite the parties agree for the collaboration' })
  @Nested(() => AgreedRiskAppetiteDto, { optional: true })
  riskAppetite?: AgreedRiskAppetiteDto;

  @ApiPropertyOptional({ type: PublicationDto, description: 's23E: how the agreement will be published once made' })
  @Nested(() => PublicationDto, { optional: true })
  publication?: PublicationDto;
}
