import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CommandRoute, type CommandScope, Scope } from '../../command-route.js';
import { occurredAtOr } from '../../http.js';
import { collaborationAggregate } from '../collaboration.aggregate.js';
import { LedgerCommands } from '../../ledger-commands.js';
import { PUBLISH_AGREEMENT } from './publish-agreement.command.js';
import { PublishAgreementRequest } from './publish-agreement.request.js';

@ApiTags('collaborations')
@Controller('collaborations')
export class PublishAgreementController {
  constructor(private readonly commands: LedgerCommands) {}

  @CommandRoute(':collaborationId/publication', 'Publish the agreement (s23E): in full, redacted or by title only, with the reason for anything less than full', PUBLISH_AGREEMENT)
  async handle(@Body() body: PublishAgreementRequest, @Scope() scope: CommandScope) {
    const command = {
      kind: 'PublishAgreement' as const,
      collaborationId: scope.params.collaborationId!,
      level: body.level,
      reason: body.reason,
      occurredAt: occurredAtOr(body.occurredAt, scope.context.receivedAt),
    };
    return this.commands.run(collaborationAggregate, command, scope);
  }
}
