import type { Decider } from '../decider.js';
import { type AdoptDelegationScheme, adoptDelegationScheme } from './adopt-delegation-scheme/adopt-delegation-scheme.command.js';
import { type AgreeCollaborationRiskAppetite, agreeRiskAppetite } from './agree-risk-appetite/agree-risk-appetite.command.js';
import { type ChangeLeadForce, changeLeadForce } from './change-lead-force/change-lead-force.command.js';
import type { CollaborationEvent } from './collaboration.events.js';
import { type CollaborationState, evolveCollaboration, initialCollaborationState } from './collaboration.state.js';
import { type CompleteReview, completeReview } from './complete-review/complete-review.command.js';
import { type GiveWithdrawalNotice, giveWithdrawalNotice } from './give-withdrawal-notice/give-withdrawal-notice.command.js';
import { type ProposeCollaboration, proposeCollaboration } from './propose-collaboration/propose-collaboration.command.js';
import { type ProposeVariation, proposeVariation } from './propose-variation/propose-variation.command.js';
import { type PublishAgreement, publishAgreement } from './publish-agreement/publish-agreement.command.js';
import { type RecordDirection, recordDirection } from './record-direction/record-direction.command.js';
import { type RecordPartyWithdrawal, recordPartyWithdrawal } from './record-party-withdrawal/record-party-withdrawal.command.js';
import { type RescindWithdrawalNotice, rescindWithdrawalNotice } from './rescind-withdrawal-notice/rescind-withdrawal-notice.command.js';
import { type RestatePurpose, restatePurpose } from './restate-purpose/restate-purpose.command.js';
import { type SetAnnualBudget, setAnnualBudget } from './set-annual-budget/set-annual-budget.command.js';
import { type SignAgreement, type SignatureFacts, signAgreement } from './sign-agreement/sign-agreement.command.js';
import { type SignVariation, signVariation } from './sign-variation/sign-variation.command.js';
import { type StaffKeyRole, staffKeyRole } from './staff-key-role/staff-key-role.command.js';
import { type TerminateCollaboration, terminateCollaboration } from './terminate-collaboration/terminate-collaboration.command.js';

export type CollaborationCommand =
  | ProposeCollaboration
  | SignAgreement
  | GiveWithdrawalNotice
  | RestatePurpose
  | ProposeVariation
  | SignVariation
  | ChangeLeadForce
  | AdoptDelegationScheme
  | AgreeCollaborationRiskAppetite
  | SetAnnualBudget
  | PublishAgreement
  | RescindWithdrawalNotice
  | RecordPartyWithdrawal
  | CompleteReview
  | RecordDirection
  | TerminateCollaboration
  | StaffKeyRole;

export const collaborationDecider: Decider<CollaborationState, CollaborationCommand, CollaborationEvent, SignatureFacts> = {
  initialState: initialCollaborationState,
  evolve: evolveCollaboration,
  decide: (state, command, context) => {
    switch (command.kind) {
      case 'ProposeCollaboration': return proposeCollaboration(state, command, context);
      case 'SignAgreement': return signAgreement(state, command, context);
      case 'GiveWithdrawalNotice': return giveWithdrawalNotice(state, command, context);
      case 'RestatePurpose': return restatePurpose(state, command, context);
      case 'ProposeVariation': return proposeVariation(state, command, context);
      case 'SignVariation': return signVariation(state, command, context);
      case 'ChangeLeadForce': return changeLeadForce(state, command, context);
      case 'AdoptDelegationScheme': return adoptDelegationScheme(state, command, context);
      case 'AgreeCollaborationRiskAppetite': return agreeRiskAppetite(state, command, context);
      case 'SetAnnualBudget': return setAnnualBudget(state, command, context);
      case 'PublishAgreement': return publishAgreement(state, command, context);
      case 'RescindWithdrawalNotice': return rescindWithdrawalNotice(state, command, context);
      case 'RecordPartyWithdrawal': return recordPartyWithdrawal(state, command, context);
      case 'CompleteReview': return completeReview(state, command, context);
      case 'RecordDirection': return recordDirection(state, command, context);
      case 'TerminateCollaboration': return terminateCollaboration(state, command, context);
      case 'StaffKeyRole': return staffKeyRole(state, command, context);
    }
  },
};
