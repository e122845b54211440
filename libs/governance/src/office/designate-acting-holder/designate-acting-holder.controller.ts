import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Action } from '#identity';
import { CommandRoute, type CommandScope, Scope } from '../../command-route.js';
import { knownForce, knownOffice, occurredAtOr } from '../../http.js';
import { executeOfficeCommand } from '../office.handler.js';
import { DesignateActingHolderRequest } from './designate-acting-holder.request.js';

export const DESIGNATE_ACTING_HOLDER: Action = { name: 'designate-acting-holder', kind: 'reference-data', roles: ['registrar'] };

@ApiTags('offices')
@Controller('offices')
export class DesignateActingHolderController {
  constructor(private readonly commands: CommandBus) {}

  @CommandRoute(':forceCode/:office/acting-designations', 'Record that someone acts in the office from a date; what was pending for it is listed (registrars)', DESIGNATE_ACTING_HOLDER)
  async handle(@Body() body: DesignateActingHolderRequest, @Scope() scope: CommandScope) {
    const command = {
      kind: 'DesignateActingHolder' as const,
      forceCode: knownForce(scope.params.forceCode!),
      office: knownOffice(scope.params.office!),
      holder: { personId: body.holder.personId, name: body.holder.name },
      reason: body.reason,
      occurredAt: occurredAtOr(body.occurredAt, scope.context.receivedAt),
    };
    return executeOfficeCommand(this.commands, command, scope);
  }
}
