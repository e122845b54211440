import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CommandRoute, type CommandScope, Scope } from '../../command-route.js';
import { occurredAtOr, signatoryOf } from '../../http.js';
import { SignVariationRequest } from './sign-variation.request.js';
import { collaborationAggregate } from '../collaboration.aggregate.js';
import { LedgerCommands } from '../../ledger-commands.js';
import { SIGN_VARIATION } from './sign-variation.command.js';

@ApiTags('collaborations')
@Controller('collaborations')
export class SignVariationController {
  constructor(private readonly commands: LedgerCommands) {}

  @CommandRoute(':collaborationId/variations/:variationId/signatures', 'Sign a variation for your force as its chief officer or policing body; when all remaining parties have signed, it is agreed', SIGN_VARIATION)
  async handle(@Body() body: SignVariationRequest, @Scope() scope: CommandScope) {
    const command = {
      kind: 'SignVariation' as const,
      collaborationId: scope.params.collaborationId!,
      variationId: scope.params.variationId!,
      party: body.party,
      ...signatoryOf(scope.context),
      occurredAt: occurredAtOr(body.occurredAt, scope.context.receivedAt),
    };
    return this.commands.run(collaborationAggregate, command, scope);
  }
}
