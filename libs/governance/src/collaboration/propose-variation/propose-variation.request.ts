import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { OccurredAtDto } from '../../http.js';

export class ProposeVariationRequest extends OccurredAtDto {
  @ApiProperty({ example: 'Dogs section returns to local control' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  summary!: string;

  @ApiProperty({ example: 'Schedule 1 amended: police dogs removed from the functions in scope from 1 April 2019.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20000)
  changes!: string;
}
