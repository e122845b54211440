import { deciderOf } from '../decider.js';
import type { CollaborationEvent } from './collaboration.events.js';
import { type CollaborationState, evolveCollaboration, initialCollaborationState } from './collaboration.state.js';
import { COMPLETE_REVIEW, type CompleteReview, completeReview } from './complete-review/complete-review.command.js';
import { GIVE_WITHDRAWAL_NOTICE, type GiveWithdrawalNotice, giveWithdrawalNotice } from './give-withdrawal-notice/give-withdrawal-notice.command.js';
import { PROPOSE_COLLABORATION, type ProposeCollaboration, proposeCollaboration } from './propose-collaboration/propose-collaboration.command.js';
import { PROPOSE_VARIATION, type ProposeVariation, proposeVariation } from './propose-variation/propose-variation.command.js';
import { RECORD_DIRECTION, type RecordDirection, recordDirection } from './record-direction/record-direction.command.js';
import { RECORD_OTHER_PARTY_SIGNATURE, type RecordOtherPartySignature, recordOtherPartySignature } from './record-other-party-signature/record-other-party-signature.command.js';
import { RECORD_PARTY_WITHDRAWAL, type RecordPartyWithdrawal, recordPartyWithdrawal } from './record-party-withdrawal/record-party-withdrawal.command.js';
import { RESCIND_WITHDRAWAL_NOTICE, type RescindWithdrawalNotice, rescindWithdrawalNotice } from './rescind-withdrawal-notice/rescind-withdrawal-notice.command.js';
import { RESTATE_PURPOSE, type RestatePurpose, restatePurpose } from './restate-purpose/restate-purpose.command.js';
import { SIGN_AGREEMENT, type SignAgreement, type SignatureFacts, signAgreement } from './sign-agreement/sign-agreement.command.js';
import { SIGN_VARIATION, type SignVariation, signVariation } from './sign-variation/sign-variation.command.js';
import { STAFF_KEY_ROLE, type StaffKeyRole, staffKeyRole } from './staff-key-role/staff-key-role.command.js';
import { TERMINATE_COLLABORATION, type TerminateCollaboration, terminateCollaboration } from './terminate-collaboration/terminate-collaboration.command.js';

export type CollaborationCommand =
  | ProposeCollaboration
  | SignAgreement
  | GiveWithdrawalNotice
  | RestatePurpose
  | ProposeVariation
  | SignVariation
  | RecordOtherPartySignature
  | RescindWithdrawalNotice
  | RecordPartyWithdrawal
  | CompleteReview
  | RecordDirection
  | TerminateCollaboration
  | StaffKeyRole;

/** Facts a collaboration's rules need from other streams: who held the signing office on the date. */
export type CollaborationFacts = SignatureFacts;

/** The collaboration: its state, and its use cases with the access action each takes. */
export const collaborationDecider = deciderOf<CollaborationState, CollaborationCommand, CollaborationEvent, CollaborationFacts>(initialCollaborationState, evolveCollaboration, {
  ProposeCollaboration: { action: PROPOSE_COLLABORATION, decide: proposeCollaboration },
  SignAgreement: { action: SIGN_AGREEMENT, decide: signAgreement },
  GiveWithdrawalNotice: { action: GIVE_WITHDRAWAL_NOTICE, decide: giveWithdrawalNotice },
  RestatePurpose: { action: RESTATE_PURPOSE, decide: restatePurpose },
  ProposeVariation: { action: PROPOSE_VARIATION, decide: proposeVariation },
  SignVariation: { action: SIGN_VARIATION, decide: signVariation },
  RecordOtherPartySignature: { action: RECORD_OTHER_PARTY_SIGNATURE, decide: recordOtherPartySignature },
  RescindWithdrawalNotice: { action: RESCIND_WITHDRAWAL_NOTICE, decide: rescindWithdrawalNotice },
  RecordPartyWithdrawal: { action: RECORD_PARTY_WITHDRAWAL, decide: recordPartyWithdrawal },
  CompleteReview: { action: COMPLETE_REVIEW, decide: completeReview },
  RecordDirection: { action: RECORD_DIRECTION, decide: recordDirection },
  TerminateCollaboration: { action: TERMINATE_COLLABORATION, decide: terminateCollaboration },
  StaffKeyRole: { action: STAFF_KEY_ROLE, decide: staffKeyRole },
}, 'collaboration');
