import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CommandRoute, type CommandScope, Scope } from '../../command-route.js';
import { occurredAtOr } from '../../http.js';
import { collaborationAggregate } from '../collaboration.aggregate.js';
import { LedgerCommands } from '../../ledger-commands.js';
import { CHANGE_LEAD_FORCE } from './change-lead-force.command.js';
import { ChangeLeadForceRequest } from './change-lead-force.request.js';

@ApiTags('collaborations')
@Controller('collaborations')
export class ChangeLeadForceController {
  constructor(private readonly commands: LedgerCommands) {}

  @CommandRoute(':collaborationId/lead-force', 'Record that another party now leads the collaboration', CHANGE_LEAD_FORCE)
  async handle(@Body() body: ChangeLeadForceRequest, @Scope() scope: CommandScope) {
    const command = {
      kind: 'ChangeLeadForce' as const,
      collaborationId: scope.params.collaborationId!,
      to: body.to,
      reason: body.reason,
      occurredAt: occurredAtOr(body.occurredAt, scope.context.receivedAt),
    };
    return this.commands.run(collaborationAggregate, command, scope);
  }
}
