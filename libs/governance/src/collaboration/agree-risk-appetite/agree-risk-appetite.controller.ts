import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CommandRoute, type CommandScope, Scope } from '../../command-route.js';
import { occurredAtOr } from '../../http.js';
import { collaborationAggregate } from '../collaboration.aggregate.js';
import { LedgerCommands } from '../../ledger-commands.js';
import { AGREE_RISK_APPETITE } from './agree-risk-appetite.command.js';
import { AgreeRiskAppetiteRequest } from './agree-risk-appetite.request.js';

@ApiTags('collaborations')
@Controller('collaborations')
export class AgreeRiskAppetiteController {
  constructor(private readonly commands: LedgerCommands) {}

  @CommandRoute(':collaborationId/risk-appetite', 'Record the risk appetite the partners agreed for the collaboration, per category', AGREE_RISK_APPETITE)
  async handle(@Body() body: AgreeRiskAppetiteRequest, @Scope() scope: CommandScope) {
    const command = {
      kind: 'AgreeCollaborationRiskAppetite' as const,
      collaborationId: scope.params.collaborationId!,
      appetite: body.appetite.map((a) => ({ category: a.category, level: a.level })),
      statement: body.statement,
      occurredAt: occurredAtOr(body.occurredAt, scope.context.receivedAt),
    };
    return this.commands.run(collaborationAggregate, command, scope);
  }
}
