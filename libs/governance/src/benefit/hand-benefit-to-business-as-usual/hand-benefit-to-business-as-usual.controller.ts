import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CommandRoute, type CommandScope, Scope } from '../../command-route.js';
import { occurredAtOr } from '../../http.js';
import { LedgerCommands } from '../../ledger-commands.js';
import { benefitAggregate } from '../benefit.aggregate.js';
import { HAND_BENEFIT_TO_BUSINESS_AS_USUAL } from './hand-benefit-to-business-as-usual.command.js';
import { HandBenefitToBusinessAsUsualRequest } from './hand-benefit-to-business-as-usual.request.js';

@ApiTags('benefits')
@Controller('benefits')
export class HandBenefitToBusinessAsUsualController {
  constructor(private readonly commands: LedgerCommands) {}

  @CommandRoute(':benefitId/business-as-usual', 'Hand the benefit to business as usual', HAND_BENEFIT_TO_BUSINESS_AS_USUAL)
  handle(@Body() body: HandBenefitToBusinessAsUsualRequest, @Scope() scope: CommandScope) {
    const command = {
      kind: 'HandBenefitToBusinessAsUsual' as const,
      benefitId: scope.params.benefitId!,
      owner: { personId: body.owner.personId, name: body.owner.name },
      note: body.note,
      occurredAt: occurredAtOr(body.occurredAt, scope.context.receivedAt),
    };
    return this.commands.run(benefitAggregate, command, scope);
  }
}
