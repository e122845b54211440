import { Body, Controller, Headers, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type Action, Authorise, CommandContextOf } from '#identity';
import { type CommandContext } from '#shared-kernel';
import { ETAG_HEADER_DOC, occurredAtOr } from '../../http.js';
import { executeCollaborationCommand, leadForceOfRoute } from '../collaboration.handler.js';
import { TerminateCollaborationRequest } from './terminate-collaboration.request.js';

export const TERMINATE_COLLABORATION: Action = { name: 'terminate-collaboration', kind: 'collaboration-work', roles: ['collaboration-manager'] };

@ApiTags('collaborations')
@ApiBearerAuth()
@Controller('collaborations')
export class TerminateCollaborationController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':collaborationId/termination')
  @ApiOperation({ summary: 'Record the termination the parties agreed; afterwards the collaboration can only be read' })
  @ApiHeader(ETAG_HEADER_DOC)
  @Authorise(TERMINATE_COLLABORATION, leadForceOfRoute)
  async handle(
    @Param('collaborationId', new ParseUUIDPipe()) collaborationId: string,
    @Body() body: TerminateCollaborationRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @CommandContextOf() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const command = {
      kind: 'TerminateCollaboration' as const,
      collaborationId,
      reason: body.reason,
      occurredAt: occurredAtOr(body.occurredAt, context.receivedAt),
    };
    return executeCollaborationCommand(this.commands, command, context, ifMatch, reply);
  }
}
