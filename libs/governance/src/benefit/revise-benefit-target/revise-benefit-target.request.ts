import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsNotEmpty, IsNumber, IsOptional, IsString, MaxLength } from 'class-validator';
import { OccurredAtDto } from '../../http.js';

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
