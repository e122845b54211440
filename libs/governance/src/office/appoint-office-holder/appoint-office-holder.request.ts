import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { type PolicingBodyKind, POLICING_BODY_KINDS } from '../../reference-data/policing-bodies.js';
import { Nested, OccurredAtDto, PersonDto } from '../../http.js';
import type { Basis } from '../office.events.js';

export class AppointOfficeHolderRequest extends OccurredAtDto {
  @ApiProperty({ type: PersonDto })
  @Nested(() => PersonDto)
  holder!: PersonDto;

  @ApiProperty({ enum: ['substantive', 'acting'], example: 'substantive' })
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
}
