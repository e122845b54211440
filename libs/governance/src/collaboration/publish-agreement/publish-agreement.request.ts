import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { OccurredAtDto } from '../../http.js';
import type { PublicationLevel } from '../collaboration.events.js';

export class PublishAgreementRequest extends OccurredAtDto {
  @ApiProperty({ enum: ['full', 'redacted', 'title-only'], example: 'redacted' })
  @IsIn(['full', 'redacted', 'title-only'])
  level!: PublicationLevel;

  @ApiPropertyOptional({ example: 'Schedule 3 (operational tactics) withheld: law enforcement exemption' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}
