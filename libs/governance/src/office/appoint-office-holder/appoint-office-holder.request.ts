import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, ValidateNested } from 'class-validator';
import { OccurredAtDto, PersonDto } from '../../http.js';
import type { Basis } from '../office.events.js';

export class AppointOfficeHolderRequest extends OccurredAtDto {
  @ApiProperty({ type: PersonDto })
  @ValidateNested()
  @Type(() => PersonDto)
  holder!: PersonDto;

  @ApiProperty({ enum: ['substantive', 'acting'], example: 'substantive' })
  @IsIn(['substantive', 'acting'])
  basis!: Basis;
}
