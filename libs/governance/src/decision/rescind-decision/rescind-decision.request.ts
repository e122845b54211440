import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { OccurredAtDto } from '../../http.js';

export class RescindDecisionRequest extends OccurredAtDto {
  @ApiProperty({ example: 'The urgency was not made out: the decision could have waited for the chief officers' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  reason!: string;
}
