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
  @ApiProperty({ example: 'Police Act 1996 s23G' }) statutoryBasis!: string;
  @ApiProperty({ format: 'date-time' }) issuedAt!: string;
}
class KeyRoleView {
  @ApiProperty({ type: PersonView }) person!: PersonView;
  @ApiProperty() trainedInCollaboration!: boolean;
  @ApiProperty() trainedInChangeManagement!: boolean;
  @ApiProperty({ format: 'date-time' }) since!: string;
}

class OtherPartyView {
  @ApiProperty() partyId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['local-authority', 'fire-and-rescue-authority', 'other-public-body', 'other'] }) kind!: string;
}
class PublicationTermView {
  @ApiProperty({ enum: ['full', 'redacted', 'title-only'] }) level!: string;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
}
class TermsChangeView {
  @ApiPropertyOptional({ type: [String] }) functions?: string[];
  @ApiPropertyOptional() leadForce?: string;
  @ApiPropertyOptional({ type: () => [DelegationRuleView] }) delegationScheme?: DelegationRuleView[];
  @ApiPropertyOptional() noticePeriodMonths?: number;
  @ApiPropertyOptional() costSharing?: string;
  @ApiPropertyOptional({ type: () => CollaborationBudgetView }) annualBudget?: CollaborationBudgetView;
  @ApiPropertyOptional({ type: () => CollaborationAgreedAppetiteView }) riskAppetite?: CollaborationAgreedAppetiteView;
  @ApiPropertyOptional({ type: () => PublicationTermView }) publication?: PublicationTermView;
  @ApiPropertyOptional({ format: 'date' }) reviewDate?: string;
  @ApiPropertyOptional({ format: 'date', description: 's23C(5): an end agreed by all the parties' }) endsOn?: string;
}
class LegalBasisView {
  @ApiProperty({ enum: ['s23 (1996 text)', 's23/s23A (2009 text)', 's22A'] }) section!: string;
  @ApiProperty() citation!: string;
}
class AgreedEndView {
  @ApiProperty({ format: 'date' }) endsOn!: string;
  @ApiProperty({ format: 'uuid' }) variationId!: string;
}
class VariationView {
  @ApiProperty({ format: 'uuid' }) variationId!: string;
  @ApiProperty() summary!: string;
  @ApiProperty() changes!: string;
  @ApiProperty({ type: () => TermsChangeView, description: 'What it changes once every remaining party has signed (s23C(4))' }) terms!: TermsChangeView;
  @ApiProperty({ format: 'date-time' }) proposedAt!: string;
  @ApiProperty({ type: [CollaborationSignatureView] }) signatures!: CollaborationSignatureView[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) agreedAt!: string | null;
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
  @ApiProperty({ type: [OtherPartyView], description: 's22A(6): parties other than forces and policing bodies' }) otherParties!: OtherPartyView[];
  @ApiProperty({ type: LegalBasisView, description: 'The section the agreement is made (or proposed) under, by its date' }) legalBasis!: LegalBasisView;
  @ApiProperty() leadForce!: string;
  @ApiProperty() costSharing!: string;
  @ApiProperty({ type: CollaborationBudgetView, nullable: true, description: 'The annual budget term in force (every year agreed is in budgets)' }) annualBudget!: CollaborationBudgetView | null;
  @ApiProperty({ type: AgreedEndView, nullable: true }) agreedEnd!: AgreedEndView | null;
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
