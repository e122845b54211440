import { Body, Controller } from '@nestjs/common';
import { ApiParam, ApiTags } from '@nestjs/swagger';
import { CommandRoute, type CommandScope, Scope } from '../../command-route.js';
import { knownForce, occurredAtOr } from '../../http.js';
import { LedgerCommands } from '../../ledger-commands.js';
import { riskAppetiteAggregate } from '../risk-appetite.aggregate.js';
import { DECLARE_RISK_APPETITE } from './declare-risk-appetite.command.js';
import { DeclareRiskAppetiteRequest } from './declare-risk-appetite.request.js';

@ApiTags('risk appetite')
@ApiParam({ name: 'forceCode', description: 'A force code (GET /forces), e.g. kent' })
@Controller('forces/:forceCode/risk-appetite')
export class DeclareRiskAppetiteController {
  constructor(private readonly commands: LedgerCommands) {}

  @CommandRoute('declarations', 'Declare your force’s appetite in a category: chief officers for the operational remit, policing bodies for the strategic', DECLARE_RISK_APPETITE)
  handle(@Body() body: DeclareRiskAppetiteRequest, @Scope() scope: CommandScope) {
    const { occurredAt, ...rest } = body;
    const command = { kind: 'DeclareRiskAppetite' as const, forceCode: knownForce(scope.params.forceCode!), ...rest, occurredAt: occurredAtOr(occurredAt, scope.context.receivedAt) };
    return this.commands.run(riskAppetiteAggregate, command, scope);
  }
}
