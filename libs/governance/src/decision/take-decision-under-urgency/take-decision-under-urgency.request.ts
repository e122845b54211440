import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { OccurredAtDto } from '../../http.js';

export class TakeDecisionUnderUrgencyRequest extends OccurredAtDto {
  @ApiProperty({ example: 'Range closed by the safety inspection; training must resume within the week' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  justification!: string;
}
