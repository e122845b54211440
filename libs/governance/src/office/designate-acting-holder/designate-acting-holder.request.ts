import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { type PolicingBodyKind, POLICING_BODY_KINDS } from '../../reference-data/policing-bodies.js';
import { Nested, OccurredAtDto, PersonDto } from '../../http.js';

export class DesignateActingHolderRequest extends OccurredAtDto {
  @ApiProperty({ type: PersonDto })
  @Nested(() => PersonDto)
  holder!: PersonDto;

  @ApiPropertyOptional({
    enum: POLICING_BODY_KINDS,
    example: 'pcc',
    description:
      'Policing-body office only: the body the holder holds office in. It must have been the force’s policing body on the date (GET /forces/{code}/policing-bodies); absent, the one that was.',
  })
  @IsOptional()
  @IsIn(POLICING_BODY_KINDS)
  body?: PolicingBodyKind;

  @ApiProperty({ example: 'The chief constable is on extended leave; the deputy acts' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}
