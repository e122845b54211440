import { Body, Controller } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { CommandRoute, type CommandScope, Scope } from '../../command-route.js';
import { CommandAccepted, occurredAtOr } from '../../http.js';
import { LedgerCommands } from '../../ledger-commands.js';
import { recommendationAggregate } from '../recommendation.aggregate.js';
import { RAISE_RECOMMENDATION } from './raise-recommendation.command.js';
import { RaiseRecommendationRequest } from './raise-recommendation.request.js';

export class RecommendationRaisedResponse extends CommandAccepted {
  @ApiProperty({ format: 'uuid' })
  recommendationId!: string;
}

@ApiTags('recommendations')
@Controller('recommendations')
export class RaiseRecommendationController {
  constructor(private readonly commands: LedgerCommands) {}

  @CommandRoute('', 'Record a recommendation, area for improvement or cause of concern addressed to your force; a registrar records one addressed to a national body (NPCC, College of Policing, Home Office, APCC)', RAISE_RECOMMENDATION, RecommendationRaisedResponse)
  async handle(@Body() body: RaiseRecommendationRequest, @Scope() scope: CommandScope): Promise<RecommendationRaisedResponse> {
    const recommendationId = scope.newId();
    const { occurredAt, kind, owner, ...rest } = body;
    const command = {
      kind: 'RaiseRecommendation' as const,
      recommendationId,
      ...rest,
      recommendationKind: kind,
      owner: { personId: owner.personId, name: owner.name },
      occurredAt: occurredAtOr(occurredAt, scope.context.receivedAt),
    };
    return { recommendationId, ...(await this.commands.run(recommendationAggregate, command, scope)) };
  }
}
