import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Action } from '#identity';
import { CommandRoute, type CommandScope, Scope } from '../../command-route.js';
import { occurredAtOr } from '../../http.js';
import { executeCollaborationCommand, leadForceOfRoute } from '../collaboration.handler.js';
import { AdoptDelegationSchemeRequest } from './adopt-delegation-scheme.request.js';

export const ADOPT_DELEGATION_SCHEME: Action = { name: 'adopt-delegation-scheme', kind: 'collaboration-work', roles: ['collaboration-manager'] };

@ApiTags('collaborations')
@Controller('collaborations')
export class AdoptDelegationSchemeController {
  constructor(private readonly commands: CommandBus) {}

  @CommandRoute(':collaborationId/delegation-scheme', 'Adopt the delegation scheme: what the lead force may decide alone, up to what value, and who decides above it', ADOPT_DELEGATION_SCHEME, leadForceOfRoute)
  async handle(@Body() body: AdoptDelegationSchemeRequest, @Scope() scope: CommandScope) {
    const command = {
      kind: 'AdoptDelegationScheme' as const,
      collaborationId: scope.params.collaborationId!,
      rules: body.rules.map((r) => ({ category: r.category, leadForceAloneUpToGbp: r.leadForceAloneUpToGbp, aboveLimit: r.aboveLimit })),
      occurredAt: occurredAtOr(body.occurredAt, scope.context.receivedAt),
    };
    return executeCollaborationCommand(this.commands, command, scope);
  }
}
