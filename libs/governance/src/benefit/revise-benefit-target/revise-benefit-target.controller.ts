import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CommandRoute, type CommandScope, Scope } from '../../command-route.js';
import { occurredAtOr } from '../../http.js';
import { LedgerCommands } from '../../ledger-commands.js';
import { benefitAggregate } from '../benefit.aggregate.js';
import { REVISE_BENEFIT_TARGET } from './revise-benefit-target.command.js';
import { ReviseBenefitTargetRequest } from './revise-benefit-target.request.js';

@ApiTags('benefits')
@Controller('benefits')
export class ReviseBenefitTargetController {
  constructor(private readonly commands: LedgerCommands) {}

  @CommandRoute(':benefitId/target-revisions', 'Revise the target; the original stays visible', REVISE_BENEFIT_TARGET)
  handle(@Body() body: ReviseBenefitTargetRequest, @Scope() scope: CommandScope) {
    const { occurredAt, ...revision } = body;
    const command = { kind: 'ReviseBenefitTarget' as const, benefitId: scope.params.benefitId!, ...revision, occurredAt: occurredAtOr(occurredAt, scope.context.receivedAt) };
    return this.commands.run(benefitAggregate, command, scope);
  }
}
