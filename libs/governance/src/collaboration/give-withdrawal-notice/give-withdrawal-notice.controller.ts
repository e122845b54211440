import { Body, Controller, Headers, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type Action, Authorise, CommandContextOf } from '#identity';
import type { CommandContext } from '#shared-kernel';
import { ETAG_HEADER_DOC, occurredAtOr } from '../../http.js';
import { executeCollaborationCommand, partyInBody } from '../collaboration.handler.js';
import { GiveWithdrawalNoticeRequest } from './give-withdrawal-notice.request.js';

export const GIVE_WITHDRAWAL_NOTICE: Action = { name: 'give-withdrawal-notice', kind: 'force-act', roles: ['chief-officer', 'policing-body'] };

@ApiTags('collaborations')
@ApiBearerAuth()
@Controller('collaborations')
export class GiveWithdrawalNoticeController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':collaborationId/withdrawal-notices')
  @ApiOperation({ summary: 'Give notice that your force will withdraw (not shorter than the agreed notice period)' })
  @ApiHeader(ETAG_HEADER_DOC)
  @Authorise(GIVE_WITHDRAWAL_NOTICE, partyInBody)
  async give(
    @Param('collaborationId', new ParseUUIDPipe()) collaborationId: string,
    @Body() body: GiveWithdrawalNoticeRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @CommandContextOf() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const command = {
      kind: 'GiveWithdrawalNotice' as const,
      collaborationId,
      party: body.party,
      role: context.principal.role as 'chief-officer' | 'policing-body',
      reason: body.reason,
      effectiveOn: body.effectiveOn.slice(0, 10),
      occurredAt: occurredAtOr(body.occurredAt, context.receivedAt),
    };
    return executeCollaborationCommand(this.commands, command, context, ifMatch, reply);
  }
}
