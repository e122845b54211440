import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import type { PolicingBodyKind } from '../../reference-data/policing-bodies.js';
import { Nested, OccurredAtDto, PersonDto, PolicingBodyField } from '../../http.js';
import type { Basis } from '../office.events.js';

export class AppointOfficeHolderRequest extends OccurredAtDto {
  @ApiProperty({ type: PersonDto })
  @Nested(() => PersonDto)
  holder!: PersonDto;

  @ApiProperty({ enum: ['substantive', 'acting'], example: 'substantive' })
  @IsIn(['substantive', 'acting'])
  basis!: Basis;

  @PolicingBodyField()
  body?: PolicingBodyKind;
}
