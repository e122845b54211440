import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import type { PolicingBodyKind } from '../../reference-data/policing-bodies.js';
import { Nested, OccurredAtDto, PersonDto, PolicingBodyField } from '../../http.js';

export class DesignateActingHolderRequest extends OccurredAtDto {
  @ApiProperty({ type: PersonDto })
  @Nested(() => PersonDto)
  holder!: PersonDto;

  @PolicingBodyField()
  body?: PolicingBodyKind;

  @ApiProperty({ example: 'The chief constable is on extended leave; the deputy acts' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}
