import { Body, Controller, Headers, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type Action, Authorise, CommandContextOf } from '#identity';
import type { CommandContext } from '#shared-kernel';
import { ETAG_HEADER_DOC, PartyRequest, occurredAtOr, signatoryOf } from '../../http.js';
import { executeCollaborationCommand, partyInBody } from '../collaboration.handler.js';

export const SIGN_AGREEMENT: Action = { name: 'sign-agreement', kind: 'force-act', roles: ['chief-officer', 'policing-body'] };

@ApiTags('collaborations')
@ApiBearerAuth()
@Controller('collaborations')
export class SignAgreementController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':collaborationId/signatures')
  @ApiOperation({
    summary: 'Sign the agreement for your force, as its chief officer or policing body',
    description: 'You must have held the office on the signature’s date. When every party’s chief officer and policing body have signed, AgreementCameIntoForce is recorded too.',
  })
  @ApiHeader(ETAG_HEADER_DOC)
  @Authorise(SIGN_AGREEMENT, partyInBody)
  async sign(
    @Param('collaborationId', new ParseUUIDPipe()) collaborationId: string,
    @Body() body: PartyRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @CommandContextOf() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const command = { kind: 'SignAgreement' as const, collaborationId, party: body.party, ...signatoryOf(context), occurredAt: occurredAtOr(body.occurredAt, context.receivedAt) };
    return executeCollaborationCommand(this.commands, command, context, ifMatch, reply);
  }
}
