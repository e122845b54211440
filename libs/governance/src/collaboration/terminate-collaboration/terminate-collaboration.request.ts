import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { OccurredAtDto } from '../../http.js';

export class TerminateCollaborationRequest extends OccurredAtDto {
  @ApiProperty({ example: 'All parties agreed to end the alliance following notice' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  reason!: string;
}
