import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Action } from '#identity';
import { CommandRoute, type CommandScope, Scope } from '../../command-route.js';
import { knownForce, knownOffice, occurredAtOr } from '../../http.js';
import { executeOfficeCommand } from '../office.handler.js';
import { HandOverOfficeRequest } from './hand-over-office.request.js';

export const HAND_OVER_OFFICE: Action = { name: 'hand-over-office', kind: 'reference-data', roles: ['registrar'] };

@ApiTags('offices')
@Controller('offices')
export class HandOverOfficeController {
  constructor(private readonly commands: CommandBus) {}

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
      occurredAt: occurredAtOr(body.occurredAt, scope.context.receivedAt),
    };
    return executeOfficeCommand(this.commands, command, scope);
  }
}
