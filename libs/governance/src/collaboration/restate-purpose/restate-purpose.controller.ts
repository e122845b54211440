import { Body, Controller, Headers, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type Action, Authorise, CommandContextOf } from '#identity';
import { type CommandContext } from '#shared-kernel';
import { ETAG_HEADER_DOC, occurredAtOr } from '../../http.js';
import { executeCollaborationCommand, leadForceOfRoute } from '../collaboration.handler.js';
import { RestatePurposeRequest } from './restate-purpose.request.js';

export const RESTATE_PURPOSE: Action = { name: 'restate-purpose', kind: 'collaboration-work', roles: ['collaboration-manager'] };

@ApiTags('collaborations')
@ApiBearerAuth()
@Controller('collaborations')
export class RestatePurposeController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':collaborationId/purpose')
  @ApiOperation({ summary: 'Restate the collaboration’s purpose; the earlier wording stays on record (collaboration manager of the lead force)' })
  @ApiHeader(ETAG_HEADER_DOC)
  @Authorise(RESTATE_PURPOSE, leadForceOfRoute)
  async handle(
    @Param('collaborationId', new ParseUUIDPipe()) collaborationId: string,
    @Body() body: RestatePurposeRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @CommandContextOf() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const command = {
      kind: 'RestatePurpose' as const,
      collaborationId,
      purpose: body.purpose,
      reason: body.reason,
      occurredAt: occurredAtOr(body.occurredAt, context.receivedAt),
    };
    return executeCollaborationCommand(this.commands, command, context, ifMatch, reply);
  }
}
