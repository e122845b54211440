import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import { EVENT_STORE, type EventStore, PG_POOL } from '#event-store';
import type { CommandContext } from '#shared-kernel';
import { type CommandOutcome, runCommand } from '../../decider.js';
import { pendingForOffice } from '../office-facts.js';
import { officeDecider } from '../office.decider.js';
import { officeStreamId } from '../office.events.js';
import type { HandOverOffice } from './hand-over-office.command.js';

export class HandOverOfficeCommand extends Command<CommandOutcome> {
  constructor(
    readonly command: HandOverOffice,
    readonly context: CommandContext,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}

@CommandHandler(HandOverOfficeCommand)
export class HandOverOfficeHandler implements ICommandHandler<HandOverOfficeCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
  ) {}

  async execute({ command, context, expectedVersion }: HandOverOfficeCommand): Promise<CommandOutcome> {
    const pending = await pendingForOffice(this.pool, command.forceCode, command.office);
    const streamId = officeStreamId(command.forceCode, command.office);
    return runCommand(this.store, officeDecider, { streamId, command, context, facts: { pending }, expectedVersion });
  }
}
