import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsNotEmpty, IsString, MaxLength, ValidateNested } from 'class-validator';
import { OccurredAtDto, PersonDto } from '../../http.js';

export class DesignateActingHolderRequest extends OccurredAtDto {
  @ApiProperty({ type: PersonDto })
  @ValidateNested()
  @Type(() => PersonDto)
  holder!: PersonDto;

  @ApiProperty({ example: 'The chief constable is on extended leave; the deputy acts' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}
