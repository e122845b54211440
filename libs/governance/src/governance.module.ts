import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ExecuteCommandHandler, LedgerCommands } from './ledger-commands.js';
import { ApproveBenefitProfileController } from './benefit/approve-benefit-profile/approve-benefit-profile.controller.js';
import { BenefitQueriesController } from './benefit/benefit.queries.controller.js';
import { CloseBenefitController } from './benefit/close-benefit/close-benefit.controller.js';
import { HandBenefitToBusinessAsUsualController } from './benefit/hand-benefit-to-business-as-usual/hand-benefit-to-business-as-usual.controller.js';
import { IdentifyBenefitController } from './benefit/identify-benefit/identify-benefit.controller.js';
import { RecordBenefitMeasurementController } from './benefit/record-benefit-measurement/record-benefit-measurement.controller.js';
import { RecordPostImplementationReviewController } from './benefit/record-post-implementation-review/record-post-implementation-review.controller.js';
import { ReviseBenefitTargetController } from './benefit/revise-benefit-target/revise-benefit-target.controller.js';
import { AdoptDelegationSchemeController } from './collaboration/adopt-delegation-scheme/adopt-delegation-scheme.controller.js';
import { RecordOtherPartySignatureController } from './collaboration/record-other-party-signature/record-other-party-signature.controller.js';
import { AgreeRiskAppetiteController } from './collaboration/agree-risk-appetite/agree-risk-appetite.controller.js';
import { ChangeLeadForceController } from './collaboration/change-lead-force/change-lead-force.controller.js';
import { CollaborationQueriesController } from './collaboration/collaboration.queries.controller.js';
import { CompleteReviewController } from './collaboration/complete-review/complete-review.controller.js';
import { GiveWithdrawalNoticeController } from './collaboration/give-withdrawal-notice/give-withdrawal-notice.controller.js';
import { ProposeCollaborationController } from './collaboration/propose-collaboration/propose-collaboration.controller.js';
import { ProposeVariationController } from './collaboration/propose-variation/propose-variation.controller.js';
import { PublishAgreementController } from './collaboration/publish-agreement/publish-agreement.controller.js';
import { RecordDirectionController } from './collaboration/record-direction/record-direction.controller.js';
import { RecordPartyWithdrawalController } from './collaboration/record-party-withdrawal/record-party-withdrawal.controller.js';
import { RescindWithdrawalNoticeController } from './collaboration/rescind-withdrawal-notice/rescind-withdrawal-notice.controller.js';
import { RestatePurposeController } from './collaboration/restate-purpose/restate-purpose.controller.js';
import { SetAnnualBudgetController } from './collaboration/set-annual-budget/set-annual-budget.controller.js';
import { SignAgreementController } from './collaboration/sign-agreement/sign-agreement.controller.js';
import { SignVariationController } from './collaboration/sign-variation/sign-variation.controller.js';
import { StaffKeyRoleController } from './collaboration/staff-key-role/staff-key-role.controller.js';
import { TerminateCollaborationController } from './collaboration/terminate-collaboration/terminate-collaboration.controller.js';
import { ApproveDecisionController } from './decision/approve-decision/approve-decision.controller.js';
import { DecisionQueriesController } from './decision/decision.queries.controller.js';
import { EscalateDecisionController } from './decision/escalate-decision/escalate-decision.controller.js';
import { ProposeDecisionController } from './decision/propose-decision/propose-decision.controller.js';
import { RatifyDecisionController } from './decision/ratify-decision/ratify-decision.controller.js';
import { RejectDecisionController } from './decision/reject-decision/reject-decision.controller.js';
import { RescindDecisionController } from './decision/rescind-decision/rescind-decision.controller.js';
import { TakeDecisionUnderUrgencyController } from './decision/take-decision-under-urgency/take-decision-under-urgency.controller.js';
import { AppointOfficeHolderController } from './office/appoint-office-holder/appoint-office-holder.controller.js';
import { DesignateActingHolderController } from './office/designate-acting-holder/designate-acting-holder.controller.js';
import { HandOverOfficeController } from './office/hand-over-office/hand-over-office.controller.js';
import { OfficeQueriesController } from './office/office.queries.controller.js';
import { VacateOfficeController } from './office/vacate-office/vacate-office.controller.js';
import { AcceptClosureController } from './recommendation/accept-closure/accept-closure.controller.js';
import { PlanActionController } from './recommendation/plan-action/plan-action.controller.js';
import { ProposeClosureController } from './recommendation/propose-closure/propose-closure.controller.js';
import { NationalBodiesController } from './recommendation/national-bodies.controller.js';
import { PublishPolicingBodyResponseController } from './recommendation/publish-policing-body-response/publish-policing-body-response.controller.js';
import { RaiseRecommendationController } from './recommendation/raise-recommendation/raise-recommendation.controller.js';
import { RecommendationQueriesController } from './recommendation/recommendation.queries.controller.js';
import { RejectClosureController } from './recommendation/reject-closure/reject-closure.controller.js';
import { ReportProgressController } from './recommendation/report-progress/report-progress.controller.js';
import { ReviseDueDateController } from './recommendation/revise-due-date/revise-due-date.controller.js';
import { SubmitEvidenceController } from './recommendation/submit-evidence/submit-evidence.controller.js';
import { DeclareRiskAppetiteController } from './risk-appetite/declare-risk-appetite/declare-risk-appetite.controller.js';
import { ReviseRiskAppetiteController } from './risk-appetite/revise-risk-appetite/revise-risk-appetite.controller.js';
import { RiskAppetiteQueriesController } from './risk-appetite/risk-appetite.queries.controller.js';

