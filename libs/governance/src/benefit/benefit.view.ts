import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PersonView } from '../views.js';
import { MEASURE_KINDS } from './benefit.events.js';

class ShareView {
  @ApiProperty() party!: string;
  @ApiProperty() percent!: number;
}
class CorrectionView {
  @ApiProperty() value!: number;
  @ApiProperty() evidence!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
}
class MeasurementView {
  @ApiProperty({ example: '2016-07' }) period!: string;
  @ApiProperty({ description: 'The first figure recorded for the month' }) value!: number;
  @ApiProperty() evidence!: string;
  @ApiProperty({ format: 'date-time', description: 'When the figure was recorded as happening' }) recordedFor!: string;
  @ApiProperty({ type: [CorrectionView], description: 'Later figures for the month; the last is current' }) corrections!: CorrectionView[];
}
class TargetRevisionView {
  @ApiProperty() from!: number;
  @ApiProperty() to!: number;
  @ApiProperty({ format: 'date' }) targetDate!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
}
class PostImplementationReviewView {
  @ApiProperty() findings!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

/** A benefit as it stood (asOf) and as it was known (knownAt). */
export class BenefitView {
  @ApiProperty({ format: 'uuid' }) benefitId!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'uuid' }) collaborationId!: string;
  @ApiProperty() leadForce!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ['economic', 'efficiency', 'effectiveness'] }) category!: string;
  @ApiProperty() measure!: string;
  @ApiProperty() unit!: string;
  @ApiProperty({ enum: MEASURE_KINDS }) measureKind!: string;
  @ApiProperty() baseline!: number;
  @ApiProperty({ description: 'The current target' }) target!: number;
  @ApiProperty({ format: 'date' }) targetDate!: string;
  @ApiProperty({ type: PersonView }) owner!: PersonView;
  @ApiProperty({ type: [ShareView] }) sharePerForce!: ShareView[];
  @ApiProperty({ enum: ['identified', 'approved', 'business-as-usual', 'closed'] }) status!: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'When it was identified, with its baseline: no month before this one is measured' }) identifiedAt?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'When its profile was approved: measurements are dated on or after it' }) approvedAt?: string;
  @ApiPropertyOptional() originalTarget?: number;
  @ApiProperty({ type: [TargetRevisionView] }) targetRevisions!: TargetRevisionView[];
  @ApiProperty({ type: [MeasurementView] }) measurements!: MeasurementView[];
  @ApiProperty({ type: PersonView, nullable: true }) businessAsUsualOwner!: PersonView | null;
  @ApiProperty({ type: [PostImplementationReviewView] }) postImplementationReviews!: PostImplementationReviewView[];
  @ApiProperty({ type: String, nullable: true, enum: ['realised', 'partly-realised', 'not-realised'] }) outcome!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'The latest month’s current figure' }) latestValue!: number | null;
}
