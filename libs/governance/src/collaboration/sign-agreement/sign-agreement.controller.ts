import { Body, Controller, Headers, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type Action, Authorise, CommandContextOf } from '#identity';
import type { CommandContext } from '#shared-kernel';
import { ETAG_HEADER_DOC, created, occurredAtOr, versionFromIfMatch } from '../../http.js';
import { SignAgreementCommand } from './sign-agreement.handler.js';
import { SignAgreementRequest } from './sign-agreement.request.js';

export const SIGN_AGREEMENT: Action = { name: 'sign-agreement', kind: 'force-act', roles: ['chief-officer', 'policing-body'] };

@ApiTags('collaborations')
@ApiBearerAuth()
@Controller('collaborations')
export class SignAgreementController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':collaborationId/signatures')
  @ApiOperation({
    summary: 'Sign the agreement for your force, as its chief officer or policing body',
    description: 'You must have held the office on the signature’s date. When every party’s chief officer and policing body have signed, AgreementCameIntoForce is recorded too.',
  })
  @ApiHeader(ETAG_HEADER_DOC)
  @Authorise(SIGN_AGREEMENT, (request) => ({ force: (request.body as { party?: string } | undefined)?.party }))
  async sign(
    @Param('collaborationId', new ParseUUIDPipe()) collaborationId: string,
    @Body() body: SignAgreementRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @CommandContextOf() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { principal } = context;
    const command = {
      kind: 'SignAgreement' as const,
      collaborationId,
      party: body.party,
      role: principal.role as 'chief-officer' | 'policing-body',
      signatory: { personId: principal.personId, name: principal.name },
      occurredAt: occurredAtOr(body.occurredAt, context.receivedAt),
    };
    const outcome = await this.commands.execute(new SignAgreementCommand(command, context, versionFromIfMatch(ifMatch)));
    return created(reply, outcome, `/collaborations/${collaborationId}`);
  }
}
