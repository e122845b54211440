import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CommandRoute, type CommandScope, Scope } from '../../command-route.js';
import { actingForOwnForce, occurredAtOr } from '../../http.js';
import { LedgerCommands } from '../../ledger-commands.js';
import { decisionAggregate } from '../decision.aggregate.js';
import { RESCIND_DECISION } from './rescind-decision.command.js';
import { RescindDecisionRequest } from './rescind-decision.request.js';

@ApiTags('decisions')
@Controller('decisions')
export class RescindDecisionController {
  constructor(private readonly commands: LedgerCommands) {}

  @CommandRoute(':decisionId/rescission', 'Refuse to ratify an urgent decision that skipped your approval: it is rescinded', RESCIND_DECISION)
  handle(@Body() body: RescindDecisionRequest, @Scope() scope: CommandScope) {
    const command = { kind: 'RescindDecision' as const, decisionId: scope.params.decisionId!, ...actingForOwnForce(scope.context), reason: body.reason, occurredAt: occurredAtOr(body.occurredAt, scope.context.receivedAt) };
    return this.commands.run(decisionAggregate, command, scope);
  }
}