/** The governance use cases: one controller per slice, one command handler for every aggregate. */
@Module({
  imports: [CqrsModule.forRoot()],
  controllers: [
    ApproveBenefitProfileController,
    BenefitQueriesController,
    CloseBenefitController,
    HandBenefitToBusinessAsUsualController,
    IdentifyBenefitController,
    RecordBenefitMeasurementController,
    RecordPostImplementationReviewController,
    ReviseBenefitTargetController,
    AdoptDelegationSchemeController,
    AgreeRiskAppetiteController,
    RecordOtherPartySignatureController,
    ChangeLeadForceController,
    CollaborationQueriesController,
    CompleteReviewController,
    GiveWithdrawalNoticeController,
    ProposeCollaborationController,
    ProposeVariationController,
    PublishAgreementController,
    RecordDirectionController,
    RecordPartyWithdrawalController,
    RescindWithdrawalNoticeController,
    RestatePurposeController,
    SetAnnualBudgetController,
    SignAgreementController,
    SignVariationController,
    StaffKeyRoleController,
    TerminateCollaborationController,
    ApproveDecisionController,
    DecisionQueriesController,
    EscalateDecisionController,
    ProposeDecisionController,
    RatifyDecisionController,
    RejectDecisionController,
    RescindDecisionController,
    TakeDecisionUnderUrgencyController,
    AppointOfficeHolderController,
    DesignateActingHolderController,
    HandOverOfficeController,
    OfficeQueriesController,
    VacateOfficeController,
    AcceptClosureController,
    PlanActionController,
    ProposeClosureController,
    NationalBodiesController,
    PublishPolicingBodyResponseController,
    RaiseRecommendationController,
    RecommendationQueriesController,
    RejectClosureController,
    ReportProgressController,
    ReviseDueDateController,
    SubmitEvidenceController,
    DeclareRiskAppetiteController,
    ReviseRiskAppetiteController,
    RiskAppetiteQueriesController,
  ],
  providers: [ExecuteCommandHandler, LedgerCommands],
  exports: [LedgerCommands],
})
export class GovernanceModule {}
