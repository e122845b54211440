import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CommandRoute, type CommandScope, Scope } from '../../command-route.js';
import { occurredAtOr } from '../../http.js';
import { RecordPartyWithdrawalRequest } from './record-party-withdrawal.request.js';
import { collaborationAggregate } from '../collaboration.aggregate.js';
import { LedgerCommands } from '../../ledger-commands.js';
import { RECORD_PARTY_WITHDRAWAL } from './record-party-withdrawal.command.js';

@ApiTags('collaborations')
@Controller('collaborations')
export class RecordPartyWithdrawalController {
  constructor(private readonly commands: LedgerCommands) {}

  @CommandRoute(':collaborationId/withdrawals', 'Record that your force has withdrawn, its notice having run; a collaboration left with one party ends', RECORD_PARTY_WITHDRAWAL)
  async handle(@Body() body: RecordPartyWithdrawalRequest, @Scope() scope: CommandScope) {
    const command = {
      kind: 'RecordPartyWithdrawal' as const,
      collaborationId: scope.params.collaborationId!,
      party: body.party,
      occurredAt: occurredAtOr(body.occurredAt, scope.context.receivedAt),
    };
    return this.commands.run(collaborationAggregate, command, scope);
  }
}
