import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Action } from '#identity';
import { CommandRoute, type CommandScope, Scope } from '../../command-route.js';
import { occurredAtOr } from '../../http.js';
import { executeCollaborationCommand, partyInBody } from '../collaboration.handler.js';
import { RescindWithdrawalNoticeRequest } from './rescind-withdrawal-notice.request.js';

export const RESCIND_WITHDRAWAL_NOTICE: Action = { name: 'rescind-withdrawal-notice', kind: 'force-act', roles: ['chief-officer', 'policing-body'] };

@ApiTags('collaborations')
@Controller('collaborations')
export class RescindWithdrawalNoticeController {
  constructor(private readonly commands: CommandBus) {}

  @CommandRoute(':collaborationId/withdrawal-notice-rescissions', 'Rescind your force’s notice of withdrawal', RESCIND_WITHDRAWAL_NOTICE, partyInBody)
  async handle(@Body() body: RescindWithdrawalNoticeRequest, @Scope() scope: CommandScope) {
    const command = {
      kind: 'RescindWithdrawalNotice' as const,
      collaborationId: scope.params.collaborationId!,
      party: body.party,
      reason: body.reason,
      occurredAt: occurredAtOr(body.occurredAt, scope.context.receivedAt),
    };
    return executeCollaborationCommand(this.commands, command, scope);
  }
}
