import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { Nested, OccurredAtDto } from '../../http.js';
import { TermsChangeDto } from '../terms.request.js';

export class ProposeVariationRequest extends OccurredAtDto {
  @ApiProperty({ example: 'Dogs section returns to local control' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  summary!: string;

  @ApiProperty({ example: 'Schedule 1 amended: police dogs removed from the functions in scope.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20000)
  changes!: string;

  @ApiProperty({ type: TermsChangeDto, description: 'The terms after the variation, only those it changes; or endsOn to end the collaboration by agreement (s23C(5))' })
  @Nested(() => TermsChangeDto)
  terms!: TermsChangeDto;
}
