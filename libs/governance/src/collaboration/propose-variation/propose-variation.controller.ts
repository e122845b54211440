import { Body, Controller, Headers, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type Action, Authorise, CommandContextOf } from '#identity';
import { type CommandContext, newId } from '#shared-kernel';
import { ETAG_HEADER_DOC, occurredAtOr } from '../../http.js';
import { executeCollaborationCommand, leadForceOfRoute } from '../collaboration.handler.js';
import { ProposeVariationRequest } from './propose-variation.request.js';

export const PROPOSE_VARIATION: Action = { name: 'propose-variation', kind: 'collaboration-work', roles: ['collaboration-manager'] };

@ApiTags('collaborations')
@ApiBearerAuth()
@Controller('collaborations')
export class ProposeVariationController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':collaborationId/variations')
  @ApiOperation({ summary: 'Propose a variation of the agreement in force (s23C); every remaining party then signs it' })
  @ApiHeader(ETAG_HEADER_DOC)
  @Authorise(PROPOSE_VARIATION, leadForceOfRoute)
  async handle(
    @Param('collaborationId', new ParseUUIDPipe()) collaborationId: string,
    @Body() body: ProposeVariationRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @CommandContextOf() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const variationId = newId();
    const command = {
      kind: 'ProposeVariation' as const,
      collaborationId,
      variationId,
      summary: body.summary,
      changes: body.changes,
      occurredAt: occurredAtOr(body.occurredAt, context.receivedAt),
    };
    return { variationId, ...(await executeCollaborationCommand(this.commands, command, context, ifMatch, reply)) };
  }
}
