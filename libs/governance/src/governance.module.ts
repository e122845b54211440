import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CollaborationQueriesController } from './collaboration/collaboration.queries.controller.js';
import { GiveWithdrawalNoticeController } from './collaboration/give-withdrawal-notice/give-withdrawal-notice.controller.js';
import { GiveWithdrawalNoticeHandler } from './collaboration/give-withdrawal-notice/give-withdrawal-notice.handler.js';
import { ProposeCollaborationController } from './collaboration/propose-collaboration/propose-collaboration.controller.js';
import { ProposeCollaborationHandler } from './collaboration/propose-collaboration/propose-collaboration.handler.js';
import { SignAgreementController } from './collaboration/sign-agreement/sign-agreement.controller.js';
import { SignAgreementHandler } from './collaboration/sign-agreement/sign-agreement.handler.js';
import { AppointOfficeHolderController } from './office/appoint-office-holder/appoint-office-holder.controller.js';
import { AppointOfficeHolderHandler } from './office/appoint-office-holder/appoint-office-holder.handler.js';
import { HandOverOfficeController } from './office/hand-over-office/hand-over-office.controller.js';
import { HandOverOfficeHandler } from './office/hand-over-office/hand-over-office.handler.js';
import { OfficeQueriesController } from './office/office.queries.controller.js';

/** The governance use cases: one controller and one CQRS handler per slice. */
@Module({
  imports: [CqrsModule.forRoot()],
  controllers: [
    OfficeQueriesController,
    AppointOfficeHolderController,
    HandOverOfficeController,
    CollaborationQueriesController,
    ProposeCollaborationController,
    SignAgreementController,
    GiveWithdrawalNoticeController,
  ],
  providers: [AppointOfficeHolderHandler, HandOverOfficeHandler, ProposeCollaborationHandler, SignAgreementHandler, GiveWithdrawalNoticeHandler],
})
export class GovernanceModule {}
