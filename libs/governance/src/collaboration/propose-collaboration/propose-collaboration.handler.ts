import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '#event-store';
import type { CommandContext } from '#shared-kernel';
import { type CommandOutcome, runCommand } from '../../decider.js';
import { collaborationDecider } from '../collaboration.decider.js';
import { collaborationStreamId } from '../collaboration.events.js';
import type { ProposeCollaboration } from './propose-collaboration.command.js';

export class ProposeCollaborationCommand extends Command<CommandOutcome> {
  constructor(
    readonly command: ProposeCollaboration,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ProposeCollaborationCommand)
export class ProposeCollaborationHandler implements ICommandHandler<ProposeCollaborationCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ command, context }: ProposeCollaborationCommand): Promise<CommandOutcome> {
    return runCommand(this.store, collaborationDecider, { streamId: collaborationStreamId(command.collaborationId), command, context, facts: {} });
  }
}
