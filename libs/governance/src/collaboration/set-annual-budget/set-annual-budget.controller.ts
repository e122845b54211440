import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Action } from '#identity';
import { CommandRoute, type CommandScope, Scope } from '../../command-route.js';
import { occurredAtOr } from '../../http.js';
import { executeCollaborationCommand, leadForceOfRoute } from '../collaboration.handler.js';
import { SetAnnualBudgetRequest } from './set-annual-budget.request.js';

export const SET_ANNUAL_BUDGET: Action = { name: 'set-annual-budget', kind: 'collaboration-work', roles: ['collaboration-manager'] };

@ApiTags('collaborations')
@Controller('collaborations')
export class SetAnnualBudgetController {
  constructor(private readonly commands: CommandBus) {}

  @CommandRoute(':collaborationId/budgets', 'Set the budget for a financial year and each party’s contribution', SET_ANNUAL_BUDGET, leadForceOfRoute)
  async handle(@Body() body: SetAnnualBudgetRequest, @Scope() scope: CommandScope) {
    const command = {
      kind: 'SetAnnualBudget' as const,
      collaborationId: scope.params.collaborationId!,
      financialYear: body.financialYear,
      totalGbp: body.totalGbp,
      contributions: body.contributions.map((c) => ({ party: c.party, amountGbp: c.amountGbp })),
      occurredAt: occurredAtOr(body.occurredAt, scope.context.receivedAt),
    };
    return executeCollaborationCommand(this.commands, command, scope);
  }
}
