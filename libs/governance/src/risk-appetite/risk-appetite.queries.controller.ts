import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { EVENT_STORE, type EventStore } from '#event-store';
import { loadState } from '../command-runner.js';
import { historyOptions } from '../history.js';
import { ApiProblems, HistoryQuery } from '../http.js';
import { RiskAppetiteView } from './risk-appetite.view.js';
import { knownForce } from '../http.js';
import { riskAppetiteDecider } from './risk-appetite.decider.js';
import { riskAppetiteStreamId } from './risk-appetite.events.js';

@ApiTags('risk appetite')
@ApiBearerAuth()
@Controller('forces/:forceCode/risk-appetite')
export class RiskAppetiteQueriesController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get()
  @ApiOperation({ summary: 'A force’s declared risk appetite per remit and category, with every revision; as at and as known at any date' })
  @ApiOkResponse({ type: RiskAppetiteView })
  @ApiProblems(400, 401, 404)
  async appetite(
    @Param('forceCode') forceCode: string,
    @Query() { asOf, knownAt }: HistoryQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { state, version } = await loadState(this.store, riskAppetiteDecider, riskAppetiteStreamId(knownForce(forceCode)), historyOptions(asOf, knownAt));
    void reply.header('etag', `"${version}"`);
    return { forceCode, version, entries: state.entries };
  }
}
