import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CommandRoute, type CommandScope, Scope } from '../../command-route.js';
import { occurredAtOr } from '../../http.js';
import { LedgerCommands } from '../../ledger-commands.js';
import { recommendationAggregate } from '../recommendation.aggregate.js';
import { REPORT_PROGRESS } from './report-progress.command.js';
import { ReportProgressRequest } from './report-progress.request.js';

@ApiTags('recommendations')
@Controller('recommendations')
export class ReportProgressController {
  constructor(private readonly commands: LedgerCommands) {}

  @CommandRoute(':recommendationId/progress', 'Report progress', REPORT_PROGRESS)
  handle(@Body() body: ReportProgressRequest, @Scope() scope: CommandScope) {
    const command = { kind: 'ReportProgress' as const, recommendationId: scope.params.recommendationId!, note: body.note, occurredAt: occurredAtOr(body.occurredAt, scope.context.receivedAt) };
    return this.commands.run(recommendationAggregate, command, scope);
  }
}
