import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CommandRoute, type CommandScope, Scope } from '../../command-route.js';
import { occurredAtOr } from '../../http.js';
import { LedgerCommands } from '../../ledger-commands.js';
import { collaborationAggregate } from '../collaboration.aggregate.js';
import { RECORD_OTHER_PARTY_SIGNATURE } from './record-other-party-signature.command.js';
import { RecordOtherPartySignatureRequest } from './record-other-party-signature.request.js';

@ApiTags('collaborations')
@Controller('collaborations')
export class RecordOtherPartySignatureController {
  constructor(private readonly commands: LedgerCommands) {}

  @CommandRoute(':collaborationId/other-party-signatures', 'Record the signature of a party other than a force (s22A(6)) by its authorised signatory, on the agreement or a variation (the lead force’s collaboration manager)', RECORD_OTHER_PARTY_SIGNATURE)
  async handle(@Body() body: RecordOtherPartySignatureRequest, @Scope() scope: CommandScope) {
    const command = {
      kind: 'RecordOtherPartySignature' as const,
      collaborationId: scope.params.collaborationId!,
      party: body.party,
      signatory: { personId: body.signatory.personId, name: body.signatory.name },
      ...(body.variationId ? { variationId: body.variationId } : {}),
      occurredAt: occurredAtOr(body.occurredAt, scope.context.receivedAt),
    };
    return this.commands.run(collaborationAggregate, command, scope);
  }
}
