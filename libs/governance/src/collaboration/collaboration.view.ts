import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { DECISION_CATEGORIES, RISK_CATEGORIES, RISK_LEVELS } from '../risk.js';
import { PersonView } from '../views.js';

class CollaborationSignatureView {
  @ApiProperty() party!: string;
  @ApiProperty({ enum: ['chief-officer', 'policing-body'] }) role!: string;
  @ApiProperty({ type: PersonView }) signatory!: PersonView;
  @ApiProperty({ format: 'date-time' }) signedAt!: string;
}
class PurposeView {
  @ApiProperty() purpose!: string;
  @ApiProperty({ format: 'date-time' }) from!: string;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
}
class VariationView {
  @ApiProperty({ format: 'uuid' }) variationId!: string;
  @ApiProperty() summary!: string;
  @ApiProperty() changes!: string;
  @ApiProperty({ format: 'date-time' }) proposedAt!: string;
  @ApiProperty({ type: [CollaborationSignatureView] }) signatures!: CollaborationSignatureView[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) agreedAt!: string | null;
}
class DelegationRuleView {
  @ApiProperty({ enum: DECISION_CATEGORIES }) category!: string;
  @ApiProperty() leadForceAloneUpToGbp!: number;
  @ApiProperty({ enum: ['all-chief-officers', 'all-chief-officers-and-policing-bodies'] }) aboveLimit!: string;
}
class CollaborationAppetiteLevelView {
  @ApiProperty({ enum: RISK_CATEGORIES }) category!: string;
  @ApiProperty({ enum: RISK_LEVELS }) level!: string;
}
class CollaborationAgreedAppetiteView {
  @ApiProperty({ type: [CollaborationAppetiteLevelView] }) appetite!: CollaborationAppetiteLevelView[];
  @ApiProperty() statement!: string;
}
class CollaborationContributionView {
  @ApiProperty() party!: string;
  @ApiProperty() amountGbp!: number;
}
class CollaborationBudgetView {
  @ApiProperty({ example: '2016/17' }) financialYear!: string;
  @ApiProperty() totalGbp!: number;
  @ApiProperty({ type: [CollaborationContributionView] }) contributions!: CollaborationContributionView[];
}
class PublicationView {
  @ApiProperty({ enum: ['full', 'redacted', 'title-only'] }) level!: string;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
  @ApiProperty({ format: 'date-time' }) publishedAt!: string;
}
class CollaborationNoticeView {
  @ApiProperty() party!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ format: 'date' }) effectiveOn!: string;
  @ApiProperty({ format: 'date-time' }) givenAt!: string;
  @ApiProperty() rescinded!: boolean;
}
class CollaborationReviewView {
  @ApiProperty({ enum: ['continue', 'vary', 'terminate'] }) outcome!: string;
  @ApiProperty() findings!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) nextReviewDate!: string | null;
  @ApiProperty({ format: 'date-time' }) completedAt!: string;
}
class DirectionView {
  @ApiProperty() reference!: string;
  @ApiProperty() direction!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) continueUntil!: string | null;
  @ApiProperty({ format: 'date-time' }) issuedAt!: string;
}
class KeyRoleView {
  @ApiProperty({ type: PersonView }) person!: PersonView;
  @ApiProperty() trainedInCollaboration!: boolean;
  @ApiProperty() trainedInChangeManagement!: boolean;
  @ApiProperty({ format: 'date-time' }) since!: string;
}

/** A collaboration's full state, rebuilt from its stream, as it stood (asOf) and as it was known (knownAt). */
@ApiExtraModels(KeyRoleView)
export class CollaborationView {
  @ApiProperty({ format: 'uuid' }) collaborationId!: string;
  @ApiProperty({ description: 'The stream version (also the ETag)' }) version!: number;
  @ApiProperty() name!: string;
  @ApiProperty() purpose!: string;
  @ApiProperty({ type: [String] }) functions!: string[];
  @ApiProperty({ type: [String] }) parties!: string[];
  @ApiProperty() leadForce!: string;
  @ApiProperty() costSharing!: string;
  @ApiProperty() noticePeriodMonths!: number;
  @ApiProperty({ format: 'date' }) reviewDate!: string;
  @ApiProperty({ type: PersonView }) proposedBy!: PersonView;
  @ApiProperty({ enum: ['proposed', 'in-force', 'terminated'] }) status!: string;
  @ApiPropertyOptional({ format: 'date-time' }) proposedAt?: string;
  @ApiProperty({ type: [CollaborationSignatureView] }) signatures!: CollaborationSignatureView[];
  @ApiPropertyOptional({ format: 'date-time' }) cameIntoForceAt?: string;
  @ApiProperty({ type: [PurposeView] }) purposeHistory!: PurposeView[];
  @ApiProperty({ type: [VariationView] }) variations!: VariationView[];
  @ApiProperty({ type: [DelegationRuleView], nullable: true }) delegationScheme!: DelegationRuleView[] | null;
  @ApiProperty({ type: CollaborationAgreedAppetiteView, nullable: true }) riskAppetite!: CollaborationAgreedAppetiteView | null;
  @ApiProperty({ type: [CollaborationBudgetView] }) budgets!: CollaborationBudgetView[];
  @ApiProperty({ type: PublicationView, nullable: true }) publication!: PublicationView | null;
  @ApiProperty({ type: [CollaborationNoticeView] }) withdrawalNotices!: CollaborationNoticeView[];
  @ApiProperty({ type: [String] }) withdrawnParties!: string[];
  @ApiProperty({ type: [CollaborationReviewView] }) reviews!: CollaborationReviewView[];
  @ApiProperty({ type: [DirectionView] }) directions!: DirectionView[];
  @ApiProperty({ type: 'object', additionalProperties: { $ref: getSchemaPath(KeyRoleView) }, description: 'Key role → who fills it' })
  keyRoles!: Record<string, KeyRoleView>;
  @ApiPropertyOptional({ format: 'date-time' }) terminatedAt?: string;
}
