import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { EVENT_STORE, type EventStore } from '#event-store';
import { Public } from '#identity';
import { loadState } from '../command-runner.js';
import { historyOptions } from '../history.js';
import { ApiProblems, HistoryQuery } from '../http.js';
import { ForcesView, OfficeView, PolicingBodiesView } from './office.view.js';
import { FORCES, forceByCode } from '../reference-data/forces.js';
import { policingBodiesOf } from '../reference-data/policing-bodies.js';
import { knownForce, knownOffice } from '../http.js';
import { officeDecider } from './office.decider.js';
import { officeStreamId } from './office.events.js';
import { currentTenure } from './office.state.js';

@ApiTags('offices')
@Controller()
export class OfficeQueriesController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get('forces')
  @Public()
  @ApiOperation({ summary: 'The 43 territorial forces of England and Wales, with their regions and policing bodies' })
  @ApiOkResponse({ type: ForcesView })
  forces(): ForcesView {
    return { items: [...FORCES], total: FORCES.length };
  }

  @Get('forces/:forceCode/policing-bodies')
  @Public()
  @ApiOperation({
    summary: 'A force’s policing bodies over time — police authority, PCC, PFCC, mayor, MOPAC or Common Council — with the days from the public record and each one’s source',
  })
  @ApiOkResponse({ type: PolicingBodiesView })
  @ApiProblems(400, 404)
  policingBodies(@Param('forceCode') forceCode: string): PolicingBodiesView {
    const code = knownForce(forceCode);
    return {
      forceCode: code,
      forceName: forceByCode(code)!.name,
      items: policingBodiesOf(code)!.map((body) => ({ kind: body.kind, name: body.name, from: body.from, to: body.to ?? null, continues: body.continues ?? null, source: { ...body.source } })),
    };
  }

  @Get('offices/:forceCode/:office')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Who held the office when: every tenure, the current holder, as at and as known at any date' })
  @ApiOkResponse({ type: OfficeView })
  @ApiProblems(400, 401, 404)
  async office(
    @Param('forceCode') forceCode: string,
    @Param('office') office: string,
    @Query() { asOf, knownAt }: HistoryQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const streamId = officeStreamId(knownForce(forceCode), knownOffice(office));
    const { state, version } = await loadState(this.store, officeDecider, streamId, historyOptions(asOf, knownAt));
    void reply.header('etag', `"${version}"`);
    return { forceCode, office, version, currentHolder: currentTenure(state) ?? null, tenures: state.tenures };
  }
}
