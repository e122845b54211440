import type { Action } from '#identity';
import type { LedgerError } from '#shared-kernel';
import { type DecisionContext, refuse } from '../../decider.js';
import type { CollaborationEvent, CollaborationProposed } from '../collaboration.events.js';
import type { CollaborationState } from '../collaboration.state.js';
import { refuseInvalidTerms } from '../terms.js';

export const PROPOSE_COLLABORATION: Action = { name: 'propose-collaboration', kind: 'collaboration-work', roles: ['collaboration-manager'] };

/**
 * A collaboration manager of the lead force proposes a collaboration agreement: every term the
 * parties will sign (terms.ts; s22A(3)), less who proposed it (the ledger adds that from the
 * principal). Nothing in it binds anyone until every party has signed.
 */
export type ProposeCollaboration = { kind: 'ProposeCollaboration'; occurredAt: Date } & Omit<CollaborationProposed['data'], 'proposedBy'>;

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
  const otherIds = command.otherParties.map((p) => p.partyId);
  if (new Set(otherIds).size !== otherIds.length) return refuse('PartyListedTwice', 'each other party is listed once');
  const clash = otherIds.find((id) => parties.includes(id));
  if (clash) return refuse('OtherPartyIdIsAForce', `${clash} is a force; list forces under parties and give other parties their own ids`, { partyId: clash });
  const invalid = refuseInvalidTerms(command, parties);
  if (invalid) return invalid;
  const { kind: _kind, occurredAt, ...terms } = command;
  const proposedBy = { personId: context.principal.personId, name: context.principal.name };
  return [{ type: 'CollaborationProposed', data: { ...terms, parties, proposedBy }, occurredAt }];
}
