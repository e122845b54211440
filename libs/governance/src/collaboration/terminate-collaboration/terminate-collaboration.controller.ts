import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Action } from '#identity';
import { CommandRoute, type CommandScope, Scope } from '../../command-route.js';
import { occurredAtOr } from '../../http.js';
import { executeCollaborationCommand, leadForceOfRoute } from '../collaboration.handler.js';
import { TerminateCollaborationRequest } from './terminate-collaboration.request.js';

export const TERMINATE_COLLABORATION: Action = { name: 'terminate-collaboration', kind: 'collaboration-work', roles: ['collaboration-manager'] };

@ApiTags('collaborations')
@Controller('collaborations')
export class TerminateCollaborationController {
  constructor(private readonly commands: CommandBus) {}

  @CommandRoute(':collaborationId/termination', 'Record the termination the parties agreed; afterwards the collaboration can only be read', TERMINATE_COLLABORATION, leadForceOfRoute)
  async handle(@Body() body: TerminateCollaborationRequest, @Scope() scope: CommandScope) {
    const command = {
      kind: 'TerminateCollaboration' as const,
      collaborationId: scope.params.collaborationId!,
      reason: body.reason,
      occurredAt: occurredAtOr(body.occurredAt, scope.context.receivedAt),
    };
    return executeCollaborationCommand(this.commands, command, scope);
  }
}
