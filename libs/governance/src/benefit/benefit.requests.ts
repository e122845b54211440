import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsISO8601, IsNotEmpty, IsNumber, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { FORCE_CODES, OccurredAtDto, PersonDto } from '../http.js';
import type { BenefitCategory, BenefitOutcome } from './benefit.events.js';

export class ShareDto {
  @ApiProperty({ example: 'devon-and-cornwall' })
  @IsIn(FORCE_CODES)
  party!: string;

  @ApiProperty({ example: 62.5 })
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(100)
  percent!: number;
}

export class IdentifyBenefitRequest extends OccurredAtDto {
  @ApiProperty({ example: '6f1c2a5e-3b7d-4f0e-9a1b-2c3d4e5f6a7b' })
  @IsUUID()
  collaborationId!: string;

  @ApiProperty({ example: 'Cashable savings from a single support services structure' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title!: string;

  @ApiProperty({ enum: ['economic', 'efficiency', 'effectiveness'], example: 'economic' })
  @IsIn(['economic', 'efficiency', 'effectiveness'])
  category!: BenefitCategory;

  @ApiProperty({ example: 'Annualised cashable saving against the 2014/15 baseline' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  measure!: string;

  @ApiProperty({ example: 'GBP' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  unit!: string;

  @ApiProperty({ example: 0 })
  @IsNumber()
  baseline!: number;

  @ApiProperty({ example: 12000000 })
  @IsNumber()
  target!: number;

  @ApiProperty({ example: '2018-03-31' })
  @IsISO8601({ strict: true })
  targetDate!: string;

  @ApiProperty({ type: PersonDto })
  @ValidateNested()
  @Type(() => PersonDto)
  owner!: PersonDto;

  @ApiProperty({ type: [ShareDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(43)
  @ValidateNested({ each: true })
  @Type(() => ShareDto)
  sharePerForce!: ShareDto[];
}

export class BenefitMeasurementRequest extends OccurredAtDto {
  @ApiProperty({ example: '2016-07', description: 'The month measured, YYYY-MM' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'period must be a month such as 2016-07' })
  period!: string;

  @ApiProperty({ example: 850000 })
  @IsNumber()
  value!: number;

  @ApiProperty({ example: 'Resource Control Board, July 2016, item 4 (illustrative)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  evidence!: string;

  @ApiPropertyOptional({ example: 'Accruals corrected after month-end close' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  correctionReason?: string;
}

export class ReviseBenefitTargetRequest extends OccurredAtDto {
  @ApiProperty({ example: 9000000 })
  @IsNumber()
  target!: number;

  @ApiPropertyOptional({ example: '2019-03-31' })
  @IsOptional()
  @IsISO8601({ strict: true })
  targetDate?: string;

  @ApiProperty({ example: 'Merger proposal withdrawn: estate savings no longer available' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}

export class BusinessAsUsualRequest extends OccurredAtDto {
  @ApiProperty({ type: PersonDto })
  @ValidateNested()
  @Type(() => PersonDto)
  owner!: PersonDto;

  @ApiProperty({ example: 'Tracked monthly at each force’s Resource Control Board' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  note!: string;
}

export class FindingsRequest extends OccurredAtDto {
  @ApiProperty({ example: 'Savings sustained; non-cashable benefits not tracked after programme close' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20000)
  findings!: string;
}

export class CloseBenefitRequest extends OccurredAtDto {
  @ApiProperty({ enum: ['realised', 'partly-realised', 'not-realised'], example: 'partly-realised' })
  @IsIn(['realised', 'partly-realised', 'not-realised'])
  outcome!: BenefitOutcome;

  @ApiProperty({ example: '£9.1m of £12m realised by March 2019' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  note!: string;
}
