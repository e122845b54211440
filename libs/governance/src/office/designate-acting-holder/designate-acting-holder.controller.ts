import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CommandRoute, type CommandScope, Scope } from '../../command-route.js';
import { knownForce, knownOffice, occurredAtOr } from '../../http.js';
import { officeAggregate } from '../office.aggregate.js';
import { LedgerCommands } from '../../ledger-commands.js';
import { DESIGNATE_ACTING_HOLDER } from './designate-acting-holder.command.js';
import { DesignateActingHolderRequest } from './designate-acting-holder.request.js';

@ApiTags('offices')
@Controller('offices')
export class DesignateActingHolderController {
  constructor(private readonly commands: LedgerCommands) {}

  @CommandRoute(':forceCode/:office/acting-designations', 'Record that someone acts in the office from a date; what was pending for it is listed (registrars)', DESIGNATE_ACTING_HOLDER)
  async handle(@Body() body: DesignateActingHolderRequest, @Scope() scope: CommandScope) {
    const command = {
      kind: 'DesignateActingHolder' as const,
      forceCode: knownForce(scope.params.forceCode!),
      office: knownOffice(scope.params.office!),
      holder: { personId: body.holder.personId, name: body.holder.name },
      reason: body.reason,
      ...(body.body ? { body: body.body } : {}),
      occurredAt: occurredAtOr(body.occurredAt, scope.context.receivedAt),
    };
    return this.commands.run(officeAggregate, command, scope);
  }
}
