import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Action } from '#identity';
import { CommandRoute, type CommandScope, Scope } from '../../command-route.js';
import { occurredAtOr } from '../../http.js';
import { executeCollaborationCommand, leadForceOfRoute } from '../collaboration.handler.js';
import { CompleteReviewRequest } from './complete-review.request.js';

export const COMPLETE_REVIEW: Action = { name: 'complete-review', kind: 'collaboration-work', roles: ['collaboration-manager'] };

@ApiTags('collaborations')
@Controller('collaborations')
export class CompleteReviewController {
  constructor(private readonly commands: CommandBus) {}

  @CommandRoute(':collaborationId/reviews', 'Record a completed review: continue, vary or terminate, with findings', COMPLETE_REVIEW, leadForceOfRoute)
  async handle(@Body() body: CompleteReviewRequest, @Scope() scope: CommandScope) {
    const command = {
      kind: 'CompleteReview' as const,
      collaborationId: scope.params.collaborationId!,
      outcome: body.outcome,
      findings: body.findings,
      nextReviewDate: body.nextReviewDate,
      occurredAt: occurredAtOr(body.occurredAt, scope.context.receivedAt),
    };
    return executeCollaborationCommand(this.commands, command, scope);
  }
}
