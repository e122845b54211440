import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CommandRoute, type CommandScope, Scope } from '../../command-route.js';
import { occurredAtOr } from '../../http.js';
import { collaborationAggregate } from '../collaboration.aggregate.js';
import { LedgerCommands } from '../../ledger-commands.js';
import { RECORD_DIRECTION } from './record-direction.command.js';
import { RecordDirectionRequest } from './record-direction.request.js';

@ApiTags('collaborations')
@Controller('collaborations')
export class RecordDirectionController {
  constructor(private readonly commands: LedgerCommands) {}

  @CommandRoute(':collaborationId/directions', 'Record a Secretary of State direction (Police Act 1996 s23G), such as continuing the collaboration until a date whatever notices say', RECORD_DIRECTION)
  async handle(@Body() body: RecordDirectionRequest, @Scope() scope: CommandScope) {
    const command = {
      kind: 'RecordDirection' as const,
      collaborationId: scope.params.collaborationId!,
      reference: body.reference,
      direction: body.direction,
      continueUntil: body.continueUntil,
      occurredAt: occurredAtOr(body.occurredAt, scope.context.receivedAt),
    };
    return this.commands.run(collaborationAggregate, command, scope);
  }
}
