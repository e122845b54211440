import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Action } from '#identity';
import { CommandRoute, type CommandScope, Scope } from '../../command-route.js';
import { occurredAtOr } from '../../http.js';
import { executeCollaborationCommand, leadForceOfRoute } from '../collaboration.handler.js';
import { AgreeRiskAppetiteRequest } from './agree-risk-appetite.request.js';

export const AGREE_RISK_APPETITE: Action = { name: 'agree-collaboration-risk-appetite', kind: 'collaboration-work', roles: ['collaboration-manager'] };

@ApiTags('collaborations')
@Controller('collaborations')
export class AgreeRiskAppetiteController {
  constructor(private readonly commands: CommandBus) {}

  @CommandRoute(':collaborationId/risk-appetite', 'Record the risk appetite the partners agreed for the collaboration, per category', AGREE_RISK_APPETITE, leadForceOfRoute)
  async handle(@Body() body: AgreeRiskAppetiteRequest, @Scope() scope: CommandScope) {
    const command = {
      kind: 'AgreeCollaborationRiskAppetite' as const,
      collaborationId: scope.params.collaborationId!,
      appetite: body.appetite.map((a) => ({ category: a.category, level: a.level })),
      statement: body.statement,
      occurredAt: occurredAtOr(body.occurredAt, scope.context.receivedAt),
    };
    return executeCollaborationCommand(this.commands, command, scope);
  }
}
