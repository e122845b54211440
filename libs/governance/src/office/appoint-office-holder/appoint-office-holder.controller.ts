import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CommandRoute, type CommandScope, Scope } from '../../command-route.js';
import { knownForce, knownOffice, occurredAtOr } from '../../http.js';
import { officeAggregate } from '../office.aggregate.js';
import { LedgerCommands } from '../../ledger-commands.js';
import { APPOINT_OFFICE_HOLDER } from './appoint-office-holder.command.js';
import { AppointOfficeHolderRequest } from './appoint-office-holder.request.js';

@ApiTags('offices')
@Controller('offices')
export class AppointOfficeHolderController {
  constructor(private readonly commands: LedgerCommands) {}

  @CommandRoute(':forceCode/:office/appointments', 'Record who holds a vacant chief-officer or policing-body office, from a date (registrars)', APPOINT_OFFICE_HOLDER)
  async handle(@Body() body: AppointOfficeHolderRequest, @Scope() scope: CommandScope) {
    const command = {
      kind: 'AppointOfficeHolder' as const,
      forceCode: knownForce(scope.params.forceCode!),
      office: knownOffice(scope.params.office!),
      holder: { personId: body.holder.personId, name: body.holder.name },
      basis: body.basis,
      ...(body.body ? { body: body.body } : {}),
      occurredAt: occurredAtOr(body.occurredAt, scope.context.receivedAt),
    };
    return this.commands.run(officeAggregate, command, scope);
  }
}
