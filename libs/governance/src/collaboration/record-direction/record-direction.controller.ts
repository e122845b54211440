import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Action } from '#identity';
import { CommandRoute, type CommandScope, Scope } from '../../command-route.js';
import { occurredAtOr } from '../../http.js';
import { executeCollaborationCommand, leadForceOfRoute } from '../collaboration.handler.js';
import { RecordDirectionRequest } from './record-direction.request.js';

export const RECORD_DIRECTION: Action = { name: 'record-direction', kind: 'collaboration-work', roles: ['collaboration-manager'] };

@ApiTags('collaborations')
@Controller('collaborations')
export class RecordDirectionController {
  constructor(private readonly commands: CommandBus) {}

  @CommandRoute(':collaborationId/directions', 'Record a Home Secretary direction (s23FA), such as continuing the collaboration past its termination', RECORD_DIRECTION, leadForceOfRoute)
  async handle(@Body() body: RecordDirectionRequest, @Scope() scope: CommandScope) {
    const command = {
      kind: 'RecordDirection' as const,
      collaborationId: scope.params.collaborationId!,
      reference: body.reference,
      direction: body.direction,
      continueUntil: body.continueUntil,
      occurredAt: occurredAtOr(body.occurredAt, scope.context.receivedAt),
    };
    return executeCollaborationCommand(this.commands, command, scope);
  }
}
