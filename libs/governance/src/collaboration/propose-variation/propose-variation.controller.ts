import { Body, Controller } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { CommandRoute, type CommandScope, Scope } from '../../command-route.js';
import { CommandAccepted, occurredAtOr } from '../../http.js';
import { collaborationAggregate } from '../collaboration.aggregate.js';
import { LedgerCommands } from '../../ledger-commands.js';
import { PROPOSE_VARIATION } from './propose-variation.command.js';
import { ProposeVariationRequest } from './propose-variation.request.js';
import { termsChangeOf } from '../terms.request.js';

export class VariationProposedResponse extends CommandAccepted {
  @ApiProperty({ format: 'uuid', description: 'Sign it at /collaborations/{collaborationId}/variations/{variationId}/signatures' })
  variationId!: string;
}

@ApiTags('collaborations')
@Controller('collaborations')
export class ProposeVariationController {
  constructor(private readonly commands: LedgerCommands) {}

  @CommandRoute(':collaborationId/variations', 'Propose a variation of the agreement in force: new terms, or an agreed end (s23C(4), (5)); it takes effect when every remaining party has signed it', PROPOSE_VARIATION, VariationProposedResponse)
  async handle(@Body() body: ProposeVariationRequest, @Scope() scope: CommandScope): Promise<VariationProposedResponse> {
    const variationId = scope.newId();
    const command = {
      kind: 'ProposeVariation' as const,
      collaborationId: scope.params.collaborationId!,
      variationId,
      summary: body.summary,
      changes: body.changes,
      terms: termsChangeOf(body.terms),
      occurredAt: occurredAtOr(body.occurredAt, scope.context.receivedAt),
    };
    return { variationId, ...(await this.commands.run(collaborationAggregate, command, scope)) };
  }
}
