import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CommandRoute, type CommandScope, Scope } from '../../command-route.js';
import { occurredAtOr } from '../../http.js';
import { LedgerCommands } from '../../ledger-commands.js';
import { collaborationAggregate } from '../collaboration.aggregate.js';
import { PROPOSE_VARIATION } from '../propose-variation/propose-variation.command.js';
import { VariationProposedResponse } from '../propose-variation/propose-variation.controller.js';
import { annualBudgetOf } from '../terms.request.js';
import { SetAnnualBudgetRequest } from './set-annual-budget.request.js';

/** A shortcut to a variation that changes one term: a manager proposes, the parties' signatures decide (terms.ts). */
@ApiTags('collaborations')
@Controller('collaborations')
export class SetAnnualBudgetController {
  constructor(private readonly commands: LedgerCommands) {}

  @CommandRoute(':collaborationId/budgets', 'Propose a financial year’s budget and each party’s contribution, as a variation: it takes effect when every remaining party has signed it', PROPOSE_VARIATION, VariationProposedResponse)
  async handle(@Body() body: SetAnnualBudgetRequest, @Scope() scope: CommandScope): Promise<VariationProposedResponse> {
    const variationId = scope.newId();
    const command = {
      kind: 'ProposeVariation' as const,
      collaborationId: scope.params.collaborationId!,
      variationId,
      summary: `Budget for ${body.financialYear}`,
      changes: `£${body.totalGbp}: ${body.contributions.map((c) => `${c.party} £${c.amountGbp}`).join(', ')}`,
      terms: { annualBudget: annualBudgetOf(body) },
      occurredAt: occurredAtOr(body.occurredAt, scope.context.receivedAt),
    };
    return { variationId, ...(await this.commands.run(collaborationAggregate, command, scope)) };
  }
}
