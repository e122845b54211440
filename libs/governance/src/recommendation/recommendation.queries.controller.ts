import { Controller, Get, Inject, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { EVENT_STORE, type EventStore } from '#event-store';
import { readAsAt } from '../history.js';
import { recommendationDecider } from './recommendation.decider.js';
import { recommendationStreamId } from './recommendation.events.js';

@ApiTags('recommendations')
@ApiBearerAuth()
@Controller('recommendations')
export class RecommendationQueriesController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get(':recommendationId')
  @ApiOperation({ summary: 'A recommendation: actions, progress, every due-date slip, evidence, closure and the published response; as at and as known at any date' })
  @ApiQuery({ name: 'asOf', required: false })
  @ApiQuery({ name: 'knownAt', required: false })
  async recommendation(
    @Param('recommendationId', new ParseUUIDPipe()) recommendationId: string,
    @Query('asOf') asOf: string | undefined,
    @Query('knownAt') knownAt: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const missing = { code: 'RecommendationNotFound', what: `recommendation ${recommendationId}` };
    const { state, version } = await readAsAt(this.store, recommendationDecider, { streamId: recommendationStreamId(recommendationId), asOf, knownAt, reply, missing });
    const { raised, ...rest } = state;
    return { recommendationId, version, ...raised, ...rest, slips: state.dueDateRevisions.filter((r) => r.slip).length };
  }
}
