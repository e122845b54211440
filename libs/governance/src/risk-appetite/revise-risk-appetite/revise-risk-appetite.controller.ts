import { Body, Controller } from '@nestjs/common';
import { ApiParam, ApiTags } from '@nestjs/swagger';
import { CommandRoute, type CommandScope, Scope } from '../../command-route.js';
import { knownForce, occurredAtOr } from '../../http.js';
import { LedgerCommands } from '../../ledger-commands.js';
import { riskAppetiteAggregate } from '../risk-appetite.aggregate.js';
import { REVISE_RISK_APPETITE } from './revise-risk-appetite.command.js';
import { ReviseRiskAppetiteRequest } from './revise-risk-appetite.request.js';

@ApiTags('risk appetite')
@ApiParam({ name: 'forceCode', description: 'A force code (GET /forces), e.g. kent' })
@Controller('forces/:forceCode/risk-appetite')
export class ReviseRiskAppetiteController {
  constructor(private readonly commands: LedgerCommands) {}

  @CommandRoute('revisions', 'Revise your force’s declared appetite in a category, with the reason', REVISE_RISK_APPETITE)
  handle(@Body() body: ReviseRiskAppetiteRequest, @Scope() scope: CommandScope) {
    const { occurredAt, ...rest } = body;
    const command = { kind: 'ReviseRiskAppetite' as const, forceCode: knownForce(scope.params.forceCode!), ...rest, occurredAt: occurredAtOr(occurredAt, scope.context.receivedAt) };
    return this.commands.run(riskAppetiteAggregate, command, scope);
  }
}
