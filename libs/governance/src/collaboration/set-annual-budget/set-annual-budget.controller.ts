import { Body, Controller, Headers, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type Action, Authorise, CommandContextOf } from '#identity';
import { type CommandContext } from '#shared-kernel';
import { ETAG_HEADER_DOC, occurredAtOr } from '../../http.js';
import { executeCollaborationCommand, leadForceOfRoute } from '../collaboration.handler.js';
import { SetAnnualBudgetRequest } from './set-annual-budget.request.js';

export const SET_ANNUAL_BUDGET: Action = { name: 'set-annual-budget', kind: 'collaboration-work', roles: ['collaboration-manager'] };

@ApiTags('collaborations')
@ApiBearerAuth()
@Controller('collaborations')
export class SetAnnualBudgetController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':collaborationId/budgets')
  @ApiOperation({ summary: 'Set the budget for a financial year and each party’s contribution' })
  @ApiHeader(ETAG_HEADER_DOC)
  @Authorise(SET_ANNUAL_BUDGET, leadForceOfRoute)
  async handle(
    @Param('collaborationId', new ParseUUIDPipe()) collaborationId: string,
    @Body() body: SetAnnualBudgetRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @CommandContextOf() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const command = {
      kind: 'SetAnnualBudget' as const,
      collaborationId,
      financialYear: body.financialYear,
      totalGbp: body.totalGbp,
      contributions: body.contributions.map((c) => ({ party: c.party, amountGbp: c.amountGbp })),
      occurredAt: occurredAtOr(body.occurredAt, context.receivedAt),
    };
    return executeCollaborationCommand(this.commands, command, context, ifMatch, reply);
  }
}
