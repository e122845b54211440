import { Controller, Get, Inject, Query, UseInterceptors } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { ApiProblems, PageQuery } from '#governance';
import { Public } from '#identity';
import { ReadAfterInterceptor } from '../read-after.js';
import { READ_MODEL_DATABASE } from '../read-models.tokens.js';
import { PublicRegisterPage, publicRegisterPage } from './public-register.queries.js';

@ApiTags('public')
@ApiHeader({ name: 'Ledger-Read-After', required: false, description: 'A globalPosition a command answered with: the answer includes that event (waits up to 5 s, else 503)' })
@UseInterceptors(ReadAfterInterceptor)
@Controller('public/register')
export class PublicRegisterController {
  constructor(@Inject(READ_MODEL_DATABASE) private readonly db: DataSource) {}

  @Get()
  @Public()
  @ApiOperation({
    summary: 'The public register (no sign-in): published agreements only, each only as far as its publication level allows (s23E)',
    description: 'full: the agreement’s terms; redacted: name, parties, lead force, status and the reason for redaction; title-only: the name and the reason.',
  })
  @ApiOkResponse({ type: PublicRegisterPage })
  @ApiProblems(400, 503)
  publicRegister(@Query() query: PageQuery): Promise<PublicRegisterPage> {
    return publicRegisterPage(this.db, query);
  }
}
