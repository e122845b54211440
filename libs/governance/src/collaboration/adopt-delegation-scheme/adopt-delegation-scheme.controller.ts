import { Body, Controller, Headers, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type Action, Authorise, CommandContextOf } from '#identity';
import { type CommandContext } from '#shared-kernel';
import { ETAG_HEADER_DOC, occurredAtOr } from '../../http.js';
import { executeCollaborationCommand, leadForceOfRoute } from '../collaboration.handler.js';
import { AdoptDelegationSchemeRequest } from './adopt-delegation-scheme.request.js';

export const ADOPT_DELEGATION_SCHEME: Action = { name: 'adopt-delegation-scheme', kind: 'collaboration-work', roles: ['collaboration-manager'] };

@ApiTags('collaborations')
@ApiBearerAuth()
@Controller('collaborations')
export class AdoptDelegationSchemeController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':collaborationId/delegation-scheme')
  @ApiOperation({ summary: 'Adopt the delegation scheme: what the lead force may decide alone, up to what value, and who decides above it' })
  @ApiHeader(ETAG_HEADER_DOC)
  @Authorise(ADOPT_DELEGATION_SCHEME, leadForceOfRoute)
  async handle(
    @Param('collaborationId', new ParseUUIDPipe()) collaborationId: string,
    @Body() body: AdoptDelegationSchemeRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @CommandContextOf() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const command = {
      kind: 'AdoptDelegationScheme' as const,
      collaborationId,
      rules: body.rules.map((r) => ({ category: r.category, leadForceAloneUpToGbp: r.leadForceAloneUpToGbp, aboveLimit: r.aboveLimit })),
      occurredAt: occurredAtOr(body.occurredAt, context.receivedAt),
    };
    return executeCollaborationCommand(this.commands, command, context, ifMatch, reply);
  }
}
