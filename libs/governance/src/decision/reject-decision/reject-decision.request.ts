import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { OccurredAtDto } from '../../http.js';

export class RejectDecisionRequest extends OccurredAtDto {
  @ApiProperty({ example: 'Not affordable this financial year' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  reason!: string;
}
