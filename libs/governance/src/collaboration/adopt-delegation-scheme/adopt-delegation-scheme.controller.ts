import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CommandRoute, type CommandScope, Scope } from '../../command-route.js';
import { occurredAtOr } from '../../http.js';
import { LedgerCommands } from '../../ledger-commands.js';
import { collaborationAggregate } from '../collaboration.aggregate.js';
import { PROPOSE_VARIATION } from '../propose-variation/propose-variation.command.js';
import { VariationProposedResponse } from '../propose-variation/propose-variation.controller.js';
import { delegationSchemeOf } from '../terms.request.js';
import { AdoptDelegationSchemeRequest } from './adopt-delegation-scheme.request.js';

/** A shortcut to a variation that changes one term: a manager proposes, the parties' signatures decide (terms.ts). */
@ApiTags('collaborations')
@Controller('collaborations')
export class AdoptDelegationSchemeController {
  constructor(private readonly commands: LedgerCommands) {}

  @CommandRoute(':collaborationId/delegation-scheme', 'Propose a delegation scheme (what the lead force may decide alone, up to what value, who decides above it) as a variation: it takes effect when every remaining party has signed it (s23C(4))', PROPOSE_VARIATION, VariationProposedResponse)
  async handle(@Body() body: AdoptDelegationSchemeRequest, @Scope() scope: CommandScope): Promise<VariationProposedResponse> {
    const variationId = scope.newId();
    const command = {
      kind: 'ProposeVariation' as const,
      collaborationId: scope.params.collaborationId!,
      variationId,
      summary: 'Adopt a delegation scheme',
      changes: `Delegation scheme: ${body.rules.map((r) => `${r.category} alone up to £${r.leadForceAloneUpToGbp}, above it ${r.aboveLimit}`).join('; ')}`,
      terms: { delegationScheme: delegationSchemeOf(body.rules) },
      occurredAt: occurredAtOr(body.occurredAt, scope.context.receivedAt),
    };
    return { variationId, ...(await this.commands.run(collaborationAggregate, command, scope)) };
  }
}
