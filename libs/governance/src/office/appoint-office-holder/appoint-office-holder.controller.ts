import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Action } from '#identity';
import { CommandRoute, type CommandScope, Scope } from '../../command-route.js';
import { knownForce, knownOffice, occurredAtOr } from '../../http.js';
import { executeOfficeCommand } from '../office.handler.js';
import { AppointOfficeHolderRequest } from './appoint-office-holder.request.js';

export const APPOINT_OFFICE_HOLDER: Action = { name: 'appoint-office-holder', kind: 'reference-data', roles: ['registrar'] };

@ApiTags('offices')
@Controller('offices')
export class AppointOfficeHolderController {
  constructor(private readonly commands: CommandBus) {}

  @CommandRoute(':forceCode/:office/appointments', 'Record who holds a vacant chief-officer or policing-body office, from a date (registrars)', APPOINT_OFFICE_HOLDER)
  async handle(@Body() body: AppointOfficeHolderRequest, @Scope() scope: CommandScope) {
    const command = {
      kind: 'AppointOfficeHolder' as const,
      forceCode: knownForce(scope.params.forceCode!),
      office: knownOffice(scope.params.office!),
      holder: { personId: body.holder.personId, name: body.holder.name },
      basis: body.basis,
      occurredAt: occurredAtOr(body.occurredAt, scope.context.receivedAt),
    };
    return executeOfficeCommand(this.commands, command, scope);
  }
}
