import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { FORCE_CODES, OccurredAtDto, PersonDto } from '../http.js';
import type { RecommendationKind, RecommendationSource } from './recommendation.events.js';

const text = (example: string, max = 4000) => [ApiProperty({ example }), IsString(), IsNotEmpty(), MaxLength(max)];
const apply = (...decorators: PropertyDecorator[]): PropertyDecorator => (target, key) => decorators.forEach((d) => d(target, key));

export class RaiseRecommendationRequest extends OccurredAtDto {
  @ApiProperty({ enum: ['inspection-report', 'internal-audit', 'post-implementation-review'], example: 'inspection-report' })
  @IsIn(['inspection-report', 'internal-audit', 'post-implementation-review'])
  source!: RecommendationSource;

  @apply(...text('PEEL spotlight report: The Hard Yards – Police to police collaboration (HMICFRS, 21 July 2020)', 500))
  reference!: string;

  @ApiProperty({ enum: ['recommendation', 'area-for-improvement', 'cause-of-concern'], example: 'recommendation' })
  @IsIn(['recommendation', 'area-for-improvement', 'cause-of-concern'])
  kind!: RecommendationKind;

  @apply(...text('Forces without an effective system to track the benefits of their collaborations should use the national methodology.', 20000))
  text!: string;

  @ApiProperty({ example: 'nottinghamshire' })
  @IsIn(FORCE_CODES)
  addressedTo!: string;

  @ApiPropertyOptional({ example: '6f1c2a5e-3b7d-4f0e-9a1b-2c3d4e5f6a7b' })
  @IsOptional()
  @IsUUID()
  collaborationId?: string;

  @ApiProperty({ type: PersonDto })
  @ValidateNested()
  @Type(() => PersonDto)
  owner!: PersonDto;

  @ApiProperty({ example: '2021-03-31' })
  @IsISO8601({ strict: true })
  dueDate!: string;
}

export class PlanActionRequest extends OccurredAtDto {
  @apply(...text('Adopt the national benefits methodology in the collaboration board’s terms of reference'))
  action!: string;

  @ApiProperty({ type: PersonDto })
  @ValidateNested()
  @Type(() => PersonDto)
  owner!: PersonDto;

  @ApiProperty({ example: '2021-01-31' })
  @IsISO8601({ strict: true })
  dueDate!: string;
}

export class NoteRequest extends OccurredAtDto {
  @apply(...text('Methodology adopted by two of the four forces'))
  note!: string;
}

export class ReviseDueDateRequest extends OccurredAtDto {
  @ApiProperty({ example: '2021-09-30' })
  @IsISO8601({ strict: true })
  dueDate!: string;

  @apply(...text('National methodology published later than planned'))
  reason!: string;
}

export class EvidenceRequest extends OccurredAtDto {
  @apply(...text('JASP paper 2021/14 (illustrative)', 500))
  reference!: string;

  @apply(...text('Board minutes adopting the methodology; first quarterly benefits report'))
  description!: string;
}

export class RejectClosureRequest extends OccurredAtDto {
  @apply(...text('Evidence shows adoption, not use: bring a benefits report'))
  reason!: string;
}

export class ResponseRequest extends OccurredAtDto {
  @apply(...text('The Commissioner welcomes the report…', 50000))
  response!: string;
}
