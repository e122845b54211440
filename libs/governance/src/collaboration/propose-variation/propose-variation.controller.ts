import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { newId } from '#shared-kernel';
import { CommandRoute, type CommandScope, Scope } from '../../command-route.js';
import { occurredAtOr } from '../../http.js';
import { collaborationAggregate } from '../collaboration.aggregate.js';
import { LedgerCommands } from '../../ledger-commands.js';
import { PROPOSE_VARIATION } from './propose-variation.command.js';
import { ProposeVariationRequest } from './propose-variation.request.js';

@ApiTags('collaborations')
@Controller('collaborations')
export class ProposeVariationController {
  constructor(private readonly commands: LedgerCommands) {}

  @CommandRoute(':collaborationId/variations', 'Propose a variation of the agreement in force (s23C); every remaining party then signs it', PROPOSE_VARIATION)
  async handle(@Body() body: ProposeVariationRequest, @Scope() scope: CommandScope) {
    const variationId = newId();
    const command = {
      kind: 'ProposeVariation' as const,
      collaborationId: scope.params.collaborationId!,
      variationId,
      summary: body.summary,
      changes: body.changes,
      occurredAt: occurredAtOr(body.occurredAt, scope.context.receivedAt),
    };
    return { variationId, ...(await this.commands.run(collaborationAggregate, command, scope)) };
  }
}
