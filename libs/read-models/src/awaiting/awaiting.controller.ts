import { Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { EVENT_STORE, type EventStore } from '#event-store';
import { ApiProblems } from '#governance';
import { CurrentPrincipal } from '#identity';
import type { Principal } from '#shared-kernel';
import { ReadModelController } from '../read-after.js';
import { READ_MODEL_DATABASE } from '../read-models.tokens.js';
import { AwaitingView, awaitingFor } from './awaiting.queries.js';

@ReadModelController('me')
export class AwaitingController {
  constructor(
    @Inject(READ_MODEL_DATABASE) private readonly db: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get('awaiting')
  @ApiOperation({
    summary:
      'What awaits you: agreements and variations to sign, decisions to approve or ratify, benefit figures due, recommendations due or overdue, closures to decide, notices of withdrawal ending — each with the stream version to send as If-Match (docs/api/awaiting.md)',
  })
  @ApiOkResponse({ type: AwaitingView })
  @ApiProblems(401, 503)
  awaiting(@CurrentPrincipal() principal: Principal): Promise<AwaitingView> {
    return awaitingFor(this.db, this.store, principal, new Date());
  }
}
