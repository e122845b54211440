import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '#event-store';
import type { CommandContext } from '#shared-kernel';
import { type CommandOutcome, runCommand } from '../../decider.js';
import { officeDecider } from '../office.decider.js';
import { officeStreamId } from '../office.events.js';
import type { AppointOfficeHolder } from './appoint-office-holder.command.js';

export class AppointOfficeHolderCommand extends Command<CommandOutcome> {
  constructor(
    readonly command: AppointOfficeHolder,
    readonly context: CommandContext,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}

@CommandHandler(AppointOfficeHolderCommand)
export class AppointOfficeHolderHandler implements ICommandHandler<AppointOfficeHolderCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ command, context, expectedVersion }: AppointOfficeHolderCommand): Promise<CommandOutcome> {
    const streamId = officeStreamId(command.forceCode, command.office);
    return runCommand(this.store, officeDecider, { streamId, command, context, facts: { pending: [] }, expectedVersion });
  }
}
