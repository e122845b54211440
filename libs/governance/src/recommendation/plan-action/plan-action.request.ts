import { ApiProperty } from '@nestjs/swagger';
import { IsCalendarDate, Nested, OccurredAtDto, PersonDto, TextField } from '../../http.js';

export class PlanActionRequest extends OccurredAtDto {
  @TextField('Adopt the national benefits methodology in the collaboration board’s terms of reference')
  action!: string;

  @ApiProperty({ type: PersonDto })
  @Nested(() => PersonDto)
  owner!: PersonDto;

  @ApiProperty({ example: '2021-01-31', format: 'date' })
  @IsCalendarDate()
  dueDate!: string;
}
