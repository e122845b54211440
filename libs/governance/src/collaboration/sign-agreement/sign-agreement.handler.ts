import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '#event-store';
import type { CommandContext } from '#shared-kernel';
import { type CommandOutcome, loadState, runCommand } from '../../decider.js';
import { officeDecider } from '../../office/office.decider.js';
import { officeStreamId } from '../../office/office.events.js';
import { holderAt } from '../../office/office.state.js';
import { collaborationDecider } from '../collaboration.decider.js';
import { collaborationStreamId } from '../collaboration.events.js';
import type { SignAgreement } from './sign-agreement.command.js';

export class SignAgreementCommand extends Command<CommandOutcome> {
  constructor(
    readonly command: SignAgreement,
    readonly context: CommandContext,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}

@CommandHandler(SignAgreementCommand)
export class SignAgreementHandler implements ICommandHandler<SignAgreementCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ command, context, expectedVersion }: SignAgreementCommand): Promise<CommandOutcome> {
    // Who held the signing office on the signature's date, from the office's own stream.
    const office = await loadState(this.store, officeDecider, officeStreamId(command.party, command.role));
    const holderThen = holderAt(office.state, command.occurredAt)?.holder;
    const streamId = collaborationStreamId(command.collaborationId);
    return runCommand(this.store, collaborationDecider, { streamId, command, context, facts: { holderThen }, expectedVersion });
  }
}
