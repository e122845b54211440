import { Controller, Get, Inject, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { EVENT_STORE, type EventStore } from '#event-store';

import { readAsAt } from '../history.js';
import { ApiProblems, HistoryQuery } from '../http.js';
import { CollaborationView } from './collaboration.view.js';
import { collaborationDecider } from './collaboration.decider.js';
import { collaborationStreamId } from './collaboration.events.js';
import { legalBasisOn } from './terms.js';

@ApiTags('collaborations')
@ApiBearerAuth()
@Controller('collaborations')
export class CollaborationQueriesController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get(':collaborationId')
  @ApiOperation({ summary: 'A collaboration’s full state, rebuilt from its stream, as at and as known at any date' })
  @ApiOkResponse({ type: CollaborationView })
  @ApiProblems(400, 401, 404)
  async collaboration(
    @Param('collaborationId', new ParseUUIDPipe()) collaborationId: string,
    @Query() { asOf, knownAt }: HistoryQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const missing = { code: 'CollaborationNotFound', what: `collaboration ${collaborationId}` };
    const streamId = collaborationStreamId(collaborationId);
    const { state, version } = await readAsAt(this.store, collaborationDecider, { streamId, asOf, knownAt, reply, missing });
    const { terms, ...rest } = state;
    return { collaborationId, version, ...terms, ...rest, legalBasis: legalBasisOn(state.cameIntoForceAt ?? state.proposedAt!) };
  }
}
