import { Controller, Get, Inject, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { EVENT_STORE, type EventStore } from '#event-store';
import { readAsAt } from '../history.js';
import { ApiProblems, HistoryQuery } from '../http.js';
import { RecommendationView } from './recommendation.view.js';
import { recommendationDecider } from './recommendation.decider.js';
import { recommendationStreamId } from './recommendation.events.js';

@ApiTags('recommendations')
@ApiBearerAuth()
@Controller('recommendations')
export class RecommendationQueriesController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get(':recommendationId')
  @ApiOperation({ summary: 'A recommendation: actions, progress, every due-date slip, evidence, closure and the published response; as at and as known at any date' })
  @ApiOkResponse({ type: RecommendationView })
  @ApiProblems(400, 401, 404)
  async recommendation(
    @Param('recommendationId', new ParseUUIDPipe()) recommendationId: string,
    @Query() { asOf, knownAt }: HistoryQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const missing = { code: 'RecommendationNotFound', what: `recommendation ${recommendationId}` };
    const { state, version } = await readAsAt(this.store, recommendationDecider, { streamId: recommendationStreamId(recommendationId), asOf, knownAt, reply, missing });
    const { raised, ...rest } = state;
    return { recommendationId, version, ...raised, ...rest, slips: state.dueDateRevisions.filter((r) => r.slip).length };
  }
}
