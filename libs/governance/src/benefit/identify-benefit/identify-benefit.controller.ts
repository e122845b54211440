import { Body, Controller } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { CommandRoute, type CommandScope, Scope } from '../../command-route.js';
import { CommandAccepted, occurredAtOr } from '../../http.js';
import { LedgerCommands } from '../../ledger-commands.js';
import { benefitAggregate } from '../benefit.aggregate.js';
import { IDENTIFY_BENEFIT } from './identify-benefit.command.js';
import { IdentifyBenefitRequest } from './identify-benefit.request.js';

export class BenefitIdentifiedResponse extends CommandAccepted {
  @ApiProperty({ format: 'uuid' })
  benefitId!: string;
}

@ApiTags('benefits')
@Controller('benefits')
export class IdentifyBenefitController {
  constructor(private readonly commands: LedgerCommands) {}

  @CommandRoute('', 'Identify a benefit: category, measure, baseline, target, owner and each force’s share', IDENTIFY_BENEFIT, BenefitIdentifiedResponse)
  async handle(@Body() body: IdentifyBenefitRequest, @Scope() scope: CommandScope): Promise<BenefitIdentifiedResponse> {
    const benefitId = scope.newId();
    const { occurredAt, owner, sharePerForce, measureKind, ...profile } = body;
    const command = {
      kind: 'IdentifyBenefit' as const,
      benefitId,
      ...profile,
      measureKind: measureKind ?? 'per-period',
      owner: { personId: owner.personId, name: owner.name },
      sharePerForce: sharePerForce.map((s) => ({ party: s.party, percent: s.percent })),
      occurredAt: occurredAtOr(occurredAt, scope.context.receivedAt),
    };
    return { benefitId, ...(await this.commands.run(benefitAggregate, command, scope)) };
  }
}
