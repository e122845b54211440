import { Controller, Get, Inject, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { EVENT_STORE, type EventStore } from '#event-store';
import { readAsAt } from '../history.js';
import { ApiProblems, HistoryQuery } from '../http.js';
import { BenefitView } from './benefit.view.js';
import { benefitDecider } from './benefit.decider.js';
import { benefitStreamId } from './benefit.events.js';
import { currentValue } from './benefit.state.js';

@ApiTags('benefits')
@ApiBearerAuth()
@Controller('benefits')
export class BenefitQueriesController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get(':benefitId')
  @ApiOperation({ summary: 'A benefit against plan: original and current target, every measurement and correction, status; as at and as known at any date' })
  @ApiOkResponse({ type: BenefitView })
  @ApiProblems(400, 401, 404)
  async benefit(
    @Param('benefitId', new ParseUUIDPipe()) benefitId: string,
    @Query() { asOf, knownAt }: HistoryQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const missing = { code: 'BenefitNotFound', what: `benefit ${benefitId}` };
    const { state, version } = await readAsAt(this.store, benefitDecider, { streamId: benefitStreamId(benefitId), asOf, knownAt, reply, missing });
    const latest = state.measurements.at(-1);
    const { profile, ...rest } = state;
    return { benefitId, version, ...profile, ...rest, latestValue: latest ? currentValue(latest) : null };
  }
}
