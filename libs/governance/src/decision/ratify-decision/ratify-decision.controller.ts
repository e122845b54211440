import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CommandRoute, type CommandScope, Scope } from '../../command-route.js';
import { actingForOwnForce, occurredAtOr } from '../../http.js';
import { LedgerCommands } from '../../ledger-commands.js';
import { decisionAggregate } from '../decision.aggregate.js';
import { RATIFY_DECISION } from './ratify-decision.command.js';
import { RatifyDecisionRequest } from './ratify-decision.request.js';

@ApiTags('decisions')
@Controller('decisions')
export class RatifyDecisionController {
  constructor(private readonly commands: LedgerCommands) {}

  @CommandRoute(':decisionId/ratifications', 'Ratify an urgent decision that skipped your approval', RATIFY_DECISION)
  handle(@Body() body: RatifyDecisionRequest, @Scope() scope: CommandScope) {
    const command = { kind: 'RatifyDecision' as const, decisionId: scope.params.decisionId!, ...actingForOwnForce(scope.context), occurredAt: occurredAtOr(body.occurredAt, scope.context.receivedAt) };
    return this.commands.run(decisionAggregate, command, scope);
  }
}
