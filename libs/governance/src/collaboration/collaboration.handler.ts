import { Inject } from '@nestjs/common';
import { Command, CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { FastifyRequest } from 'fastify';
import type { CommandScope } from '../command-route.js';
import { EVENT_STORE, type EventStore } from '#event-store';
import type { ProviderLookup, Target } from '#identity';
import { type CommandContext, isUuid } from '#shared-kernel';
import { type CommandOutcome, loadState, runCommand } from '../decider.js';
import { created, versionFromIfMatch } from '../http.js';
import { officeDecider } from '../office/office.decider.js';
import { officeStreamId } from '../office/office.events.js';
import { holderAt } from '../office/office.state.js';
import { type CollaborationCommand, collaborationDecider } from './collaboration.decider.js';
import { collaborationStreamId } from './collaboration.events.js';

/** Any collaboration command, on the CQRS bus. */
export class CollaborationCommandMessage extends Command<CommandOutcome> {
  constructor(
    readonly command: CollaborationCommand,
    readonly context: CommandContext,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}

/** Loads the facts a collaboration command needs, then load, decide, append. */
@CommandHandler(CollaborationCommandMessage)
export class CollaborationCommandHandler implements ICommandHandler<CollaborationCommandMessage> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ command, context, expectedVersion }: CollaborationCommandMessage): Promise<CommandOutcome> {
    let holderThen: { personId: string; name: string } | undefined;
    if (command.kind === 'SignAgreement' || command.kind === 'SignVariation') {
      // Who held the signing office on the signature's date, from the office's own stream.
      const office = await loadState(this.store, officeDecider, officeStreamId(command.party, command.role));
      holderThen = holderAt(office.state, command.occurredAt)?.holder;
    }
    const streamId = collaborationStreamId(command.collaborationId);
    return runCommand(this.store, collaborationDecider, { streamId, command, context, facts: { holderThen }, expectedVersion });
  }
}

/** What every collaboration command route does once it has built its command. */
export async function executeCollaborationCommand(commands: CommandBus, command: CollaborationCommand, scope: CommandScope) {
  const outcome = await commands.execute(new CollaborationCommandMessage(command, scope.context, versionFromIfMatch(scope.ifMatch)));
  return created(scope.reply, outcome, `/collaborations/${command.collaborationId}`);
}

/** Access targets for collaboration routes: the lead force read from the ledger, or the party in the body. */
export const leadForceOfRoute = async (request: FastifyRequest, lookup: ProviderLookup): Promise<Target> => {
  const { collaborationId } = request.params as { collaborationId?: string };
  if (!collaborationId || !isUuid(collaborationId)) return {};
  const { state } = await loadState(lookup<EventStore>(EVENT_STORE), collaborationDecider, collaborationStreamId(collaborationId));
  return state.terms ? { leadForce: state.terms.leadForce } : {};
};

export const partyInBody = (request: FastifyRequest): Target => ({ force: (request.body as { party?: string } | undefined)?.party });

export const leadForceInBody = (request: FastifyRequest): Target => ({ leadForce: (request.body as { leadForce?: string } | undefined)?.leadForce });
