import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Action } from '#identity';
import { CommandRoute, type CommandScope, Scope } from '../../command-route.js';
import { occurredAtOr } from '../../http.js';
import { executeCollaborationCommand, leadForceOfRoute } from '../collaboration.handler.js';
import { PublishAgreementRequest } from './publish-agreement.request.js';

export const PUBLISH_AGREEMENT: Action = { name: 'publish-agreement', kind: 'collaboration-work', roles: ['collaboration-manager'] };

@ApiTags('collaborations')
@Controller('collaborations')
export class PublishAgreementController {
  constructor(private readonly commands: CommandBus) {}

  @CommandRoute(':collaborationId/publication', 'Publish the agreement (s23E): in full, redacted or by title only, with the reason for anything less than full', PUBLISH_AGREEMENT, leadForceOfRoute)
  async handle(@Body() body: PublishAgreementRequest, @Scope() scope: CommandScope) {
    const command = {
      kind: 'PublishAgreement' as const,
      collaborationId: scope.params.collaborationId!,
      level: body.level,
      reason: body.reason,
      occurredAt: occurredAtOr(body.occurredAt, scope.context.receivedAt),
    };
    return executeCollaborationCommand(this.commands, command, scope);
  }
}
