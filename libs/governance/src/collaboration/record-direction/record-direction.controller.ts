import { Body, Controller, Headers, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type Action, Authorise, CommandContextOf } from '#identity';
import { type CommandContext } from '#shared-kernel';
import { ETAG_HEADER_DOC, occurredAtOr } from '../../http.js';
import { executeCollaborationCommand, leadForceOfRoute } from '../collaboration.handler.js';
import { RecordDirectionRequest } from './record-direction.request.js';

export const RECORD_DIRECTION: Action = { name: 'record-direction', kind: 'collaboration-work', roles: ['collaboration-manager'] };

@ApiTags('collaborations')
@ApiBearerAuth()
@Controller('collaborations')
export class RecordDirectionController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':collaborationId/directions')
  @ApiOperation({ summary: 'Record a Home Secretary direction (s23FA), such as continuing the collaboration past its termination' })
  @ApiHeader(ETAG_HEADER_DOC)
  @Authorise(RECORD_DIRECTION, leadForceOfRoute)
  async handle(
    @Param('collaborationId', new ParseUUIDPipe()) collaborationId: string,
    @Body() body: RecordDirectionRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @CommandContextOf() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const command = {
      kind: 'RecordDirection' as const,
      collaborationId,
      reference: body.reference,
      direction: body.direction,
      continueUntil: body.continueUntil,
      occurredAt: occurredAtOr(body.occurredAt, context.receivedAt),
    };
    return executeCollaborationCommand(this.commands, command, context, ifMatch, reply);
  }
}
