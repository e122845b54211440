import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { Nested, OccurredAtDto, PersonDto } from '../../http.js';

export class HandBenefitToBusinessAsUsualRequest extends OccurredAtDto {
  @ApiProperty({ type: PersonDto })
  @Nested(() => PersonDto)
  owner!: PersonDto;

  @ApiProperty({ example: 'Tracked monthly at each force’s Resource Control Board' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  note!: string;
}
