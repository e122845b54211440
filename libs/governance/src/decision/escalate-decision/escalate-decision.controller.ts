import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CommandRoute, type CommandScope, Scope } from '../../command-route.js';
import { occurredAtOr } from '../../http.js';
import { LedgerCommands } from '../../ledger-commands.js';
import { decisionAggregate } from '../decision.aggregate.js';
import { ESCALATE_DECISION } from './escalate-decision.command.js';
import { EscalateDecisionRequest } from './escalate-decision.request.js';

@ApiTags('decisions')
@Controller('decisions')
export class EscalateDecisionController {
  constructor(private readonly commands: LedgerCommands) {}

  @CommandRoute(':decisionId/escalations', 'Escalate to every chief officer, or to their policing bodies too; approvals given stand', ESCALATE_DECISION)
  handle(@Body() body: EscalateDecisionRequest, @Scope() scope: CommandScope) {
    const command = { kind: 'EscalateDecision' as const, decisionId: scope.params.decisionId!, to: body.to, reason: body.reason, occurredAt: occurredAtOr(body.occurredAt, scope.context.receivedAt) };
    return this.commands.run(decisionAggregate, command, scope);
  }
}
