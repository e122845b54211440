import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Action } from '#identity';
import { CommandRoute, type CommandScope, Scope } from '../../command-route.js';
import { knownForce, knownOffice, occurredAtOr } from '../../http.js';
import { executeOfficeCommand } from '../office.handler.js';
import { VacateOfficeRequest } from './vacate-office.request.js';

export const VACATE_OFFICE: Action = { name: 'vacate-office', kind: 'reference-data', roles: ['registrar'] };

@ApiTags('offices')
@Controller('offices')
export class VacateOfficeController {
  constructor(private readonly commands: CommandBus) {}

  @CommandRoute(':forceCode/:office/vacancies', 'Record that the office fell vacant; what was pending for it is listed (registrars)', VACATE_OFFICE)
  async handle(@Body() body: VacateOfficeRequest, @Scope() scope: CommandScope) {
    const command = {
      kind: 'VacateOffice' as const,
      forceCode: knownForce(scope.params.forceCode!),
      office: knownOffice(scope.params.office!),
      reason: body.reason,
      occurredAt: occurredAtOr(body.occurredAt, scope.context.receivedAt),
    };
    return executeOfficeCommand(this.commands, command, scope);
  }
}
