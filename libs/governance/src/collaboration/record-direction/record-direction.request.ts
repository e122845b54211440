import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsCalendarDate, OccurredAtDto } from '../../http.js';

export class RecordDirectionRequest extends OccurredAtDto {
  @ApiProperty({ example: 'Home Secretary direction under s23G, 8 October 2019' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  reference!: string;

  @ApiProperty({ example: 'The collaboration agreement continues for a further six months.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20000)
  direction!: string;

  @ApiPropertyOptional({ example: '2020-03-31', format: 'date' })
  @IsOptional()
  @IsCalendarDate()
  continueUntil?: string;
}
