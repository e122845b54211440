import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CommandRoute, type CommandScope, Scope } from '../../command-route.js';
import { occurredAtOr } from '../../http.js';
import { LedgerCommands } from '../../ledger-commands.js';
import { benefitAggregate } from '../benefit.aggregate.js';
import { APPROVE_BENEFIT_PROFILE } from './approve-benefit-profile.command.js';
import { ApproveBenefitProfileRequest } from './approve-benefit-profile.request.js';

@ApiTags('benefits')
@Controller('benefits')
export class ApproveBenefitProfileController {
  constructor(private readonly commands: LedgerCommands) {}

  @CommandRoute(':benefitId/profile-approval', 'Approve the benefit profile (the lead force’s chief officer)', APPROVE_BENEFIT_PROFILE)
  handle(@Body() body: ApproveBenefitProfileRequest, @Scope() scope: CommandScope) {
    const command = { kind: 'ApproveBenefitProfile' as const, benefitId: scope.params.benefitId!, occurredAt: occurredAtOr(body.occurredAt, scope.context.receivedAt) };
    return this.commands.run(benefitAggregate, command, scope);
  }
}
