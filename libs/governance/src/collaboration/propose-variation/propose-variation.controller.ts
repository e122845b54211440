import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Action } from '#identity';
import { newId } from '#shared-kernel';
import { CommandRoute, type CommandScope, Scope } from '../../command-route.js';
import { occurredAtOr } from '../../http.js';
import { executeCollaborationCommand, leadForceOfRoute } from '../collaboration.handler.js';
import { ProposeVariationRequest } from './propose-variation.request.js';

export const PROPOSE_VARIATION: Action = { name: 'propose-variation', kind: 'collaboration-work', roles: ['collaboration-manager'] };

@ApiTags('collaborations')
@Controller('collaborations')
export class ProposeVariationController {
  constructor(private readonly commands: CommandBus) {}

  @CommandRoute(':collaborationId/variations', 'Propose a variation of the agreement in force (s23C); every remaining party then signs it', PROPOSE_VARIATION, leadForceOfRoute)
  async handle(@Body() body: ProposeVariationRequest, @Scope() scope: CommandScope) {
    const variationId = newId();
    const command = {
      kind: 'ProposeVariation' as const,
      collaborationId: scope.params.collaborationId!,
      variationId,
      summary: body.summary,
      changes: body.changes,
      occurredAt: occurredAtOr(body.occurredAt, scope.context.receivedAt),
    };
    return { variationId, ...(await executeCollaborationCommand(this.commands, command, scope)) };
  }
}
