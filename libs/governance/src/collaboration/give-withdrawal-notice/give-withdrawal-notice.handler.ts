import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '#event-store';
import type { CommandContext } from '#shared-kernel';
import { type CommandOutcome, runCommand } from '../../decider.js';
import { collaborationDecider } from '../collaboration.decider.js';
import { collaborationStreamId } from '../collaboration.events.js';
import type { GiveWithdrawalNotice } from './give-withdrawal-notice.command.js';

export class GiveWithdrawalNoticeCommand extends Command<CommandOutcome> {
  constructor(
    readonly command: GiveWithdrawalNotice,
    readonly context: CommandContext,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}

@CommandHandler(GiveWithdrawalNoticeCommand)
export class GiveWithdrawalNoticeHandler implements ICommandHandler<GiveWithdrawalNoticeCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ command, context, expectedVersion }: GiveWithdrawalNoticeCommand): Promise<CommandOutcome> {
    const streamId = collaborationStreamId(command.collaborationId);
    return runCommand(this.store, collaborationDecider, { streamId, command, context, facts: {}, expectedVersion });
  }
}
