import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CommandRoute, type CommandScope, Scope } from '../../command-route.js';
import { actingForOwnForce, occurredAtOr } from '../../http.js';
import { LedgerCommands } from '../../ledger-commands.js';
import { decisionAggregate } from '../decision.aggregate.js';
import { TAKE_DECISION_UNDER_URGENCY } from './take-decision-under-urgency.command.js';
import { TakeDecisionUnderUrgencyRequest } from './take-decision-under-urgency.request.js';

@ApiTags('decisions')
@Controller('decisions')
export class TakeDecisionUnderUrgencyController {
  constructor(private readonly commands: LedgerCommands) {}

  @CommandRoute(':decisionId/urgency', 'Take the decision now, outside delegation (the lead force’s chief officer): flagged, to be ratified', TAKE_DECISION_UNDER_URGENCY)
  handle(@Body() body: TakeDecisionUnderUrgencyRequest, @Scope() scope: CommandScope) {
    const command = { kind: 'TakeDecisionUnderUrgency' as const, decisionId: scope.params.decisionId!, ...actingForOwnForce(scope.context), justification: body.justification, occurredAt: occurredAtOr(body.occurredAt, scope.context.receivedAt) };
    return this.commands.run(decisionAggregate, command, scope);
  }
}
