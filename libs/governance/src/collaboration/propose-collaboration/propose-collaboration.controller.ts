import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type Action, Authorise, CommandContextOf } from '#identity';
import { type CommandContext, newId } from '#shared-kernel';
import { occurredAtOr } from '../../http.js';
import { executeCollaborationCommand } from '../collaboration.handler.js';
import { ProposeCollaborationRequest } from './propose-collaboration.request.js';

export const PROPOSE_COLLABORATION: Action = { name: 'propose-collaboration', kind: 'collaboration-work', roles: ['collaboration-manager'] };

@ApiTags('collaborations')
@ApiBearerAuth()
@Controller('collaborations')
export class ProposeCollaborationController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({ summary: 'Propose an s22A collaboration agreement (a collaboration manager of the lead force)' })
  @Authorise(PROPOSE_COLLABORATION, (request) => ({ leadForce: (request.body as { leadForce?: string } | undefined)?.leadForce }))
  async propose(@Body() body: ProposeCollaborationRequest, @CommandContextOf() context: CommandContext, @Res({ passthrough: true }) reply: FastifyReply) {
    const { occurredAt, ...terms } = body;
    const collaborationId = newId();
    const command = { kind: 'ProposeCollaboration' as const, collaborationId, ...terms, occurredAt: occurredAtOr(occurredAt, context.receivedAt) };
    return { collaborationId, ...(await executeCollaborationCommand(this.commands, command, context, undefined, reply)) };
  }
}
