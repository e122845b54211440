import { Controller, Get, Inject, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { ApiProblems } from '#governance';
import { READ_MODEL_DATABASE } from '../read-models.tokens.js';
import { SignatureMatrixView, signatureMatrixOf } from './signature-matrix.queries.js';

@ApiTags('read models')
@ApiBearerAuth()
@Controller('collaborations')
export class SignatureMatrixController {
  constructor(@Inject(READ_MODEL_DATABASE) private readonly db: DataSource) {}

  @Get(':collaborationId/signature-matrix')
  @ApiOperation({ summary: 'Party × office: who signed, when it was signed, and when the ledger learned of it' })
  @ApiOkResponse({ type: SignatureMatrixView })
  @ApiProblems(400, 401, 404)
  signatureMatrix(@Param('collaborationId', new ParseUUIDPipe()) collaborationId: string): Promise<SignatureMatrixView> {
    return signatureMatrixOf(this.db, collaborationId);
  }
}
