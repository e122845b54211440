import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CommandRoute, type CommandScope, Scope } from '../../command-route.js';
import { occurredAtOr } from '../../http.js';
import { collaborationAggregate } from '../collaboration.aggregate.js';
import { LedgerCommands } from '../../ledger-commands.js';
import { TERMINATE_COLLABORATION } from './terminate-collaboration.command.js';
import { TerminateCollaborationRequest } from './terminate-collaboration.request.js';

@ApiTags('collaborations')
@Controller('collaborations')
export class TerminateCollaborationController {
  constructor(private readonly commands: LedgerCommands) {}

  @CommandRoute(':collaborationId/termination', 'Record that the end every party agreed by a variation (s23C(5)) has come; refused without one. Afterwards the collaboration can only be read', TERMINATE_COLLABORATION)
  async handle(@Body() body: TerminateCollaborationRequest, @Scope() scope: CommandScope) {
    const command = {
      kind: 'TerminateCollaboration' as const,
      collaborationId: scope.params.collaborationId!,
      reason: body.reason,
      occurredAt: occurredAtOr(body.occurredAt, scope.context.receivedAt),
    };
    return this.commands.run(collaborationAggregate, command, scope);
  }
}
