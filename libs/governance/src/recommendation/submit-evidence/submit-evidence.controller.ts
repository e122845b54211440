import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CommandRoute, type CommandScope, Scope } from '../../command-route.js';
import { occurredAtOr } from '../../http.js';
import { LedgerCommands } from '../../ledger-commands.js';
import { recommendationAggregate } from '../recommendation.aggregate.js';
import { SUBMIT_EVIDENCE } from './submit-evidence.command.js';
import { SubmitEvidenceRequest } from './submit-evidence.request.js';

@ApiTags('recommendations')
@Controller('recommendations')
export class SubmitEvidenceController {
  constructor(private readonly commands: LedgerCommands) {}

  @CommandRoute(':recommendationId/evidence', 'Submit evidence', SUBMIT_EVIDENCE)
  handle(@Body() body: SubmitEvidenceRequest, @Scope() scope: CommandScope) {
    const command = { kind: 'SubmitEvidence' as const, recommendationId: scope.params.recommendationId!, reference: body.reference, description: body.description, occurredAt: occurredAtOr(body.occurredAt, scope.context.receivedAt) };
    return this.commands.run(recommendationAggregate, command, scope);
  }
}
