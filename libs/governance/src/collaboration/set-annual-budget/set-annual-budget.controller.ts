import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CommandRoute, type CommandScope, Scope } from '../../command-route.js';
import { occurredAtOr } from '../../http.js';
import { collaborationAggregate } from '../collaboration.aggregate.js';
import { LedgerCommands } from '../../ledger-commands.js';
import { SET_ANNUAL_BUDGET } from './set-annual-budget.command.js';
import { SetAnnualBudgetRequest } from './set-annual-budget.request.js';

@ApiTags('collaborations')
@Controller('collaborations')
export class SetAnnualBudgetController {
  constructor(private readonly commands: LedgerCommands) {}

  @CommandRoute(':collaborationId/budgets', 'Set the budget for a financial year and each party’s contribution', SET_ANNUAL_BUDGET)
  async handle(@Body() body: SetAnnualBudgetRequest, @Scope() scope: CommandScope) {
    const command = {
      kind: 'SetAnnualBudget' as const,
      collaborationId: scope.params.collaborationId!,
      financialYear: body.financialYear,
      totalGbp: body.totalGbp,
      contributions: body.contributions.map((c) => ({ party: c.party, amountGbp: c.amountGbp })),
      occurredAt: occurredAtOr(body.occurredAt, scope.context.receivedAt),
    };
    return this.commands.run(collaborationAggregate, command, scope);
  }
}
