import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsCalendarDate, OccurredAtDto } from '../../http.js';

export class RecordDirectionRequest extends OccurredAtDto {
  @ApiProperty({ example: 'Home Office direction under s23FA, 2019 (illustrative reference)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  reference!: string;

  @ApiProperty({ example: 'The collaboration agreement continues in force until 31 March 2020.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20000)
  direction!: string;

  @ApiPropertyOptional({ example: '2020-03-31', format: 'date' })
  @IsOptional()
  @IsCalendarDate()
  continueUntil?: string;
}
