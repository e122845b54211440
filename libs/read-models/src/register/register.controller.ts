import { Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { ApiProblems } from '#governance';
import { READ_MODEL_DATABASE } from '../read-models.tokens.js';
import { RegisterPage, RegisterQuery, registerPage } from './register.queries.js';
import { ReadModelController } from '../read-after.js';

@ReadModelController('register')
export class RegisterController {
  constructor(@Inject(READ_MODEL_DATABASE) private readonly db: DataSource) {}

  @Get()
  @ApiOperation({ summary: 'The national register of collaborations: parties, lead force, status, purpose, functions, budgets, publication' })
  @ApiOkResponse({ type: RegisterPage })
  @ApiProblems(400, 401, 503)
  register(@Query() query: RegisterQuery): Promise<RegisterPage> {
    return registerPage(this.db, query);
  }
}
