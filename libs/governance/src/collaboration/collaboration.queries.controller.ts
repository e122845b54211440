import { Controller, Get, Inject, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { EVENT_STORE, type EventStore } from '#event-store';

import { readAsAt } from '../history.js';
import { collaborationDecider } from './collaboration.decider.js';
import { collaborationStreamId } from './collaboration.events.js';

@ApiTags('collaborations')
@ApiBearerAuth()
@Controller('collaborations')
export class CollaborationQueriesController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get(':collaborationId')
  @ApiOperation({ summary: 'A collaboration’s full state, rebuilt from its stream, as at and as known at any date' })
  @ApiQuery({ name: 'asOf', required: false, description: 'Only what had happened by then (occurred time); a date alone means the end of that day' })
  @ApiQuery({ name: 'knownAt', required: false, description: 'Only what the ledger had recorded by then (recorded time)' })
  async collaboration(
    @Param('collaborationId', new ParseUUIDPipe()) collaborationId: string,
    @Query('asOf') asOf: string | undefined,
    @Query('knownAt') knownAt: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const missing = { code: 'CollaborationNotFound', what: `collaboration ${collaborationId}` };
    const streamId = collaborationStreamId(collaborationId);
    const { state, version } = await readAsAt(this.store, collaborationDecider, { streamId, asOf, knownAt, reply, missing });
    const { terms, ...rest } = state;
    return { collaborationId, version, ...terms, ...rest };
  }
}
