import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CommandRoute, type CommandScope, Scope } from '../../command-route.js';
import { knownForce, knownOffice, occurredAtOr } from '../../http.js';
import { officeAggregate } from '../office.aggregate.js';
import { LedgerCommands } from '../../ledger-commands.js';
import { VACATE_OFFICE } from './vacate-office.command.js';
import { VacateOfficeRequest } from './vacate-office.request.js';

@ApiTags('offices')
@Controller('offices')
export class VacateOfficeController {
  constructor(private readonly commands: LedgerCommands) {}

  @CommandRoute(':forceCode/:office/vacancies', 'Record that the office fell vacant; what was pending for it is listed (registrars)', VACATE_OFFICE)
  async handle(@Body() body: VacateOfficeRequest, @Scope() scope: CommandScope) {
    const command = {
      kind: 'VacateOffice' as const,
      forceCode: knownForce(scope.params.forceCode!),
      office: knownOffice(scope.params.office!),
      reason: body.reason,
      occurredAt: occurredAtOr(body.occurredAt, scope.context.receivedAt),
    };
    return this.commands.run(officeAggregate, command, scope);
  }
}
