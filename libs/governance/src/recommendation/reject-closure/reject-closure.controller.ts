import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CommandRoute, type CommandScope, Scope } from '../../command-route.js';
import { occurredAtOr } from '../../http.js';
import { LedgerCommands } from '../../ledger-commands.js';
import { recommendationAggregate } from '../recommendation.aggregate.js';
import { REJECT_CLOSURE } from './reject-closure.command.js';
import { RejectClosureRequest } from './reject-closure.request.js';

@ApiTags('recommendations')
@Controller('recommendations')
export class RejectClosureController {
  constructor(private readonly commands: LedgerCommands) {}

  @CommandRoute(':recommendationId/closure-rejections', 'Reject the proposed closure, with the reason (the scrutiny body)', REJECT_CLOSURE)
  handle(@Body() body: RejectClosureRequest, @Scope() scope: CommandScope) {
    const command = { kind: 'RejectClosure' as const, recommendationId: scope.params.recommendationId!, reason: body.reason, occurredAt: occurredAtOr(body.occurredAt, scope.context.receivedAt) };
    return this.commands.run(recommendationAggregate, command, scope);
  }
}
