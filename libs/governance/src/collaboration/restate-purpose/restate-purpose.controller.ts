import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Action } from '#identity';
import { CommandRoute, type CommandScope, Scope } from '../../command-route.js';
import { occurredAtOr } from '../../http.js';
import { executeCollaborationCommand, leadForceOfRoute } from '../collaboration.handler.js';
import { RestatePurposeRequest } from './restate-purpose.request.js';

export const RESTATE_PURPOSE: Action = { name: 'restate-purpose', kind: 'collaboration-work', roles: ['collaboration-manager'] };

@ApiTags('collaborations')
@Controller('collaborations')
export class RestatePurposeController {
  constructor(private readonly commands: CommandBus) {}

  @CommandRoute(':collaborationId/purpose', 'Restate the collaboration’s purpose; the earlier wording stays on record', RESTATE_PURPOSE, leadForceOfRoute)
  async handle(@Body() body: RestatePurposeRequest, @Scope() scope: CommandScope) {
    const command = {
      kind: 'RestatePurpose' as const,
      collaborationId: scope.params.collaborationId!,
      purpose: body.purpose,
      reason: body.reason,
      occurredAt: occurredAtOr(body.occurredAt, scope.context.receivedAt),
    };
    return executeCollaborationCommand(this.commands, command, scope);
  }
}
