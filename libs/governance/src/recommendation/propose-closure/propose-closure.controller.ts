import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CommandRoute, type CommandScope, Scope } from '../../command-route.js';
import { occurredAtOr } from '../../http.js';
import { LedgerCommands } from '../../ledger-commands.js';
import { recommendationAggregate } from '../recommendation.aggregate.js';
import { PROPOSE_CLOSURE } from './propose-closure.command.js';
import { ProposeClosureRequest } from './propose-closure.request.js';

@ApiTags('recommendations')
@Controller('recommendations')
export class ProposeClosureController {
  constructor(private readonly commands: LedgerCommands) {}

  @CommandRoute(':recommendationId/closure-proposals', 'Propose closure, with evidence submitted', PROPOSE_CLOSURE)
  handle(@Body() body: ProposeClosureRequest, @Scope() scope: CommandScope) {
    const command = { kind: 'ProposeClosure' as const, recommendationId: scope.params.recommendationId!, note: body.note, occurredAt: occurredAtOr(body.occurredAt, scope.context.receivedAt) };
    return this.commands.run(recommendationAggregate, command, scope);
  }
}
