import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CommandRoute, type CommandScope, Scope } from '../../command-route.js';
import { occurredAtOr } from '../../http.js';
import { LedgerCommands } from '../../ledger-commands.js';
import { collaborationAggregate } from '../collaboration.aggregate.js';
import { PROPOSE_VARIATION } from '../propose-variation/propose-variation.command.js';
import { VariationProposedResponse } from '../propose-variation/propose-variation.controller.js';
import { riskAppetiteOf } from '../terms.request.js';
import { AgreeRiskAppetiteRequest } from './agree-risk-appetite.request.js';

/** A shortcut to a variation that changes one term: a manager proposes, the parties' signatures decide (terms.ts). */
@ApiTags('collaborations')
@Controller('collaborations')
export class AgreeRiskAppetiteController {
  constructor(private readonly commands: LedgerCommands) {}

  @CommandRoute(':collaborationId/risk-appetite', 'Propose the collaboration’s agreed risk appetite, per category, as a variation: it takes effect when every remaining party has signed it', PROPOSE_VARIATION, VariationProposedResponse)
  async handle(@Body() body: AgreeRiskAppetiteRequest, @Scope() scope: CommandScope): Promise<VariationProposedResponse> {
    const variationId = scope.newId();
    const command = {
      kind: 'ProposeVariation' as const,
      collaborationId: scope.params.collaborationId!,
      variationId,
      summary: 'Agree the collaboration’s risk appetite',
      changes: body.statement,
      terms: { riskAppetite: riskAppetiteOf(body) },
      occurredAt: occurredAtOr(body.occurredAt, scope.context.receivedAt),
    };
    return { variationId, ...(await this.commands.run(collaborationAggregate, command, scope)) };
  }
}
