import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CommandRoute, type CommandScope, Scope } from '../../command-route.js';
import { occurredAtOr } from '../../http.js';
import { LedgerCommands } from '../../ledger-commands.js';
import { benefitAggregate } from '../benefit.aggregate.js';
import { RECORD_BENEFIT_MEASUREMENT } from './record-benefit-measurement.command.js';
import { RecordBenefitMeasurementRequest } from './record-benefit-measurement.request.js';

@ApiTags('benefits')
@Controller('benefits')
export class RecordBenefitMeasurementController {
  constructor(private readonly commands: LedgerCommands) {}

  @CommandRoute(':benefitId/measurements', 'Record the measurement for a month; a second figure for the same month needs a correctionReason and keeps the first', RECORD_BENEFIT_MEASUREMENT)
  handle(@Body() body: RecordBenefitMeasurementRequest, @Scope() scope: CommandScope) {
    const { occurredAt, ...measurement } = body;
    const command = { kind: 'RecordBenefitMeasurement' as const, benefitId: scope.params.benefitId!, ...measurement, occurredAt: occurredAtOr(occurredAt, scope.context.receivedAt) };
    return this.commands.run(benefitAggregate, command, scope);
  }
}
