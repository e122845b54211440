import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PersonView } from '../views.js';

class RevisionView {
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ description: 'A later date: the recommendation slipped' }) slip!: boolean;
}
class ActionView {
  @ApiProperty() action!: string;
  @ApiProperty({ type: PersonView }) owner!: PersonView;
  @ApiProperty({ format: 'date' }) dueDate!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
}
class NoteView {
  @ApiProperty() note!: string;
  @ApiProperty({ type: PersonView }) by!: PersonView;
  @ApiProperty({ format: 'date-time' }) at!: string;
}
class EvidenceView {
  @ApiProperty() reference!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: PersonView }) by!: PersonView;
  @ApiProperty({ format: 'date-time' }) at!: string;
}
class ClosureStepView {
  @ApiProperty({ enum: ['proposed', 'accepted', 'rejected'] }) step!: string;
  @ApiProperty({ type: PersonView }) by!: PersonView;
  @ApiProperty() note!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
}
class ResponseView {
  @ApiProperty() response!: string;
  @ApiProperty({ type: PersonView }) by!: PersonView;
  @ApiProperty({ type: String, nullable: true, description: 'The chief officer’s comments published with it (s55(5)); null when none was recorded' }) chiefOfficerComments!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'The s55(5A) deadline it was due by; null when none applied' }) deadline!: string | null;
  @ApiProperty({ description: 'Published after the deadline (recorded, not refused)' }) late!: boolean;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

/** A recommendation as it stood (asOf) and as it was known (knownAt). */
export class RecommendationView {
  @ApiProperty({ format: 'uuid' }) recommendationId!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ enum: ['inspection-report', 'internal-audit', 'post-implementation-review'] }) source!: string;
  @ApiProperty() reference!: string;
  @ApiProperty({ enum: ['recommendation', 'area-for-improvement', 'cause-of-concern'] }) kind!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ description: 'A force code, or a national body’s code (npcc, college-of-policing, home-office, apcc)' }) addressedTo!: string;
  @ApiProperty({ enum: ['force', 'national-body'] }) addresseeKind!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'The day the report that made it was published' }) reportPublishedOn!: string | null;
  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: 'The last day for the policing body’s published response: 56 days beginning with the report’s publication (Police Act 1996 s55(5A), from 2 May 2017); null when none applies',
  })
  responseDeadline!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) collaborationId!: string | null;
  @ApiProperty({ type: PersonView }) owner!: PersonView;
  @ApiProperty({ format: 'date', description: 'The current due date' }) dueDate!: string;
  @ApiProperty({ type: PersonView }) raisedBy!: PersonView;
  @ApiProperty({ enum: ['open', 'closure-proposed', 'closed'] }) status!: string;
  @ApiPropertyOptional({ format: 'date-time' }) raisedAt?: string;
  @ApiProperty({ type: [RevisionView] }) dueDateRevisions!: RevisionView[];
  @ApiProperty({ type: [ActionView] }) actions!: ActionView[];
  @ApiProperty({ type: [NoteView] }) progress!: NoteView[];
  @ApiProperty({ type: [EvidenceView] }) evidence!: EvidenceView[];
  @ApiProperty({ type: [ClosureStepView] }) closureHistory!: ClosureStepView[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt!: string | null;
  @ApiProperty({ type: ResponseView, nullable: true }) policingBodyResponse!: ResponseView | null;
  @ApiProperty() slips!: number;
}
