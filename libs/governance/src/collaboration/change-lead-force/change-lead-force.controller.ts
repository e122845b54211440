import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Action } from '#identity';
import { CommandRoute, type CommandScope, Scope } from '../../command-route.js';
import { occurredAtOr } from '../../http.js';
import { executeCollaborationCommand, leadForceOfRoute } from '../collaboration.handler.js';
import { ChangeLeadForceRequest } from './change-lead-force.request.js';

export const CHANGE_LEAD_FORCE: Action = { name: 'change-lead-force', kind: 'collaboration-work', roles: ['collaboration-manager'] };

@ApiTags('collaborations')
@Controller('collaborations')
export class ChangeLeadForceController {
  constructor(private readonly commands: CommandBus) {}

  @CommandRoute(':collaborationId/lead-force', 'Record that another party now leads the collaboration', CHANGE_LEAD_FORCE, leadForceOfRoute)
  async handle(@Body() body: ChangeLeadForceRequest, @Scope() scope: CommandScope) {
    const command = {
      kind: 'ChangeLeadForce' as const,
      collaborationId: scope.params.collaborationId!,
      to: body.to,
      reason: body.reason,
      occurredAt: occurredAtOr(body.occurredAt, scope.context.receivedAt),
    };
    return executeCollaborationCommand(this.commands, command, scope);
  }
}
