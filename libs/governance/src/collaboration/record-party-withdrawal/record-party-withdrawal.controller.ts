import { Body, Controller, Headers, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type Action, Authorise, CommandContextOf } from '#identity';
import { type CommandContext } from '#shared-kernel';
import { ETAG_HEADER_DOC, occurredAtOr, PartyRequest } from '../../http.js';
import { executeCollaborationCommand, partyInBody } from '../collaboration.handler.js';

export const RECORD_PARTY_WITHDRAWAL: Action = { name: 'record-party-withdrawal', kind: 'force-act', roles: ['chief-officer', 'policing-body'] };

@ApiTags('collaborations')
@ApiBearerAuth()
@Controller('collaborations')
export class RecordPartyWithdrawalController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':collaborationId/withdrawals')
  @ApiOperation({ summary: 'Record that your force has withdrawn, its notice having run; a collaboration left with one party ends' })
  @ApiHeader(ETAG_HEADER_DOC)
  @Authorise(RECORD_PARTY_WITHDRAWAL, partyInBody)
  async handle(
    @Param('collaborationId', new ParseUUIDPipe()) collaborationId: string,
    @Body() body: PartyRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @CommandContextOf() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const command = {
      kind: 'RecordPartyWithdrawal' as const,
      collaborationId,
      party: body.party,
      occurredAt: occurredAtOr(body.occurredAt, context.receivedAt),
    };
    return executeCollaborationCommand(this.commands, command, context, ifMatch, reply);
  }
}
