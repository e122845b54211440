import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CommandRoute, type CommandScope, Scope } from '../../command-route.js';
import { occurredAtOr } from '../../http.js';
import { LedgerCommands } from '../../ledger-commands.js';
import { recommendationAggregate } from '../recommendation.aggregate.js';
import { REVISE_DUE_DATE } from './revise-due-date.command.js';
import { ReviseDueDateRequest } from './revise-due-date.request.js';

@ApiTags('recommendations')
@Controller('recommendations')
export class ReviseDueDateController {
  constructor(private readonly commands: LedgerCommands) {}

  @CommandRoute(':recommendationId/due-date-revisions', 'Revise the due date; every slip is kept', REVISE_DUE_DATE)
  handle(@Body() body: ReviseDueDateRequest, @Scope() scope: CommandScope) {
    const command = { kind: 'ReviseDueDate' as const, recommendationId: scope.params.recommendationId!, dueDate: body.dueDate, reason: body.reason, occurredAt: occurredAtOr(body.occurredAt, scope.context.receivedAt) };
    return this.commands.run(recommendationAggregate, command, scope);
  }
}
