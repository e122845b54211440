import { Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { EVENT_STORE, type EventStore } from '#event-store';
import { ApiProblems } from '#governance';
import { READ_MODEL_DATABASE } from '../read-models.tokens.js';
import { BenefitsAgainstPlanPage, BenefitsAgainstPlanQuery, benefitsAgainstPlanPage } from './benefits-against-plan.queries.js';
import { ReadModelController } from '../read-after.js';

@ReadModelController('benefits-against-plan')
export class BenefitsAgainstPlanController {
  constructor(
    @Inject(READ_MODEL_DATABASE) private readonly db: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Benefits against plan: per benefit its original and current target, latest figure and share of target, and what it realised by its measure kind; totals by category, cashable and non-cashable, and per force by attribution share; as at (asOf) and as known at (knownAt) any instant' })
  @ApiOkResponse({ type: BenefitsAgainstPlanPage })
  @ApiProblems(400, 401, 503)
  benefitsAgainstPlan(@Query() query: BenefitsAgainstPlanQuery): Promise<BenefitsAgainstPlanPage> {
    return benefitsAgainstPlanPage(this.db, this.store, query, new Date());
  }
}
