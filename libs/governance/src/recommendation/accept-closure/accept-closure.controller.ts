import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CommandRoute, type CommandScope, Scope } from '../../command-route.js';
import { occurredAtOr } from '../../http.js';
import { LedgerCommands } from '../../ledger-commands.js';
import { recommendationAggregate } from '../recommendation.aggregate.js';
import { ACCEPT_CLOSURE } from './accept-closure.command.js';
import { AcceptClosureRequest } from './accept-closure.request.js';

@ApiTags('recommendations')
@Controller('recommendations')
export class AcceptClosureController {
  constructor(private readonly commands: LedgerCommands) {}

  @CommandRoute(':recommendationId/closure-acceptances', 'Accept the proposed closure (the scrutiny body: the force’s policing body)', ACCEPT_CLOSURE)
  handle(@Body() body: AcceptClosureRequest, @Scope() scope: CommandScope) {
    const command = { kind: 'AcceptClosure' as const, recommendationId: scope.params.recommendationId!, note: body.note, occurredAt: occurredAtOr(body.occurredAt, scope.context.receivedAt) };
    return this.commands.run(recommendationAggregate, command, scope);
  }
}
