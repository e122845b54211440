import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Action } from '#identity';
import { CommandRoute, type CommandScope, Scope } from '../../command-route.js';
import { occurredAtOr, PartyRequest, signatoryOf } from '../../http.js';
import { executeCollaborationCommand, partyInBody } from '../collaboration.handler.js';

export const SIGN_AGREEMENT: Action = { name: 'sign-agreement', kind: 'force-act', roles: ['chief-officer', 'policing-body'] };

@ApiTags('collaborations')
@Controller('collaborations')
export class SignAgreementController {
  constructor(private readonly commands: CommandBus) {}

  @CommandRoute(':collaborationId/signatures', 'Sign the agreement for your force as its chief officer or policing body (you must have held the office that day); when every party’s chief officer and policing body have signed, it comes into force', SIGN_AGREEMENT, partyInBody)
  async handle(@Body() body: PartyRequest, @Scope() scope: CommandScope) {
    const command = {
      kind: 'SignAgreement' as const,
      collaborationId: scope.params.collaborationId!,
      party: body.party,
      ...signatoryOf(scope.context),
      occurredAt: occurredAtOr(body.occurredAt, scope.context.receivedAt),
    };
    return executeCollaborationCommand(this.commands, command, scope);
  }
}
