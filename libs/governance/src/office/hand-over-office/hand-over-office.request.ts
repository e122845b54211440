import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { type PolicingBodyKind, POLICING_BODY_KINDS } from '../../reference-data/policing-bodies.js';
import { Nested, OccurredAtDto, PersonDto } from '../../http.js';
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

  @ApiPropertyOptional({
    enum: POLICING_BODY_KINDS,
    example: 'pcc',
    description:
      'Policing-body office only: the body the holder holds office in. It must have been the force’s policing body on the date (GET /forces/{code}/policing-bodies); absent, the one that was.',
  })
  @IsOptional()
  @IsIn(POLICING_BODY_KINDS)
  body?: PolicingBodyKind;

  @ApiProperty({ example: 'Retirement; the deputy acts until a substantive appointment.', maxLength: 2000 })
  @IsString()
  @MaxLength(2000)
  note!: string;
}
