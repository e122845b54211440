import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CommandRoute, type CommandScope, Scope } from '../../command-route.js';
import { occurredAtOr } from '../../http.js';
import { collaborationAggregate } from '../collaboration.aggregate.js';
import { LedgerCommands } from '../../ledger-commands.js';
import { ADOPT_DELEGATION_SCHEME } from './adopt-delegation-scheme.command.js';
import { AdoptDelegationSchemeRequest } from './adopt-delegation-scheme.request.js';

@ApiTags('collaborations')
@Controller('collaborations')
export class AdoptDelegationSchemeController {
  constructor(private readonly commands: LedgerCommands) {}

  @CommandRoute(':collaborationId/delegation-scheme', 'Adopt the delegation scheme: what the lead force may decide alone, up to what value, and who decides above it', ADOPT_DELEGATION_SCHEME)
  async handle(@Body() body: AdoptDelegationSchemeRequest, @Scope() scope: CommandScope) {
    const command = {
      kind: 'AdoptDelegationScheme' as const,
      collaborationId: scope.params.collaborationId!,
      rules: body.rules.map((r) => ({ category: r.category, leadForceAloneUpToGbp: r.leadForceAloneUpToGbp, aboveLimit: r.aboveLimit })),
      occurredAt: occurredAtOr(body.occurredAt, scope.context.receivedAt),
    };
    return this.commands.run(collaborationAggregate, command, scope);
  }
}
