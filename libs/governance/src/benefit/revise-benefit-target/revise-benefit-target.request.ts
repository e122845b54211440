import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsNumber, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsCalendarDate, OccurredAtDto } from '../../http.js';

export class ReviseBenefitTargetRequest extends OccurredAtDto {
  @ApiProperty({ example: 9000000 })
  @IsNumber()
  target!: number;

  @ApiPropertyOptional({ example: '2019-03-31', format: 'date' })
  @IsOptional()
  @IsCalendarDate()
  targetDate?: string;

  @ApiProperty({ example: 'Merger proposal withdrawn: estate savings no longer available' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}
