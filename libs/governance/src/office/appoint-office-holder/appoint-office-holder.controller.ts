import { Body, Controller, Headers, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type Action, Authorise, CommandContextOf } from '#identity';
import type { CommandContext } from '#shared-kernel';
import { ETAG_HEADER_DOC, knownForce, knownOffice, occurredAtOr } from '../../http.js';
import { executeOfficeCommand } from '../office.handler.js';
import { AppointOfficeHolderRequest } from './appoint-office-holder.request.js';

export const APPOINT_OFFICE_HOLDER: Action = { name: 'appoint-office-holder', kind: 'reference-data', roles: ['registrar'] };

@ApiTags('offices')
@ApiBearerAuth()
@Controller('offices')
export class AppointOfficeHolderController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':forceCode/:office/appointments')
  @ApiOperation({ summary: 'Record who holds a vacant chief-officer or policing-body office, from a date (registrars)' })
  @ApiHeader(ETAG_HEADER_DOC)
  @Authorise(APPOINT_OFFICE_HOLDER)
  async handle(
    @Param('forceCode') forceCode: string,
    @Param('office') office: string,
    @Body() body: AppointOfficeHolderRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @CommandContextOf() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const command = {
      kind: 'AppointOfficeHolder' as const,
      forceCode: knownForce(forceCode),
      office: knownOffice(office),
      holder: { personId: body.holder.personId, name: body.holder.name },
      basis: body.basis,
      occurredAt: occurredAtOr(body.occurredAt, context.receivedAt),
    };
    return executeOfficeCommand(this.commands, command, context, ifMatch, reply);
  }
}
