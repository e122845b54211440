import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsNotEmpty, IsString, MaxLength, ValidateNested } from 'class-validator';
import { OccurredAtDto, PersonDto } from '../../http.js';

export class HandBenefitToBusinessAsUsualRequest extends OccurredAtDto {
  @ApiProperty({ type: PersonDto })
  @ValidateNested()
  @Type(() => PersonDto)
  owner!: PersonDto;

  @ApiProperty({ example: 'Tracked monthly at each force’s Resource Control Board' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  note!: string;
}
