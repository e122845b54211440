import { ApiProperty } from '@nestjs/swagger';
import { IsCalendarDate, OccurredAtDto, TextField } from '../../http.js';

export class ReviseDueDateRequest extends OccurredAtDto {
  @ApiProperty({ example: '2021-09-30', format: 'date' })
  @IsCalendarDate()
  dueDate!: string;

  @TextField('National methodology published later than planned')
  reason!: string;
}
