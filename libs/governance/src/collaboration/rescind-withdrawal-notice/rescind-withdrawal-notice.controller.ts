import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CommandRoute, type CommandScope, Scope } from '../../command-route.js';
import { occurredAtOr } from '../../http.js';
import { collaborationAggregate } from '../collaboration.aggregate.js';
import { LedgerCommands } from '../../ledger-commands.js';
import { RESCIND_WITHDRAWAL_NOTICE } from './rescind-withdrawal-notice.command.js';
import { RescindWithdrawalNoticeRequest } from './rescind-withdrawal-notice.request.js';

@ApiTags('collaborations')
@Controller('collaborations')
export class RescindWithdrawalNoticeController {
  constructor(private readonly commands: LedgerCommands) {}

  @CommandRoute(':collaborationId/withdrawal-notice-rescissions', 'Rescind your force’s notice of withdrawal', RESCIND_WITHDRAWAL_NOTICE)
  async handle(@Body() body: RescindWithdrawalNoticeRequest, @Scope() scope: CommandScope) {
    const command = {
      kind: 'RescindWithdrawalNotice' as const,
      collaborationId: scope.params.collaborationId!,
      party: body.party,
      reason: body.reason,
      occurredAt: occurredAtOr(body.occurredAt, scope.context.receivedAt),
    };
    return this.commands.run(collaborationAggregate, command, scope);
  }
}
