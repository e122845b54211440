import { Body, Controller, Headers, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type Action, Authorise, CommandContextOf } from '#identity';
import { type CommandContext } from '#shared-kernel';
import { ETAG_HEADER_DOC, occurredAtOr, PartyRequest, signatoryOf } from '../../http.js';
import { executeCollaborationCommand, partyInBody } from '../collaboration.handler.js';

export const SIGN_VARIATION: Action = { name: 'sign-variation', kind: 'force-act', roles: ['chief-officer', 'policing-body'] };

@ApiTags('collaborations')
@ApiBearerAuth()
@Controller('collaborations')
export class SignVariationController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':collaborationId/variations/:variationId/signatures')
  @ApiOperation({ summary: 'Sign a variation for your force, as its chief officer or policing body; when all have signed it is agreed' })
  @ApiHeader(ETAG_HEADER_DOC)
  @Authorise(SIGN_VARIATION, partyInBody)
  async handle(
    @Param('collaborationId', new ParseUUIDPipe()) collaborationId: string,
    @Param('variationId', new ParseUUIDPipe()) variationId: string,
    @Body() body: PartyRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @CommandContextOf() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const command = {
      kind: 'SignVariation' as const,
      collaborationId,
      variationId,
      party: body.party,
      ...signatoryOf(context),
      occurredAt: occurredAtOr(body.occurredAt, context.receivedAt),
    };
    return executeCollaborationCommand(this.commands, command, context, ifMatch, reply);
  }
}
