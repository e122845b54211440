import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CommandRoute, type CommandScope, Scope } from '../../command-route.js';
import { occurredAtOr } from '../../http.js';
import { LedgerCommands } from '../../ledger-commands.js';
import { collaborationAggregate } from '../collaboration.aggregate.js';
import { PROPOSE_VARIATION } from '../propose-variation/propose-variation.command.js';
import { VariationProposedResponse } from '../propose-variation/propose-variation.controller.js';
import { publicationOf } from '../terms.request.js';
import { PublishAgreementRequest } from './publish-agreement.request.js';

/** A shortcut to a variation that changes one term: a manager proposes, the parties' signatures decide (terms.ts). */
@ApiTags('collaborations')
@Controller('collaborations')
export class PublishAgreementController {
  constructor(private readonly commands: LedgerCommands) {}

  @CommandRoute(':collaborationId/publication', 'Propose how the agreement is published (s23E: in full, redacted or by title only), as a variation: it takes effect when every remaining party has signed it', PROPOSE_VARIATION, VariationProposedResponse)
  async handle(@Body() body: PublishAgreementRequest, @Scope() scope: CommandScope): Promise<VariationProposedResponse> {
    const variationId = scope.newId();
    const command = {
      kind: 'ProposeVariation' as const,
      collaborationId: scope.params.collaborationId!,
      variationId,
      summary: `Publish the agreement: ${body.level}`,
      changes: body.reason ?? `Published ${body.level}`,
      terms: { publication: publicationOf(body) },
      occurredAt: occurredAtOr(body.occurredAt, scope.context.receivedAt),
    };
    return { variationId, ...(await this.commands.run(collaborationAggregate, command, scope)) };
  }
}
