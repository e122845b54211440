import { Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { ApiProblems } from '#governance';
import { READ_MODEL_DATABASE } from '../read-models.tokens.js';
import { OfficeHoldersPage, OfficeHoldersQuery, officeHoldersPage } from './office-holders.queries.js';
import { ReadModelController } from '../read-after.js';

@ReadModelController('office-holders')
export class OfficeHoldersController {
  constructor(@Inject(READ_MODEL_DATABASE) private readonly db: DataSource) {}

  @Get()
  @ApiOperation({ summary: 'Who held each office when, how each tenure ended, and what was pending then' })
  @ApiOkResponse({ type: OfficeHoldersPage })
  @ApiProblems(400, 401, 503)
  officeHolders(@Query() query: OfficeHoldersQuery): Promise<OfficeHoldersPage> {
    return officeHoldersPage(this.db, query);
  }
}
