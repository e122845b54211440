import { Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { EVENT_STORE, type EventStore } from '#event-store';
import { ApiProblems } from '#governance';
import { READ_MODEL_DATABASE } from '../read-models.tokens.js';
import { DecisionLogPage, DecisionLogQuery, decisionLogPage } from './decision-log.queries.js';
import { ReadModelController } from '../read-after.js';

@ReadModelController('decision-log')
export class DecisionLogController {
  constructor(
    @Inject(READ_MODEL_DATABASE) private readonly db: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Decisions with approvals, time to decide, escalations, urgency and ratification; filter by collaboration or lead force; as at (asOf) and as known at (knownAt) any instant' })
  @ApiOkResponse({ type: DecisionLogPage })
  @ApiProblems(400, 401, 503)
  decisionLog(@Query() query: DecisionLogQuery): Promise<DecisionLogPage> {
    return decisionLogPage(this.db, this.store, query, new Date());
  }
}
