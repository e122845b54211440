import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CommandRoute, type CommandScope, Scope } from '../../command-route.js';
import { occurredAtOr, signatoryOf } from '../../http.js';
import { SignAgreementRequest } from './sign-agreement.request.js';
import { collaborationAggregate } from '../collaboration.aggregate.js';
import { LedgerCommands } from '../../ledger-commands.js';
import { SIGN_AGREEMENT } from './sign-agreement.command.js';

@ApiTags('collaborations')
@Controller('collaborations')
export class SignAgreementController {
  constructor(private readonly commands: LedgerCommands) {}

  @CommandRoute(':collaborationId/signatures', 'Sign the agreement for your force as its chief officer or policing body (you must have held the office that day); when every party’s chief officer and policing body have signed, it comes into force', SIGN_AGREEMENT)
  async handle(@Body() body: SignAgreementRequest, @Scope() scope: CommandScope) {
    const command = {
      kind: 'SignAgreement' as const,
      collaborationId: scope.params.collaborationId!,
      party: body.party,
      ...signatoryOf(scope.context),
      occurredAt: occurredAtOr(body.occurredAt, scope.context.receivedAt),
    };
    return this.commands.run(collaborationAggregate, command, scope);
  }
}
