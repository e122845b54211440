import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CommandRoute, type CommandScope, Scope } from '../../command-route.js';
import { occurredAtOr } from '../../http.js';
import { collaborationAggregate } from '../collaboration.aggregate.js';
import { LedgerCommands } from '../../ledger-commands.js';
import { STAFF_KEY_ROLE } from './staff-key-role.command.js';
import { StaffKeyRoleRequest } from './staff-key-role.request.js';

@ApiTags('collaborations')
@Controller('collaborations')
export class StaffKeyRoleController {
  constructor(private readonly commands: LedgerCommands) {}

  @CommandRoute(':collaborationId/key-roles', 'Record who fills a key role and whether they are trained in collaboration and change management', STAFF_KEY_ROLE)
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
    return this.commands.run(collaborationAggregate, command, scope);
  }
}
