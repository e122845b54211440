import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { OccurredAtDto } from '../../http.js';
import type { BenefitOutcome } from '../benefit.events.js';

export class CloseBenefitRequest extends OccurredAtDto {
  @ApiProperty({ enum: ['realised', 'partly-realised', 'not-realised'], example: 'partly-realised' })
  @IsIn(['realised', 'partly-realised', 'not-realised'])
  outcome!: BenefitOutcome;

  @ApiProperty({ example: '£9.1m of £12m realised by March 2019' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  note!: string;
}
