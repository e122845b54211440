import { Body, Controller, Headers, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type Action, Authorise, CommandContextOf } from '#identity';
import type { CommandContext } from '#shared-kernel';
import { ETAG_HEADER_DOC, knownForce, knownOffice, occurredAtOr } from '../../http.js';
import { executeOfficeCommand } from '../office.handler.js';
import { HandOverOfficeRequest } from './hand-over-office.request.js';

export const HAND_OVER_OFFICE: Action = { name: 'hand-over-office', kind: 'reference-data', roles: ['registrar'] };

@ApiTags('offices')
@ApiBearerAuth()
@Controller('offices')
export class HandOverOfficeController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':forceCode/:office/handovers')
  @ApiOperation({ summary: 'Record a leadership handover; what was pending for the office is listed in it (registrars)' })
  @ApiHeader(ETAG_HEADER_DOC)
  @Authorise(HAND_OVER_OFFICE)
  async handle(
    @Param('forceCode') forceCode: string,
    @Param('office') office: string,
    @Body() body: HandOverOfficeRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @CommandContextOf() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const command = {
      kind: 'HandOverOffice' as const,
      forceCode: knownForce(forceCode),
      office: knownOffice(office),
      outgoingPersonId: body.outgoingPersonId,
      incoming: { personId: body.incoming.personId, name: body.incoming.name },
      basis: body.basis,
      note: body.note,
      occurredAt: occurredAtOr(body.occurredAt, context.receivedAt),
    };
    return executeOfficeCommand(this.commands, command, context, ifMatch, reply);
  }
}
