import { Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { ApiProblems } from '#governance';
import { READ_MODEL_DATABASE } from '../read-models.tokens.js';
import { BenefitsAgainstPlanPage, BenefitsAgainstPlanQuery, benefitsAgainstPlanPage } from './benefits-against-plan.queries.js';
import { ReadModelController } from '../read-after.js';

@ReadModelController('benefits-against-plan')
export class BenefitsAgainstPlanController {
  constructor(@Inject(READ_MODEL_DATABASE) private readonly db: DataSource) {}

  @Get()
  @ApiOperation({ summary: 'Benefits against plan: original and current target, latest figure and its share of target, per benefit' })
  @ApiOkResponse({ type: BenefitsAgainstPlanPage })
  @ApiProblems(400, 401, 503)
  benefitsAgainstPlan(@Query() query: BenefitsAgainstPlanQuery): Promise<BenefitsAgainstPlanPage> {
    return benefitsAgainstPlanPage(this.db, query);
  }
}
