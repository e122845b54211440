import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CommandRoute, type CommandScope, Scope } from '../../command-route.js';
import { occurredAtOr } from '../../http.js';
import { LedgerCommands } from '../../ledger-commands.js';
import { collaborationAggregate } from '../collaboration.aggregate.js';
import { PROPOSE_VARIATION } from '../propose-variation/propose-variation.command.js';
import { VariationProposedResponse } from '../propose-variation/propose-variation.controller.js';
import { ChangeLeadForceRequest } from './change-lead-force.request.js';

/** A shortcut to a variation that changes one term: a manager proposes, the parties' signatures decide (terms.ts). */
@ApiTags('collaborations')
@Controller('collaborations')
export class ChangeLeadForceController {
  constructor(private readonly commands: LedgerCommands) {}

  @CommandRoute(':collaborationId/lead-force', 'Propose that another remaining party lead the collaboration, as a variation: it takes effect when every remaining party has signed it; decisions and benefits move with it from that date', PROPOSE_VARIATION, VariationProposedResponse)
  async handle(@Body() body: ChangeLeadForceRequest, @Scope() scope: CommandScope): Promise<VariationProposedResponse> {
    const variationId = scope.newId();
    const command = {
      kind: 'ProposeVariation' as const,
      collaborationId: scope.params.collaborationId!,
      variationId,
      summary: `Lead force to ${body.to}`,
      changes: body.reason,
      terms: { leadForce: body.to },
      occurredAt: occurredAtOr(body.occurredAt, scope.context.receivedAt),
    };
    return { variationId, ...(await this.commands.run(collaborationAggregate, command, scope)) };
  }
}
