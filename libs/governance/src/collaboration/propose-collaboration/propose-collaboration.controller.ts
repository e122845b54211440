import { Body, Controller } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { CommandRoute, type CommandScope, Scope } from '../../command-route.js';
import { CommandAccepted, occurredAtOr } from '../../http.js';
import { collaborationAggregate } from '../collaboration.aggregate.js';
import { LedgerCommands } from '../../ledger-commands.js';
import { PROPOSE_COLLABORATION } from './propose-collaboration.command.js';
import { ProposeCollaborationRequest } from './propose-collaboration.request.js';
import { annualBudgetOf, delegationSchemeOf, publicationOf, riskAppetiteOf } from '../terms.request.js';

export class CollaborationProposedResponse extends CommandAccepted {
  @ApiProperty({ format: 'uuid' })
  collaborationId!: string;
}

@ApiTags('collaborations')
@Controller('collaborations')
export class ProposeCollaborationController {
  constructor(private readonly commands: LedgerCommands) {}

  @CommandRoute('', 'Propose a collaboration agreement with all its terms (a collaboration manager of the lead force); it is made when every party has signed (s22A(3))', PROPOSE_COLLABORATION, CollaborationProposedResponse)
  async handle(@Body() body: ProposeCollaborationRequest, @Scope() scope: CommandScope): Promise<CollaborationProposedResponse> {
    const collaborationId = scope.newId();
    const command = {
      kind: 'ProposeCollaboration' as const,
      collaborationId,
      name: body.name,
      purpose: body.purpose,
      functions: body.functions,
      parties: body.parties,
      leadForce: body.leadForce,
      costSharing: body.costSharing,
      noticePeriodMonths: body.noticePeriodMonths,
      reviewDate: body.reviewDate,
      otherParties: (body.otherParties ?? []).map((p) => ({ partyId: p.partyId, name: p.name, kind: p.kind })),
      delegationScheme: delegationSchemeOf(body.delegationScheme ?? []),
      annualBudget: body.annualBudget ? annualBudgetOf(body.annualBudget) : null,
      riskAppetite: body.riskAppetite ? riskAppetiteOf(body.riskAppetite) : null,
      publication: body.publication ? publicationOf(body.publication) : null,
      occurredAt: occurredAtOr(body.occurredAt, scope.context.receivedAt),
    };
    return { collaborationId, ...(await this.commands.run(collaborationAggregate, command, scope)) };
  }
}
