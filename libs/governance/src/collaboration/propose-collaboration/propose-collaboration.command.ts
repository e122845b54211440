import type { LedgerError } from '#shared-kernel';
import { type DecisionContext, refuse } from '../../decider.js';
import type { CollaborationEvent } from '../collaboration.events.js';
import type { CollaborationState } from '../collaboration.state.js';

/** A collaboration manager of the lead force proposes an s22A collaboration agreement. */
export interface ProposeCollaboration {
  kind: 'ProposeCollaboration';
  collaborationId: string;
  name: string;
  purpose: string;
  functions: string[];
  parties: string[];
  leadForce: string;
  costSharing: string;
  noticePeriodMonths: number;
  reviewDate: string;
  occurredAt: Date;
}

export function proposeCollaboration(
  state: CollaborationState,
  command: ProposeCollaboration,
  context: DecisionContext<unknown>,
): CollaborationEvent[] | LedgerError {
  if (state.status !== 'none') return refuse('CollaborationAlreadyProposed', `collaboration ${command.collaborationId} already exists`);
  const parties = [...new Set(command.parties)];
  if (parties.length !== command.parties.length) return refuse('PartyListedTwice', 'each party force is listed once');
  if (parties.length < 2) return refuse('TooFewParties', 'a collaboration agreement needs at least two party forces');
  if (!parties.includes(command.leadForce)) return refuse('LeadForceNotAParty', `the lead force ${command.leadForce} must be one of the parties`);
  return [
    {
      type: 'CollaborationProposed',
      data: {
        collaborationId: command.collaborationId,
        name: command.name,
        purpose: command.purpose,
        functions: command.functions,
        parties,
        leadForce: command.leadForce,
        costSharing: command.costSharing,
        noticePeriodMonths: command.noticePeriodMonths,
        reviewDate: command.reviewDate,
        proposedBy: { personId: context.principal.personId, name: context.principal.name },
      },
      occurredAt: command.occurredAt,
    },
  ];
}
