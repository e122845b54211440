import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Action } from '#identity';
import { CommandRoute, type CommandScope, Scope } from '../../command-route.js';
import { occurredAtOr, signatoryOf } from '../../http.js';
import { executeCollaborationCommand, partyInBody } from '../collaboration.handler.js';
import { GiveWithdrawalNoticeRequest } from './give-withdrawal-notice.request.js';

export const GIVE_WITHDRAWAL_NOTICE: Action = { name: 'give-withdrawal-notice', kind: 'force-act', roles: ['chief-officer', 'policing-body'] };

@ApiTags('collaborations')
@Controller('collaborations')
export class GiveWithdrawalNoticeController {
  constructor(private readonly commands: CommandBus) {}

  @CommandRoute(':collaborationId/withdrawal-notices', 'Give notice that your force will withdraw (not shorter than the agreed notice period)', GIVE_WITHDRAWAL_NOTICE, partyInBody)
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
    return executeCollaborationCommand(this.commands, command, scope);
  }
}
