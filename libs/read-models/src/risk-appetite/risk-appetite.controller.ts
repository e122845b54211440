import { Get, Inject, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { type DataSource, In } from 'typeorm';
import { EVENT_STORE, type EventStore } from '#event-store';
import { ApiProblems } from '#governance';
import { asAtOf, rowsAsAt } from '../as-at.js';
import { riskAppetiteProjection } from './risk-appetite.projection.js';
import { READ_MODEL_DATABASE } from '../read-models.tokens.js';
import { registerEntry } from '../register/register.queries.js';
import { AppetitePeriod } from './risk-appetite.entity.js';
import { AlignmentQuery, AlignmentView, alignment } from './risk-appetite.queries.js';
import { ReadModelController } from '../read-after.js';

@ReadModelController('collaborations')
export class RiskAppetiteAlignmentController {
  constructor(
    @Inject(READ_MODEL_DATABASE) private readonly db: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get(':collaborationId/risk-appetite-alignment')
  @ApiOperation({
    summary: 'Risk-appetite alignment as at a date: per category, each party’s declared level (operational remit by its chief officer, strategic by its policing body), the spread between parties, and each party’s distance from the appetite the partners agreed',
    description: 'Levels are placed on the five-step scale averse(0), minimal(1), cautious(2), open(3), eager(4); spread and distance are in steps.',
  })
  @ApiOkResponse({ type: AlignmentView })
  @ApiProblems(400, 401, 404, 503)
  async alignment(@Param('collaborationId', new ParseUUIDPipe()) collaborationId: string, @Query() query: AlignmentQuery): Promise<AlignmentView> {
    const asAt = asAtOf(query, new Date());
    const entry = await registerEntry(this.db, collaborationId, { store: this.store, at: asAt });
    const periods = asAt.current
      ? await this.db.getRepository(AppetitePeriod).findBy({ forceCode: In(entry.parties) })
      : (await rowsAsAt(this.store, riskAppetiteProjection, asAt.options)).filter((p) => entry.parties.includes(p.forceCode));
    return { ...alignment(entry, periods, asAt.at), knownAt: asAt.answered.knownAt };
  }
}
