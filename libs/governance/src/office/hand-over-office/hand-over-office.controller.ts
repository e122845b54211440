import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CommandRoute, type CommandScope, Scope } from '../../command-route.js';
import { knownForce, knownOffice, occurredAtOr } from '../../http.js';
import { officeAggregate } from '../office.aggregate.js';
import { LedgerCommands } from '../../ledger-commands.js';
import { HAND_OVER_OFFICE } from './hand-over-office.command.js';
import { HandOverOfficeRequest } from './hand-over-office.request.js';

@ApiTags('offices')
@Controller('offices')
export class HandOverOfficeController {
  constructor(private readonly commands: LedgerCommands) {}

  @CommandRoute(':forceCode/:office/handovers', 'Record a leadership handover; what was pending for the office is listed in it (registrars)', HAND_OVER_OFFICE)
  async handle(@Body() body: HandOverOfficeRequest, @Scope() scope: CommandScope) {
    const command = {
      kind: 'HandOverOffice' as const,
      forceCode: knownForce(scope.params.forceCode!),
      office: knownOffice(scope.params.office!),
      outgoingPersonId: body.outgoingPersonId,
      incoming: { personId: body.incoming.personId, name: body.incoming.name },
      basis: body.basis,
      note: body.note,
      ...(body.body ? { body: body.body } : {}),
      occurredAt: occurredAtOr(body.occurredAt, scope.context.receivedAt),
    };
    return this.commands.run(officeAggregate, command, scope);
  }
}
