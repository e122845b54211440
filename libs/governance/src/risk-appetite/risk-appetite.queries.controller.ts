import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { EVENT_STORE, type EventStore } from '#event-store';
import { loadState } from '../command-runner.js';
import { historyOptions } from '../history.js';
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
  @ApiQuery({ name: 'asOf', required: false })
  @ApiQuery({ name: 'knownAt', required: false })
  async appetite(
    @Param('forceCode') forceCode: string,
    @Query('asOf') asOf: string | undefined,
    @Query('knownAt') knownAt: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { state, version } = await loadState(this.store, riskAppetiteDecider, riskAppetiteStreamId(knownForce(forceCode)), historyOptions(asOf, knownAt));
    void reply.header('etag', `"${version}"`);
    return { forceCode, version, entries: state.entries };
  }
}
