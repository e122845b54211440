import { Body, Controller, Headers, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type Action, Authorise, CommandContextOf } from '#identity';
import { type CommandContext } from '#shared-kernel';
import { ETAG_HEADER_DOC, occurredAtOr } from '../../http.js';
import { executeCollaborationCommand, partyInBody } from '../collaboration.handler.js';
import { RescindWithdrawalNoticeRequest } from './rescind-withdrawal-notice.request.js';

export const RESCIND_WITHDRAWAL_NOTICE: Action = { name: 'rescind-withdrawal-notice', kind: 'force-act', roles: ['chief-officer', 'policing-body'] };

@ApiTags('collaborations')
@ApiBearerAuth()
@Controller('collaborations')
export class RescindWithdrawalNoticeController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':collaborationId/withdrawal-notice-rescissions')
  @ApiOperation({ summary: 'Rescind your force’s notice of withdrawal' })
  @ApiHeader(ETAG_HEADER_DOC)
  @Authorise(RESCIND_WITHDRAWAL_NOTICE, partyInBody)
  async handle(
    @Param('collaborationId', new ParseUUIDPipe()) collaborationId: string,
    @Body() body: RescindWithdrawalNoticeRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @CommandContextOf() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const command = {
      kind: 'RescindWithdrawalNotice' as const,
      collaborationId,
      party: body.party,
      reason: body.reason,
      occurredAt: occurredAtOr(body.occurredAt, context.receivedAt),
    };
    return executeCollaborationCommand(this.commands, command, context, ifMatch, reply);
  }
}
