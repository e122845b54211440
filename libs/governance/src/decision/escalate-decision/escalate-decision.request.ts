import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { OccurredAtDto } from '../../http.js';

export class EscalateDecisionRequest extends OccurredAtDto {
  @ApiProperty({ example: 'A merger needs the policing bodies' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  reason!: string;

  @ApiProperty({ enum: ['all-chief-officers', 'all-chief-officers-and-policing-bodies'], example: 'all-chief-officers' })
  @IsIn(['all-chief-officers', 'all-chief-officers-and-policing-bodies'])
  to!: 'all-chief-officers' | 'all-chief-officers-and-policing-bodies';
}
