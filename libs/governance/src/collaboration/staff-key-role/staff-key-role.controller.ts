import { Body, Controller, Headers, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type Action, Authorise, CommandContextOf } from '#identity';
import { type CommandContext } from '#shared-kernel';
import { ETAG_HEADER_DOC, occurredAtOr } from '../../http.js';
import { executeCollaborationCommand, leadForceOfRoute } from '../collaboration.handler.js';
import { StaffKeyRoleRequest } from './staff-key-role.request.js';

export const STAFF_KEY_ROLE: Action = { name: 'staff-key-role', kind: 'collaboration-work', roles: ['collaboration-manager'] };

@ApiTags('collaborations')
@ApiBearerAuth()
@Controller('collaborations')
export class StaffKeyRoleController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':collaborationId/key-roles')
  @ApiOperation({ summary: 'Record who fills a key role and whether they are trained in collaboration and change management' })
  @ApiHeader(ETAG_HEADER_DOC)
  @Authorise(STAFF_KEY_ROLE, leadForceOfRoute)
  async handle(
    @Param('collaborationId', new ParseUUIDPipe()) collaborationId: string,
    @Body() body: StaffKeyRoleRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @CommandContextOf() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const command = {
      kind: 'StaffKeyRole' as const,
      collaborationId,
      keyRole: body.keyRole,
      person: { personId: body.person.personId, name: body.person.name },
      trainedInCollaboration: body.trainedInCollaboration,
      trainedInChangeManagement: body.trainedInChangeManagement,
      occurredAt: occurredAtOr(body.occurredAt, context.receivedAt),
    };
    return executeCollaborationCommand(this.commands, command, context, ifMatch, reply);
  }
}
