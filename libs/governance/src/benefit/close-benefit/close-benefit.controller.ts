import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CommandRoute, type CommandScope, Scope } from '../../command-route.js';
import { occurredAtOr } from '../../http.js';
import { LedgerCommands } from '../../ledger-commands.js';
import { benefitAggregate } from '../benefit.aggregate.js';
import { CLOSE_BENEFIT } from './close-benefit.command.js';
import { CloseBenefitRequest } from './close-benefit.request.js';

@ApiTags('benefits')
@Controller('benefits')
export class CloseBenefitController {
  constructor(private readonly commands: LedgerCommands) {}

  @CommandRoute(':benefitId/closure', 'Close the benefit: realised, partly realised or not realised', CLOSE_BENEFIT)
  handle(@Body() body: CloseBenefitRequest, @Scope() scope: CommandScope) {
    const command = { kind: 'CloseBenefit' as const, benefitId: scope.params.benefitId!, outcome: body.outcome, note: body.note, occurredAt: occurredAtOr(body.occurredAt, scope.context.receivedAt) };
    return this.commands.run(benefitAggregate, command, scope);
  }
}
