import { Controller, Get, Inject, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { EVENT_STORE, type EventStore } from '#event-store';
import { readAsAt } from '../history.js';
import { ApiProblems, HistoryQuery } from '../http.js';
import { DecisionView } from './decision.view.js';
import { decisionDecider } from './decision.decider.js';
import { decisionStreamId } from './decision.events.js';

@ApiTags('decisions')
@ApiBearerAuth()
@Controller('decisions')
export class DecisionQueriesController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get(':decisionId')
  @ApiOperation({ summary: 'A decision: approvals required and given, escalations, urgency, ratification, time to decide; as at and as known at any date' })
  @ApiOkResponse({ type: DecisionView })
  @ApiProblems(400, 401, 404)
  async decision(
    @Param('decisionId', new ParseUUIDPipe()) decisionId: string,
    @Query() { asOf, knownAt }: HistoryQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const missing = { code: 'DecisionNotFound', what: `decision ${decisionId}` };
    const { state, version } = await readAsAt(this.store, decisionDecider, { streamId: decisionStreamId(decisionId), asOf, knownAt, reply, missing });
    const daysToDecide = state.decidedAt && state.proposedAt ? (Date.parse(state.decidedAt) - Date.parse(state.proposedAt)) / 86_400_000 : null;
    const { proposal, ...rest } = state;
    return { decisionId, version, ...proposal, ...rest, daysToDecide };
  }
}
