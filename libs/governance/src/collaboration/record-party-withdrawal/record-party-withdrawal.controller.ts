import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Action } from '#identity';
import { CommandRoute, type CommandScope, Scope } from '../../command-route.js';
import { occurredAtOr, PartyRequest } from '../../http.js';
import { executeCollaborationCommand, partyInBody } from '../collaboration.handler.js';

export const RECORD_PARTY_WITHDRAWAL: Action = { name: 'record-party-withdrawal', kind: 'force-act', roles: ['chief-officer', 'policing-body'] };

@ApiTags('collaborations')
@Controller('collaborations')
export class RecordPartyWithdrawalController {
  constructor(private readonly commands: CommandBus) {}

  @CommandRoute(':collaborationId/withdrawals', 'Record that your force has withdrawn, its notice having run; a collaboration left with one party ends', RECORD_PARTY_WITHDRAWAL, partyInBody)
  async handle(@Body() body: PartyRequest, @Scope() scope: CommandScope) {
    const command = {
      kind: 'RecordPartyWithdrawal' as const,
      collaborationId: scope.params.collaborationId!,
      party: body.party,
      occurredAt: occurredAtOr(body.occurredAt, scope.context.receivedAt),
    };
    return executeCollaborationCommand(this.commands, command, scope);
  }
}
