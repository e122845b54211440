import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Action } from '#identity';
import { CommandRoute, type CommandScope, Scope } from '../../command-route.js';
import { occurredAtOr } from '../../http.js';
import { executeCollaborationCommand, leadForceOfRoute } from '../collaboration.handler.js';
import { StaffKeyRoleRequest } from './staff-key-role.request.js';

export const STAFF_KEY_ROLE: Action = { name: 'staff-key-role', kind: 'collaboration-work', roles: ['collaboration-manager'] };

@ApiTags('collaborations')
@Controller('collaborations')
export class StaffKeyRoleController {
  constructor(private readonly commands: CommandBus) {}

  @CommandRoute(':collaborationId/key-roles', 'Record who fills a key role and whether they are trained in collaboration and change management', STAFF_KEY_ROLE, leadForceOfRoute)
  async handle(@Body() body: StaffKeyRoleRequest, @Scope() scope: CommandScope) {
    const command = {
      kind: 'StaffKeyRole' as const,
      collaborationId: scope.params.collaborationId!,
      keyRole: body.keyRole,
      person: { personId: body.person.personId, name: body.person.name },
      trainedInCollaboration: body.trainedInCollaboration,
      trainedInChangeManagement: body.trainedInChangeManagement,
      occurredAt: occurredAtOr(body.occurredAt, scope.context.receivedAt),
    };
    return executeCollaborationCommand(this.commands, command, scope);
  }
}
