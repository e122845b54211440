import { Body, Controller, Headers, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type Action, Authorise, CommandContextOf } from '#identity';
import { type CommandContext } from '#shared-kernel';
import { ETAG_HEADER_DOC, occurredAtOr } from '../../http.js';
import { executeCollaborationCommand, leadForceOfRoute } from '../collaboration.handler.js';
import { ChangeLeadForceRequest } from './change-lead-force.request.js';

export const CHANGE_LEAD_FORCE: Action = { name: 'change-lead-force', kind: 'collaboration-work', roles: ['collaboration-manager'] };

@ApiTags('collaborations')
@ApiBearerAuth()
@Controller('collaborations')
export class ChangeLeadForceController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':collaborationId/lead-force')
  @ApiOperation({ summary: 'Record that another party now leads the collaboration' })
  @ApiHeader(ETAG_HEADER_DOC)
  @Authorise(CHANGE_LEAD_FORCE, leadForceOfRoute)
  async handle(
    @Param('collaborationId', new ParseUUIDPipe()) collaborationId: string,
    @Body() body: ChangeLeadForceRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @CommandContextOf() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const command = {
      kind: 'ChangeLeadForce' as const,
      collaborationId,
      to: body.to,
      reason: body.reason,
      occurredAt: occurredAtOr(body.occurredAt, context.receivedAt),
    };
    return executeCollaborationCommand(this.commands, command, context, ifMatch, reply);
  }
}
