import { Inject } from '@nestjs/common';
import { Command, CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandScope } from '../command-route.js';
import type pg from 'pg';
import { EVENT_STORE, type EventStore, PG_POOL } from '#event-store';
import type { CommandContext } from '#shared-kernel';
import { type CommandOutcome, runCommand } from '../decider.js';
import { created, versionFromIfMatch } from '../http.js';
import { pendingForOffice } from './office-facts.js';
import { type OfficeCommand, officeDecider } from './office.decider.js';
import { officeStreamId } from './office.events.js';

/** Any office command, on the CQRS bus. */
export class OfficeCommandMessage extends Command<CommandOutcome> {
  constructor(
    readonly command: OfficeCommand,
    readonly context: CommandContext,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}

@CommandHandler(OfficeCommandMessage)
export class OfficeCommandHandler implements ICommandHandler<OfficeCommandMessage> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
  ) {}

  async execute({ command, context, expectedVersion }: OfficeCommandMessage): Promise<CommandOutcome> {
    // A change of holder lists what was pending for the office, so nothing is lost between leaders.
    const changesHands = command.kind === 'HandOverOffice' || command.kind === 'DesignateActingHolder' || command.kind === 'VacateOffice';
    const pending = changesHands ? await pendingForOffice(this.pool, command.forceCode, command.office) : [];
    const streamId = officeStreamId(command.forceCode, command.office);
    return runCommand(this.store, officeDecider, { streamId, command, context, facts: { pending }, expectedVersion });
  }
}

export async function executeOfficeCommand(commands: CommandBus, command: OfficeCommand, scope: CommandScope) {
  const outcome = await commands.execute(new OfficeCommandMessage(command, scope.context, versionFromIfMatch(scope.ifMatch)));
  return created(scope.reply, outcome, `/offices/${command.forceCode}/${command.office}`);
}
