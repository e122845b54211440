import { Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import type { DataSource } from 'typeorm';
import { EVENT_STORE, type EventStore } from '#event-store';
import { ApiProblems, collaborationDecider, collaborationStreamId, historyOptions, loadState } from '#governance';
import { ProblemCode } from '#shared-kernel';
import { ReadModelController } from '../read-after.js';
import { READ_MODEL_DATABASE } from '../read-models.tokens.js';
import { RegisterEntry } from '../register/register.entity.js';
import { RegisterFilters, STATUSES, registerFilter } from '../register/register.queries.js';
import { KnownAtParameter } from '../as-at.js';

export class RegisterAsAtQuery extends RegisterFilters {
  @ApiProperty({ description: 'The date the register is read as at (occurred time); a date alone means the end of that day (UTC)', example: '2016-01-01' })
  @IsString()
  @MaxLength(40)
  @ProblemCode('InvalidDate')
  asOf!: string;

  @KnownAtParameter() knownAt?: string;
}

export class RegisterAsAtEntryView {
  @ApiProperty({ format: 'uuid' }) collaborationId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() purpose!: string;
  @ApiProperty({ type: [String] }) functions!: string[];
  @ApiProperty({ type: [String] }) parties!: string[];
  @ApiProperty({ type: [String] }) withdrawnParties!: string[];
  @ApiProperty() leadForce!: string;
  @ApiProperty({ enum: STATUSES }) status!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) proposedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) cameIntoForceAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) terminatedAt!: string | null;
  @ApiProperty({ description: 'The collaboration’s stream version as at that date' }) version!: number;
}

export class RegisterAsAtPage {
  @ApiProperty({ format: 'date-time', description: 'The instant read as at' }) asOf!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'The recorded-time instant read as known at; null: everything recorded so far' }) knownAt!: string | null;
  @ApiProperty({ type: [RegisterAsAtEntryView] }) items!: RegisterAsAtEntryView[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}

interface AsAt {
  name: string;
  purpose: string;
  functions: string[];
  parties: string[];
  leadForce: string;
}

/**
 * The national register as it stood on a date: every collaboration proposed by then, each rebuilt
 * from its own stream as at that date (as GET /collaborations/{id}?asOf= does), then filtered as the
 * register is. Exact for any date, at the price of reading each stream: fine for a national
 * register of hundreds of collaborations.
 */
@ReadModelController('register')
export class RegisterAsAtController {
  constructor(
    @Inject(READ_MODEL_DATABASE) private readonly db: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get('as-at')
  @ApiOperation({ summary: 'The national register as it stood on a date (parties, lead force, status, purpose and functions then), with the register’s filters and search' })
  @ApiOkResponse({ type: RegisterAsAtPage })
  @ApiProblems(400, 401, 503)
  async registerAsAt(@Query() query: RegisterAsAtQuery): Promise<RegisterAsAtPage> {
    const options = historyOptions(query.asOf, query.knownAt);
    const until = options.occurredUntil!;
    const candidates = await this.db.getRepository(RegisterEntry).createQueryBuilder('entry').select(['entry.collaborationId']).where('entry.proposedAt <= :until', { until }).orderBy('entry.proposedAt', 'ASC').addOrderBy('entry.collaborationId', 'ASC').getMany();
    const matches = registerFilter(query);
    const matching: RegisterAsAtEntryView[] = [];
    for (const { collaborationId } of candidates) {
      const { state, version } = await loadState(this.store, collaborationDecider, collaborationStreamId(collaborationId), options);
      if (state.status === 'none') continue;
      // The same reading as GET /collaborations/{id}: the terms, then the rest of the state.
      const { terms, ...rest } = state;
      const view = { ...terms, ...rest } as unknown as AsAt & typeof rest;
      const entry: RegisterAsAtEntryView = {
        collaborationId,
        name: view.name,
        purpose: view.purposeHistory.at(-1)?.purpose ?? view.purpose,
        functions: view.functions,
        parties: view.parties,
        withdrawnParties: view.withdrawnParties,
        leadForce: view.leadForce,
        status: view.status,
        proposedAt: view.proposedAt?.toISOString() ?? null,
        cameIntoForceAt: view.cameIntoForceAt?.toISOString() ?? null,
        terminatedAt: view.terminatedAt?.toISOString() ?? null,
        version,
      };
      if (matches(entry)) matching.push(entry);
    }
    return { asOf: until.toISOString(), knownAt: options.recordedUntil?.toISOString() ?? null, items: matching.slice(query.offset, query.offset + query.limit), total: matching.length, limit: query.limit, offset: query.offset };
  }
}
