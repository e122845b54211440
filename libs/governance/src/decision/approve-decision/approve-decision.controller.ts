import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CommandRoute, type CommandScope, Scope } from '../../command-route.js';
import { actingForOwnForce, occurredAtOr } from '../../http.js';
import { LedgerCommands } from '../../ledger-commands.js';
import { decisionAggregate } from '../decision.aggregate.js';
import { APPROVE_DECISION } from './approve-decision.command.js';
import { ApproveDecisionRequest } from './approve-decision.request.js';

@ApiTags('decisions')
@Controller('decisions')
export class ApproveDecisionController {
  constructor(private readonly commands: LedgerCommands) {}

  @CommandRoute(':decisionId/approvals', 'Approve the decision for your force; when the last required approval arrives, it is taken', APPROVE_DECISION)
  handle(@Body() body: ApproveDecisionRequest, @Scope() scope: CommandScope) {
    const command = { kind: 'ApproveDecision' as const, decisionId: scope.params.decisionId!, ...actingForOwnForce(scope.context), occurredAt: occurredAtOr(body.occurredAt, scope.context.receivedAt) };
    return this.commands.run(decisionAggregate, command, scope);
  }
}
