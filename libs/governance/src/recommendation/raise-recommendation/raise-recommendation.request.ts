import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { FORCE_CODES, IsCalendarDate, Nested, OccurredAtDto, PersonDto, TextField } from '../../http.js';
import { NATIONAL_BODIES, NATIONAL_BODY_CODES } from '../national-bodies.js';
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

  @ApiProperty({
    example: 'nottinghamshire',
    enum: [...FORCE_CODES, ...NATIONAL_BODY_CODES],
    description: `A force code (GET /forces), or a national body: ${NATIONAL_BODIES.map((b) => `${b.code} (${b.name})`).join(', ')}. A registrar records a national body's recommendation and the acts on it.`,
  })
  @IsIn([...FORCE_CODES, ...NATIONAL_BODY_CODES])
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

  @ApiPropertyOptional({
    example: '2020-07-21',
    format: 'date',
    description:
      'The day the report that made it was published. For an inspection report addressed to a force and published on or after 2 May 2017, the policing body’s response is due within 56 days beginning that day (Police Act 1996 s55(5A)). The recommendation is not dated before it.',
  })
  @IsOptional()
  @IsCalendarDate()
  reportPublishedOn?: string;
}
