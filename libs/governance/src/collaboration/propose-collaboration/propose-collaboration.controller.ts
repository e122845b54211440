import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Action } from '#identity';
import { newId } from '#shared-kernel';
import { CommandRoute, type CommandScope, Scope } from '../../command-route.js';
import { occurredAtOr } from '../../http.js';
import { executeCollaborationCommand, leadForceInBody } from '../collaboration.handler.js';
import { ProposeCollaborationRequest } from './propose-collaboration.request.js';

export const PROPOSE_COLLABORATION: Action = { name: 'propose-collaboration', kind: 'collaboration-work', roles: ['collaboration-manager'] };

@ApiTags('collaborations')
@Controller('collaborations')
export class ProposeCollaborationController {
  constructor(private readonly commands: CommandBus) {}

  @CommandRoute('', 'Propose an s22A collaboration agreement (a collaboration manager of the lead force)', PROPOSE_COLLABORATION, leadForceInBody)
  async handle(@Body() body: ProposeCollaborationRequest, @Scope() scope: CommandScope) {
    const collaborationId = newId();
    const command = {
      kind: 'ProposeCollaboration' as const,
      collaborationId,
      name: body.name,
      purpose: body.purpose,
      functions: body.functions,
      parties: body.parties,
      leadForce: body.leadForce,
      costSharing: body.costSharing,
      noticePeriodMonths: body.noticePeriodMonths,
      reviewDate: body.reviewDate,
      occurredAt: occurredAtOr(body.occurredAt, scope.context.receivedAt),
    };
    return { collaborationId, ...(await executeCollaborationCommand(this.commands, command, scope)) };
  }
}
