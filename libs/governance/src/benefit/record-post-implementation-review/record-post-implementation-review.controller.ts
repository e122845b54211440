import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CommandRoute, type CommandScope, Scope } from '../../command-route.js';
import { occurredAtOr } from '../../http.js';
import { LedgerCommands } from '../../ledger-commands.js';
import { benefitAggregate } from '../benefit.aggregate.js';
import { RECORD_POST_IMPLEMENTATION_REVIEW } from './record-post-implementation-review.command.js';
import { RecordPostImplementationReviewRequest } from './record-post-implementation-review.request.js';

@ApiTags('benefits')
@Controller('benefits')
export class RecordPostImplementationReviewController {
  constructor(private readonly commands: LedgerCommands) {}

  @CommandRoute(':benefitId/post-implementation-reviews', 'Record a post-implementation review', RECORD_POST_IMPLEMENTATION_REVIEW)
  handle(@Body() body: RecordPostImplementationReviewRequest, @Scope() scope: CommandScope) {
    const command = { kind: 'RecordPostImplementationReview' as const, benefitId: scope.params.benefitId!, findings: body.findings, occurredAt: occurredAtOr(body.occurredAt, scope.context.receivedAt) };
    return this.commands.run(benefitAggregate, command, scope);
  }
}
