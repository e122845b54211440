import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CommandRoute, type CommandScope, Scope } from '../../command-route.js';
import { occurredAtOr } from '../../http.js';
import { LedgerCommands } from '../../ledger-commands.js';
import { recommendationAggregate } from '../recommendation.aggregate.js';
import { PUBLISH_POLICING_BODY_RESPONSE } from './publish-policing-body-response.command.js';
import { PublishPolicingBodyResponseRequest } from './publish-policing-body-response.request.js';

@ApiTags('recommendations')
@Controller('recommendations')
export class PublishPolicingBodyResponseController {
  constructor(private readonly commands: LedgerCommands) {}

  @CommandRoute(
    ':recommendationId/policing-body-response',
    'Publish the policing body’s response to the report, with the chief officer’s comments; after the s55(5A) deadline it is recorded and marked late',
    PUBLISH_POLICING_BODY_RESPONSE,
  )
  handle(@Body() body: PublishPolicingBodyResponseRequest, @Scope() scope: CommandScope) {
    const command = { kind: 'PublishPolicingBodyResponse' as const, recommendationId: scope.params.recommendationId!, response: body.response, chiefOfficerComments: body.chiefOfficerComments, occurredAt: occurredAtOr(body.occurredAt, scope.context.receivedAt) };
    return this.commands.run(recommendationAggregate, command, scope);
  }
}
