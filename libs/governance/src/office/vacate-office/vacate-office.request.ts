import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { OccurredAtDto } from '../../http.js';

export class VacateOfficeRequest extends OccurredAtDto {
  @ApiProperty({ example: 'Retirement; no acting arrangement yet' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}
