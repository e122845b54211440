import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CollaborationCommandHandler } from './collaboration/collaboration.handler.js';
import { OfficeCommandHandler } from './office/office.handler.js';
import { DemoDataSeeder } from './demo/demo-data.seeder.js';
import { BenefitCommandHandler, BenefitsController } from './benefit/benefits.controller.js';
import { DecisionCommandHandler } from './decision/decision.handler.js';
import { DecisionsController } from './decision/decisions.controller.js';
import { RecommendationCommandHandler, RecommendationsController } from './recommendation/recommendations.controller.js';
import { RiskAppetiteCommandHandler, RiskAppetiteController } from './risk-appetite/risk-appetite.controller.js';
import { AdoptDelegationSchemeController } from './collaboration/adopt-delegation-scheme/adopt-delegation-scheme.controller.js';
import { AgreeRiskAppetiteController } from './collaboration/agree-risk-appetite/agree-risk-appetite.controller.js';
import { ChangeLeadForceController } from './collaboration/change-lead-force/change-lead-force.controller.js';
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
import { AppointOfficeHolderController } from './office/appoint-office-holder/appoint-office-holder.controller.js';
import { DesignateActingHolderController } from './office/designate-acting-holder/designate-acting-holder.controller.js';
import { HandOverOfficeController } from './office/hand-over-office/hand-over-office.controller.js';
import { VacateOfficeController } from './office/vacate-office/vacate-office.controller.js';
import { CollaborationQueriesController } from './collaboration/collaboration.queries.controller.js';
import { OfficeQueriesController } from './office/office.queries.controller.js';

/** The governance use cases: a controller per slice, a CQRS handler per aggregate. */
@Module({
  imports: [CqrsModule.forRoot()],
  controllers: [
    DecisionsController,
    RiskAppetiteController,
    BenefitsController,
    RecommendationsController,
    AdoptDelegationSchemeController,
    AgreeRiskAppetiteController,
    ChangeLeadForceController,
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
    AppointOfficeHolderController,
    DesignateActingHolderController,
    HandOverOfficeController,
    VacateOfficeController,
    CollaborationQueriesController,
    OfficeQueriesController,
  ],
  providers: [
    OfficeCommandHandler,
    CollaborationCommandHandler,
    DecisionCommandHandler,
    RiskAppetiteCommandHandler,
    BenefitCommandHandler,
    RecommendationCommandHandler,
    DemoDataSeeder,
  ],
})
export class GovernanceModule {}
