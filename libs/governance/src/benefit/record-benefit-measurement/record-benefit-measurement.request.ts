import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsNumber, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { OccurredAtDto } from '../../http.js';

export class RecordBenefitMeasurementRequest extends OccurredAtDto {
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
