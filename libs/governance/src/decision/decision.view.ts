import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DECISION_CATEGORIES } from '../risk.js';
import { ApproverView, PersonView } from '../views.js';

const BASES = ['lead-force-alone', 'all-chief-officers', 'all-chief-officers-and-policing-bodies'];

class ApprovalGiven extends ApproverView {
  @ApiProperty({ type: PersonView }) approver!: PersonView;
  @ApiProperty({ format: 'date-time' }) approvedAt!: string;
}
class RejectionGiven extends ApproverView {
  @ApiProperty({ type: PersonView }) approver!: PersonView;
  @ApiProperty() reason!: string;
  @ApiProperty({ format: 'date-time' }) rejectedAt!: string;
}
class EscalationView {
  @ApiProperty({ enum: BASES.slice(1) }) to!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ description: 'By rule when proposed (beyond delegation), or asked for' }) automatic!: boolean;
  @ApiProperty({ format: 'date-time' }) at!: string;
}
class UrgencyTakenBy extends ApproverView {
  @ApiProperty({ type: PersonView }) person!: PersonView;
}
class UrgencyView {
  @ApiProperty({ type: UrgencyTakenBy }) takenBy!: UrgencyTakenBy;
  @ApiProperty() justification!: string;
  @ApiProperty({ type: [ApproverView] }) skippedApprovals!: ApproverView[];
  @ApiProperty({ format: 'date-time' }) at!: string;
}
class RatificationView extends ApproverView {
  @ApiProperty({ type: PersonView }) ratifier!: PersonView;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

/** A decision as it stood (asOf) and as it was known (knownAt). */
export class DecisionView {
  @ApiProperty({ format: 'uuid' }) decisionId!: string;
  @ApiProperty({ description: 'The stream version (also the ETag)' }) version!: number;
  @ApiProperty({ format: 'uuid' }) collaborationId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: DECISION_CATEGORIES }) category!: string;
  @ApiProperty() valueGbp!: number;
  @ApiProperty() rationale!: string;
  @ApiProperty({ type: [String] }) optionsConsidered!: string[];
  @ApiProperty({ type: PersonView }) proposer!: PersonView;
  @ApiProperty() leadForce!: string;
  @ApiProperty({ enum: BASES, description: 'Who had to approve when it was proposed' }) basis!: string;
  @ApiProperty({ description: 'False when no delegation rule covered the category' }) underDelegationScheme!: boolean;
  @ApiProperty({ enum: ['open', 'taken', 'rejected', 'taken-under-urgency', 'ratified', 'rescinded'] }) status!: string;
  @ApiPropertyOptional({ format: 'date-time' }) proposedAt?: string;
  @ApiProperty({ type: [ApproverView], description: 'Every approval needed now (after escalations)' }) requiredApprovals!: ApproverView[];
  @ApiProperty({ type: [ApprovalGiven] }) approvals!: ApprovalGiven[];
  @ApiProperty({ type: [RejectionGiven] }) rejections!: RejectionGiven[];
  @ApiProperty({ type: [EscalationView] }) escalations!: EscalationView[];
  @ApiProperty({ type: UrgencyView, nullable: true }) urgency!: UrgencyView | null;
  @ApiProperty({ type: [RatificationView] }) ratifications!: RatificationView[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Days from the proposal to the act that decided it' }) daysToDecide!: number | null;
}
