import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Action } from '#identity';
import { CommandRoute, type CommandScope, Scope } from '../../command-route.js';
import { occurredAtOr, PartyRequest, signatoryOf } from '../../http.js';
import { executeCollaborationCommand, partyInBody } from '../collaboration.handler.js';

export const SIGN_VARIATION: Action = { name: 'sign-variation', kind: 'force-act', roles: ['chief-officer', 'policing-body'] };

@ApiTags('collaborations')
@Controller('collaborations')
export class SignVariationController {
  constructor(private readonly commands: CommandBus) {}

  @CommandRoute(':collaborationId/variations/:variationId/signatures', 'Sign a variation for your force as its chief officer or policing body; when all remaining parties have signed, it is agreed', SIGN_VARIATION, partyInBody)
  async handle(@Body() body: PartyRequest, @Scope() scope: CommandScope) {
    const command = {
      kind: 'SignVariation' as const,
      collaborationId: scope.params.collaborationId!,
      variationId: scope.params.variationId!,
      party: body.party,
      ...signatoryOf(scope.context),
      occurredAt: occurredAtOr(body.occurredAt, scope.context.receivedAt),
    };
    return executeCollaborationCommand(this.commands, command, scope);
  }
}
