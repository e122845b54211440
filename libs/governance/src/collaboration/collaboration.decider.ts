import type { Decider } from '../decider.js';
import type { CollaborationEvent } from './collaboration.events.js';
import { type CollaborationState, evolveCollaboration, initialCollaborationState } from './collaboration.state.js';
import { type GiveWithdrawalNotice, giveWithdrawalNotice } from './give-withdrawal-notice/give-withdrawal-notice.command.js';
import { type ProposeCollaboration, proposeCollaboration } from './propose-collaboration/propose-collaboration.command.js';
import { type SignAgreement, type SignatureFacts, signAgreement } from './sign-agreement/sign-agreement.command.js';

export type CollaborationCommand = ProposeCollaboration | SignAgreement | GiveWithdrawalNotice;

export const collaborationDecider: Decider<CollaborationState, CollaborationCommand, CollaborationEvent, SignatureFacts> = {
  initialState: initialCollaborationState,
  evolve: evolveCollaboration,
  decide: (state, command, context) => {
    switch (command.kind) {
      case 'ProposeCollaboration':
        return proposeCollaboration(state, command, context);
      case 'SignAgreement':
        return signAgreement(state, command, context);
      case 'GiveWithdrawalNotice':
        return giveWithdrawalNotice(state, command, context);
    }
  },
};
