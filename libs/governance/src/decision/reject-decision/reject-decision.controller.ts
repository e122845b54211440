import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CommandRoute, type CommandScope, Scope } from '../../command-route.js';
import { actingForOwnForce, occurredAtOr } from '../../http.js';
import { LedgerCommands } from '../../ledger-commands.js';
import { decisionAggregate } from '../decision.aggregate.js';
import { REJECT_DECISION } from './reject-decision.command.js';
import { RejectDecisionRequest } from './reject-decision.request.js';

@ApiTags('decisions')
@Controller('decisions')
export class RejectDecisionController {
  constructor(private readonly commands: LedgerCommands) {}

  @CommandRoute(':decisionId/rejections', 'Reject the decision for your force: it is not taken', REJECT_DECISION)
  handle(@Body() body: RejectDecisionRequest, @Scope() scope: CommandScope) {
    const command = { kind: 'RejectDecision' as const, decisionId: scope.params.decisionId!, ...actingForOwnForce(scope.context), reason: body.reason, occurredAt: occurredAtOr(body.occurredAt, scope.context.receivedAt) };
    return this.commands.run(decisionAggregate, command, scope);
  }
}
