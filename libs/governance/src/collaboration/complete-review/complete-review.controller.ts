import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CommandRoute, type CommandScope, Scope } from '../../command-route.js';
import { occurredAtOr } from '../../http.js';
import { collaborationAggregate } from '../collaboration.aggregate.js';
import { LedgerCommands } from '../../ledger-commands.js';
import { COMPLETE_REVIEW } from './complete-review.command.js';
import { CompleteReviewRequest } from './complete-review.request.js';

@ApiTags('collaborations')
@Controller('collaborations')
export class CompleteReviewController {
  constructor(private readonly commands: LedgerCommands) {}

  @CommandRoute(':collaborationId/reviews', 'Record a completed review: continue, vary or terminate, with findings', COMPLETE_REVIEW)
  async handle(@Body() body: CompleteReviewRequest, @Scope() scope: CommandScope) {
    const command = {
      kind: 'CompleteReview' as const,
      collaborationId: scope.params.collaborationId!,
      outcome: body.outcome,
      findings: body.findings,
      nextReviewDate: body.nextReviewDate,
      occurredAt: occurredAtOr(body.occurredAt, scope.context.receivedAt),
    };
    return this.commands.run(collaborationAggregate, command, scope);
  }
}
