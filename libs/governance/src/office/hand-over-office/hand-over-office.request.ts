import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import type { PolicingBodyKind } from '../../reference-data/policing-bodies.js';
import { Nested, OccurredAtDto, PersonDto, PolicingBodyField } from '../../http.js';
import type { Basis } from '../office.events.js';

export class HandOverOfficeRequest extends OccurredAtDto {
  @ApiProperty({ example: 'p-0042', description: 'The holder handing over: must hold the office now' })
  @IsString()
  @IsNotEmpty()
  outgoingPersonId!: string;

  @ApiProperty({ type: PersonDto })
  @Nested(() => PersonDto)
  incoming!: PersonDto;

  @ApiProperty({ enum: ['substantive', 'acting'], example: 'acting' })
  @IsIn(['substantive', 'acting'])
  basis!: Basis;

  @PolicingBodyField()
  body?: PolicingBodyKind;

  @ApiProperty({ example: 'Retirement; the deputy acts until a substantive appointment.', maxLength: 2000 })
  @IsString()
  @MaxLength(2000)
  note!: string;
}
