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
  @ApiProperty({ type: [ApproverView], description: 'Every approval needed from this escalation on' }) requiredApprovals!: ApproverView[];
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

class DelegationRuleJudgedView {
  @ApiProperty({ enum: DECISION_CATEGORIES }) category!: string;
  @ApiProperty({ description: 'The lead force decides alone up to this value (£)' }) leadForceAloneUpToGbp!: number;
  @ApiProperty({ enum: BASES.slice(1) }) aboveLimit!: string;
}
class JudgedUnderView {
  @ApiProperty({ format: 'date-time', description: 'The decision’s date: the scheme in force then judged it' }) asAt!: string;
  @ApiProperty({ type: DelegationRuleJudgedView, nullable: true, description: 'The rule for its category then; null when no scheme covered it' }) rule!: DelegationRuleJudgedView | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Since when that rule was in force, when the record says' }) inForceSince!: string | null;
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
  @ApiProperty({ type: JudgedUnderView, nullable: true, description: 'The delegation rule it was judged under, as at its date; null for decisions recorded before the ledger kept it' })
  judgedUnder!: JudgedUnderView | null;
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
