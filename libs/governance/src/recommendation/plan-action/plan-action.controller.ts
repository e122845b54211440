import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CommandRoute, type CommandScope, Scope } from '../../command-route.js';
import { occurredAtOr } from '../../http.js';
import { LedgerCommands } from '../../ledger-commands.js';
import { recommendationAggregate } from '../recommendation.aggregate.js';
import { PLAN_ACTION } from './plan-action.command.js';
import { PlanActionRequest } from './plan-action.request.js';

@ApiTags('recommendations')
@Controller('recommendations')
export class PlanActionController {
  constructor(private readonly commands: LedgerCommands) {}

  @CommandRoute(':recommendationId/actions', 'Plan an action', PLAN_ACTION)
  handle(@Body() body: PlanActionRequest, @Scope() scope: CommandScope) {
    const command = { kind: 'PlanAction' as const, recommendationId: scope.params.recommendationId!, action: body.action, owner: { personId: body.owner.personId, name: body.owner.name }, dueDate: body.dueDate, occurredAt: occurredAtOr(body.occurredAt, scope.context.receivedAt) };
    return this.commands.run(recommendationAggregate, command, scope);
  }
}
