import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CommandRoute, type CommandScope, Scope } from '../../command-route.js';
import { occurredAtOr, signatoryOf } from '../../http.js';
import { collaborationAggregate } from '../collaboration.aggregate.js';
import { LedgerCommands } from '../../ledger-commands.js';
import { GIVE_WITHDRAWAL_NOTICE } from './give-withdrawal-notice.command.js';
import { GiveWithdrawalNoticeRequest } from './give-withdrawal-notice.request.js';

@ApiTags('collaborations')
@Controller('collaborations')
export class GiveWithdrawalNoticeController {
  constructor(private readonly commands: LedgerCommands) {}

  @CommandRoute(':collaborationId/withdrawal-notices', 'Give notice that your force will withdraw (not shorter than the agreed notice period)', GIVE_WITHDRAWAL_NOTICE)
  async handle(@Body() body: GiveWithdrawalNoticeRequest, @Scope() scope: CommandScope) {
    const command = {
      kind: 'GiveWithdrawalNotice' as const,
      collaborationId: scope.params.collaborationId!,
      party: body.party,
      role: signatoryOf(scope.context).role,
      reason: body.reason,
      effectiveOn: body.effectiveOn.slice(0, 10),
      occurredAt: occurredAtOr(body.occurredAt, scope.context.receivedAt),
    };
    return this.commands.run(collaborationAggregate, command, scope);
  }
}
