import { Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { EVENT_STORE, type EventStore } from '#event-store';
import { ApiProblems } from '#governance';
import { READ_MODEL_DATABASE } from '../read-models.tokens.js';
import { RecommendationsTrackerPage, RecommendationsTrackerQuery, recommendationsTrackerPage } from './recommendations-tracker.queries.js';
import { ReadModelController } from '../read-after.js';

@ReadModelController('recommendations-tracker')
export class RecommendationsTrackerController {
  constructor(
    @Inject(READ_MODEL_DATABASE) private readonly db: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Recommendations: open, overdue, slipped and closed with evidence; filter by force and status; as at (asOf) and as known at (knownAt) any instant' })
  @ApiOkResponse({ type: RecommendationsTrackerPage })
  @ApiProblems(400, 401, 503)
  recommendationsTracker(@Query() query: RecommendationsTrackerQuery): Promise<RecommendationsTrackerPage> {
    return recommendationsTrackerPage(this.db, this.store, query, new Date());
  }
}
