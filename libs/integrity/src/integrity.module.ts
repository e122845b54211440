import { Module } from '@nestjs/common';
import { RawEventsController } from './raw-events.controller.js';

/** What an auditor checks the ledger with: the raw record (and, to come, seals and proofs). */
@Module({ controllers: [RawEventsController] })
export class IntegrityModule {}
