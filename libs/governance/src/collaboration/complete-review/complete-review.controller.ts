import { Body, Controller, Headers, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type Action, Authorise, CommandContextOf } from '#identity';
import { type CommandContext } from '#shared-kernel';
import { ETAG_HEADER_DOC, occurredAtOr } from '../../http.js';
import { executeCollaborationCommand, leadForceOfRoute } from '../collaboration.handler.js';
import { CompleteReviewRequest } from './complete-review.request.js';

export const COMPLETE_REVIEW: Action = { name: 'complete-review', kind: 'collaboration-work', roles: ['collaboration-manager'] };

@ApiTags('collaborations')
@ApiBearerAuth()
@Controller('collaborations')
export class CompleteReviewController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':collaborationId/reviews')
  @ApiOperation({ summary: 'Record a completed review: continue, vary or terminate, with findings' })
  @ApiHeader(ETAG_HEADER_DOC)
  @Authorise(COMPLETE_REVIEW, leadForceOfRoute)
  async handle(
    @Param('collaborationId', new ParseUUIDPipe()) collaborationId: string,
    @Body() body: CompleteReviewRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @CommandContextOf() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const command = {
      kind: 'CompleteReview' as const,
      collaborationId,
      outcome: body.outcome,
      findings: body.findings,
      nextReviewDate: body.nextReviewDate,
      occurredAt: occurredAtOr(body.occurredAt, context.receivedAt),
    };
    return executeCollaborationCommand(this.commands, command, context, ifMatch, reply);
  }
}
