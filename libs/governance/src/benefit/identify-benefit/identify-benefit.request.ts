import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsNumber, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { FORCE_CODES, IsCalendarDate, Nested, NestedList, OccurredAtDto, PersonDto } from '../../http.js';
import { type BenefitCategory, MEASURE_KINDS, type MeasureKind } from '../benefit.events.js';

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

  @ApiPropertyOptional({ enum: MEASURE_KINDS, default: 'per-period', description: 'How a monthly figure reads: that month’s own amount, the running total, or the yearly rate reached that month' })
  @IsOptional()
  @IsIn(MEASURE_KINDS)
  measureKind?: MeasureKind;

  @ApiProperty({ example: 0 })
  @IsNumber()
  baseline!: number;

  @ApiProperty({ example: 12000000 })
  @IsNumber()
  target!: number;

  @ApiProperty({ example: '2018-03-31', format: 'date' })
  @IsCalendarDate()
  targetDate!: string;

  @ApiProperty({ type: PersonDto })
  @Nested(() => PersonDto)
  owner!: PersonDto;

  @ApiProperty({ type: [ShareDto] })
  @NestedList(() => ShareDto, { min: 1, max: 43 })
  sharePerForce!: ShareDto[];
}
