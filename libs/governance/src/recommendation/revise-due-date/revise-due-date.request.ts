import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601 } from 'class-validator';
import { OccurredAtDto, TextField } from '../../http.js';

export class ReviseDueDateRequest extends OccurredAtDto {
  @ApiProperty({ example: '2021-09-30' })
  @IsISO8601({ strict: true })
  dueDate!: string;

  @TextField('National methodology published later than planned')
  reason!: string;
}
