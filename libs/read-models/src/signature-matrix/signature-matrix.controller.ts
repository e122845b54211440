import { Get, Inject, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { ApiProblems } from '#governance';
import { READ_MODEL_DATABASE } from '../read-models.tokens.js';
import { SignatureMatrixView, signatureMatrixOf } from './signature-matrix.queries.js';
import { ReadModelController } from '../read-after.js';

@ReadModelController('collaborations')
export class SignatureMatrixController {
  constructor(@Inject(READ_MODEL_DATABASE) private readonly db: DataSource) {}

  @Get(':collaborationId/signature-matrix')
  @ApiOperation({ summary: 'Party × office: who signed, when it was signed, and when the ledger learned of it' })
  @ApiOkResponse({ type: SignatureMatrixView })
  @ApiProblems(400, 401, 404, 503)
  signatureMatrix(@Param('collaborationId', new ParseUUIDPipe()) collaborationId: string): Promise<SignatureMatrixView> {
    return signatureMatrixOf(this.db, collaborationId);
  }
}
