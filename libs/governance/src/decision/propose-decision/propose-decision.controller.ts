import { Body, Controller } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { CommandRoute, type CommandScope, Scope } from '../../command-route.js';
import { CommandAccepted, occurredAtOr } from '../../http.js';
import { LedgerCommands } from '../../ledger-commands.js';
import { decisionAggregate } from '../decision.aggregate.js';
import { PROPOSE_DECISION } from './propose-decision.command.js';
import { ProposeDecisionRequest } from './propose-decision.request.js';

export class DecisionProposedResponse extends CommandAccepted {
  @ApiProperty({ format: 'uuid' })
  decisionId!: string;
}

@ApiTags('decisions')
@Controller('decisions')
export class ProposeDecisionController {
  constructor(private readonly commands: LedgerCommands) {}

  @CommandRoute('', 'Propose a decision; who must approve follows from the delegation scheme in force on its date', PROPOSE_DECISION, DecisionProposedResponse)
  async handle(@Body() body: ProposeDecisionRequest, @Scope() scope: CommandScope): Promise<DecisionProposedResponse> {
    const decisionId = scope.newId();
    const { occurredAt, ...proposal } = body;
    const command = { kind: 'ProposeDecision' as const, decisionId, ...proposal, occurredAt: occurredAtOr(occurredAt, scope.context.receivedAt) };
    return { decisionId, ...(await this.commands.run(decisionAggregate, command, scope)) };
  }
}
