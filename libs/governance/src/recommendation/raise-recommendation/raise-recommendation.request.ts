import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { FORCE_CODES, IsCalendarDate, Nested, OccurredAtDto, PersonDto, TextField } from '../../http.js';
import type { RecommendationKind, RecommendationSource } from '../recommendation.events.js';

export class RaiseRecommendationRequest extends OccurredAtDto {
  @ApiProperty({ enum: ['inspection-report', 'internal-audit', 'post-implementation-review'], example: 'inspection-report' })
  @IsIn(['inspection-report', 'internal-audit', 'post-implementation-review'])
  source!: RecommendationSource;

  @TextField('PEEL spotlight report: The Hard Yards – Police to police collaboration (HMICFRS, 21 July 2020)', 500)
  reference!: string;

  @ApiProperty({ enum: ['recommendation', 'area-for-improvement', 'cause-of-concern'], example: 'recommendation' })
  @IsIn(['recommendation', 'area-for-improvement', 'cause-of-concern'])
  kind!: RecommendationKind;

  @TextField('Forces without an effective system to track the benefits of their collaborations should use the national methodology.', 20000)
  text!: string;

  @ApiProperty({ example: 'nottinghamshire' })
  @IsIn(FORCE_CODES)
  addressedTo!: string;

  @ApiPropertyOptional({ example: '6f1c2a5e-3b7d-4f0e-9a1b-2c3d4e5f6a7b' })
  @IsOptional()
  @IsUUID()
  collaborationId?: string;

  @ApiProperty({ type: PersonDto })
  @Nested(() => PersonDto)
  owner!: PersonDto;

  @ApiProperty({ example: '2021-03-31', format: 'date' })
  @IsCalendarDate()
  dueDate!: string;
}
