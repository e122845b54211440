import { Body, Controller } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { CommandRoute, type CommandScope, Scope } from '../../command-route.js';
import { CommandAccepted, occurredAtOr } from '../../http.js';
import { collaborationAggregate } from '../collaboration.aggregate.js';
import { LedgerCommands } from '../../ledger-commands.js';
import { PROPOSE_VARIATION } from './propose-variation.command.js';
import { ProposeVariationRequest } from './propose-variation.request.js';

export class VariationProposedResponse extends CommandAccepted {
  @ApiProperty({ format: 'uuid', description: 'Sign it at /collaborations/{collaborationId}/variations/{variationId}/signatures' })
  variationId!: string;
}

@ApiTags('collaborations')
@Controller('collaborations')
export class ProposeVariationController {
  constructor(private readonly commands: LedgerCommands) {}

  @CommandRoute(':collaborationId/variations', 'Propose a variation of the agreement in force (s23C); every remaining party then signs it', PROPOSE_VARIATION, VariationProposedResponse)
  async handle(@Body() body: ProposeVariationRequest, @Scope() scope: CommandScope): Promise<VariationProposedResponse> {
    const variationId = scope.newId();
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
