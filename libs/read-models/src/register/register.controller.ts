import { Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { EVENT_STORE, type EventStore } from '#event-store';
import { ApiProblems } from '#governance';
import { READ_MODEL_DATABASE } from '../read-models.tokens.js';
import { RegisterPage, RegisterQuery, registerPage } from './register.queries.js';
import { ReadModelController } from '../read-after.js';

@ReadModelController('register')
export class RegisterController {
  constructor(
    @Inject(READ_MODEL_DATABASE) private readonly db: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'The national register of collaborations: parties, lead force, status, purpose, functions, budgets, publication; as at (asOf) and as known at (knownAt) any instant',
    description: 'Without asOf or knownAt: the projected register as it stands. With either: the register projection rebuilt from its events up to those instants (docs/adr/0008-as-at-read-models.md). The answer names the instants it is for.',
  })
  @ApiOkResponse({ type: RegisterPage })
  @ApiProblems(400, 401, 503)
  register(@Query() query: RegisterQuery): Promise<RegisterPage> {
    return registerPage(this.db, this.store, query, new Date());
  }
}
