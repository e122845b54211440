import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CommandRoute, type CommandScope, Scope } from '../../command-route.js';
import { occurredAtOr } from '../../http.js';
import { collaborationAggregate } from '../collaboration.aggregate.js';
import { LedgerCommands } from '../../ledger-commands.js';
import { RESTATE_PURPOSE } from './restate-purpose.command.js';
import { RestatePurposeRequest } from './restate-purpose.request.js';

@ApiTags('collaborations')
@Controller('collaborations')
export class RestatePurposeController {
  constructor(private readonly commands: LedgerCommands) {}

  @CommandRoute(':collaborationId/purpose', 'Restate the collaboration’s purpose; the earlier wording stays on record', RESTATE_PURPOSE)
  async handle(@Body() body: RestatePurposeRequest, @Scope() scope: CommandScope) {
    const command = {
      kind: 'RestatePurpose' as const,
      collaborationId: scope.params.collaborationId!,
      purpose: body.purpose,
      reason: body.reason,
      occurredAt: occurredAtOr(body.occurredAt, scope.context.receivedAt),
    };
    return this.commands.run(collaborationAggregate, command, scope);
  }
}
