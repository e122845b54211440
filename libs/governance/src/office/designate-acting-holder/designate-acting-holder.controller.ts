import { Body, Controller, Headers, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type Action, Authorise, CommandContextOf } from '#identity';
import type { CommandContext } from '#shared-kernel';
import { ETAG_HEADER_DOC, knownForce, knownOffice, occurredAtOr } from '../../http.js';
import { executeOfficeCommand } from '../office.handler.js';
import { DesignateActingHolderRequest } from './designate-acting-holder.request.js';

export const DESIGNATE_ACTING_HOLDER: Action = { name: 'designate-acting-holder', kind: 'reference-data', roles: ['registrar'] };

@ApiTags('offices')
@ApiBearerAuth()
@Controller('offices')
export class DesignateActingHolderController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':forceCode/:office/acting-designations')
  @ApiOperation({ summary: 'Record that someone acts in the office from a date; what was pending for it is listed (registrars)' })
  @ApiHeader(ETAG_HEADER_DOC)
  @Authorise(DESIGNATE_ACTING_HOLDER)
  async handle(
    @Param('forceCode') forceCode: string,
    @Param('office') office: string,
    @Body() body: DesignateActingHolderRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @CommandContextOf() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const command = {
      kind: 'DesignateActingHolder' as const,
      forceCode: knownForce(forceCode),
      office: knownOffice(office),
      holder: { personId: body.holder.personId, name: body.holder.name },
      reason: body.reason,
      occurredAt: occurredAtOr(body.occurredAt, context.receivedAt),
    };
    return executeOfficeCommand(this.commands, command, context, ifMatch, reply);
  }
}
