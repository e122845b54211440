import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsISO8601, ValidateNested } from 'class-validator';
import { OccurredAtDto, PersonDto, TextField } from '../../http.js';

export class PlanActionRequest extends OccurredAtDto {
  @TextField('Adopt the national benefits methodology in the collaboration board’s terms of reference')
  action!: string;

  @ApiProperty({ type: PersonDto })
  @ValidateNested()
  @Type(() => PersonDto)
  owner!: PersonDto;

  @ApiProperty({ example: '2021-01-31' })
  @IsISO8601({ strict: true })
  dueDate!: string;
}
