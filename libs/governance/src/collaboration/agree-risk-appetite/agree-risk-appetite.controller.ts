import { Body, Controller, Headers, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type Action, Authorise, CommandContextOf } from '#identity';
import { type CommandContext } from '#shared-kernel';
import { ETAG_HEADER_DOC, occurredAtOr } from '../../http.js';
import { executeCollaborationCommand, leadForceOfRoute } from '../collaboration.handler.js';
import { AgreeRiskAppetiteRequest } from './agree-risk-appetite.request.js';

export const AGREE_RISK_APPETITE: Action = { name: 'agree-collaboration-risk-appetite', kind: 'collaboration-work', roles: ['collaboration-manager'] };

@ApiTags('collaborations')
@ApiBearerAuth()
@Controller('collaborations')
export class AgreeRiskAppetiteController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':collaborationId/risk-appetite')
  @ApiOperation({ summary: 'Record the risk appetite the partners agreed for the collaboration, per category' })
  @ApiHeader(ETAG_HEADER_DOC)
  @Authorise(AGREE_RISK_APPETITE, leadForceOfRoute)
  async handle(
    @Param('collaborationId', new ParseUUIDPipe()) collaborationId: string,
    @Body() body: AgreeRiskAppetiteRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @CommandContextOf() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const command = {
      kind: 'AgreeCollaborationRiskAppetite' as const,
      collaborationId,
      appetite: body.appetite.map((a) => ({ category: a.category, level: a.level })),
      statement: body.statement,
      occurredAt: occurredAtOr(body.occurredAt, context.receivedAt),
    };
    return executeCollaborationCommand(this.commands, command, context, ifMatch, reply);
  }
}
