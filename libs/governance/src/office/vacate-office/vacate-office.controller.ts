import { Body, Controller, Headers, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type Action, Authorise, CommandContextOf } from '#identity';
import type { CommandContext } from '#shared-kernel';
import { ETAG_HEADER_DOC, knownForce, knownOffice, occurredAtOr } from '../../http.js';
import { executeOfficeCommand } from '../office.handler.js';
import { VacateOfficeRequest } from './vacate-office.request.js';

export const VACATE_OFFICE: Action = { name: 'vacate-office', kind: 'reference-data', roles: ['registrar'] };

@ApiTags('offices')
@ApiBearerAuth()
@Controller('offices')
export class VacateOfficeController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':forceCode/:office/vacancies')
  @ApiOperation({ summary: 'Record that the office fell vacant; what was pending for it is listed (registrars)' })
  @ApiHeader(ETAG_HEADER_DOC)
  @Authorise(VACATE_OFFICE)
  async handle(
    @Param('forceCode') forceCode: string,
    @Param('office') office: string,
    @Body() body: VacateOfficeRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @CommandContextOf() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const command = {
      kind: 'VacateOffice' as const,
      forceCode: knownForce(forceCode),
      office: knownOffice(office),
      reason: body.reason,
      occurredAt: occurredAtOr(body.occurredAt, context.receivedAt),
    };
    return executeOfficeCommand(this.commands, command, context, ifMatch, reply);
  }
}
