import { Controller, DefaultValuePipe, Get, Inject, Param, ParseIntPipe, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { type DataSource, type FindOptionsWhere, Equal } from 'typeorm';
import { EVENT_STORE, type EventStore } from '#event-store';
import { FORCES } from '#governance';
import { Public } from '#identity';
import { LedgerError } from '#shared-kernel';
import { BenefitAgainstPlan, DecisionLogEntry, OfficeTenure, RecommendationTrack, RegisterEntry, SignatureCell } from './entities.js';
import { READ_MODEL_DATABASE } from './read-models.tokens.js';

const page = (limit: number, offset: number) => {
  if (limit < 1 || limit > 200) throw new LedgerError('InvalidPage', 'invalid', 'limit must be from 1 to 200.');
  if (offset < 0) throw new LedgerError('InvalidPage', 'invalid', 'offset must not be negative.');
  return { take: limit, skip: offset };
};

@ApiTags('read models')
@ApiBearerAuth()
@Controller()
export class ReadModelsController {
  constructor(
    @Inject(READ_MODEL_DATABASE) private readonly db: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get('register')
  @ApiOperation({ summary: 'The national register of collaborations: parties, lead force, status, purpose, functions, budgets, publication' })
  @ApiQuery({ name: 'force', required: false, description: 'Only collaborations this force is party to' })
  @ApiQuery({ name: 'status', required: false, enum: ['proposed', 'in-force', 'terminated'] })
  @ApiQuery({ name: 'leadForce', required: false })
  @ApiQuery({ name: 'region', required: false, description: 'Only collaborations with a party in this region, e.g. Wales' })
  @ApiQuery({ name: 'function', required: false, description: 'Only collaborations covering this function, e.g. firearms' })
  @ApiQuery({ name: 'limit', required: false, description: '1–200, default 50' })
  @ApiQuery({ name: 'offset', required: false })
  async register(
    @Query('force') force: string | undefined,
    @Query('status') status: string | undefined,
    @Query('leadForce') leadForce: string | undefined,
    @Query('region') region: string | undefined,
    @Query('function') fn: string | undefined,
    @Query('limit', new DefaultValuePipe(50), ParseIntPipe) limit: number,
    @Query('offset', new DefaultValuePipe(0), ParseIntPipe) offset: number,
  ) {
    const query = this.db.getRepository(RegisterEntry).createQueryBuilder('entry').orderBy('entry.proposedAt', 'ASC').addOrderBy('entry.collaborationId', 'ASC');
    if (force) query.andWhere('entry.parties @> :party::jsonb', { party: JSON.stringify([force]) });
    if (status) query.andWhere('entry.status = :status', { status });
    if (leadForce) query.andWhere('entry.leadForce = :leadForce', { leadForce });
    if (region) {
      const inRegion = FORCES.filter((f) => f.region.toLowerCase() === region.toLowerCase()).map((f) => f.code);
      if (!inRegion.length) throw new LedgerError('UnknownRegion', 'invalid', `There is no region "${region}"; regions: ${[...new Set(FORCES.map((f) => f.region))].join(', ')}.`);
      query.andWhere('entry.parties ?| :inRegion', { inRegion });
    }
    if (fn) query.andWhere('entry.functions @> :fn::jsonb', { fn: JSON.stringify([fn]) });
    const { take, skip } = page(limit, offset);
    const [items, total] = await query.take(take).skip(skip).getManyAndCount();
    return { items: items.map(({ lastPosition: _p, ...entry }) => entry), total, limit, offset };
  }

  @Get('public/register')
  @Public()
  @ApiOperation({
    summary: 'The public register (no sign-in): published agreements only, each only as far as its publication level allows (s23E)',
    description: 'full: the agreement’s terms; redacted: name, parties, lead force, status and the reason for redaction; title-only: the name and the reason.',
  })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'offset', required: false })
  async publicRegister(
    @Query('limit', new DefaultValuePipe(50), ParseIntPipe) limit: number,
    @Query('offset', new DefaultValuePipe(0), ParseIntPipe) offset: number,
  ) {
    const { take, skip } = page(limit, offset);
    const [entries, total] = await this.db
      .getRepository(RegisterEntry)
      .createQueryBuilder('entry')
      .where('entry.publicationLevel IS NOT NULL')
      .orderBy('entry.name', 'ASC')
      .take(take)
      .skip(skip)
      .getManyAndCount();
    const items = entries.map((e) => {
      const title = { name: e.name, publication: e.publicationLevel, reason: e.publicationReason };
      if (e.publicationLevel === 'title-only') return title;
      const outline = { ...title, parties: e.parties, leadForce: e.leadForce, status: e.status, cameIntoForceAt: e.cameIntoForceAt, terminatedAt: e.terminatedAt };
      if (e.publicationLevel === 'redacted') return outline;
      return { ...outline, collaborationId: e.collaborationId, purpose: e.purpose, functions: e.functions, withdrawnParties: e.withdrawnParties, budgets: e.budgets };
    });
    return { items, total, limit, offset };
  }

  @Get('collaborations/:collaborationId/signature-matrix')
  @ApiOperation({ summary: 'Party × office: who signed, when it was signed, and when the ledger learned of it' })
  async signatureMatrix(@Param('collaborationId', new ParseUUIDPipe()) collaborationId: string) {
    const entry = await this.db.getRepository(RegisterEntry).findOneBy({ collaborationId });
    if (!entry) throw new LedgerError('CollaborationNotFound', 'not-found', `There is no collaboration ${collaborationId} in the register (yet).`);
    const cells = await this.db.getRepository(SignatureCell).findBy({ collaborationId });
    const matrix = entry.parties.map((party) => ({
      party,
      withdrawn: entry.withdrawnParties.includes(party),
      ...Object.fromEntries(
        ['chief-officer', 'policing-body'].map((role) => {
          const cell = cells.find((c) => c.party === party && c.role === role);
          return [role, cell ? { signatory: { personId: cell.signatoryPersonId, name: cell.signatoryName }, signedAt: cell.signedAt, recordedAt: cell.recordedAt, eventPosition: Number(cell.eventPosition) } : null];
        }),
      ),
    }));
    return { collaborationId, status: entry.status, matrix };
  }

  @Get('decision-log')
  @ApiOperation({ summary: 'Decisions with approvals, time to decide, escalations, urgency and ratification; filter by collaboration or lead force' })
  @ApiQuery({ name: 'collaborationId', required: false })
  @ApiQuery({ name: 'leadForce', required: false })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'offset', required: false })
  async decisionLog(
    @Query('collaborationId') collaborationId: string | undefined,
    @Query('leadForce') leadForce: string | undefined,
    @Query('limit', new DefaultValuePipe(50), ParseIntPipe) limit: number,
    @Query('offset', new DefaultValuePipe(0), ParseIntPipe) offset: number,
  ) {
    const where: FindOptionsWhere<DecisionLogEntry> = {
      ...(collaborationId ? { collaborationId: Equal(collaborationId) } : {}),
      ...(leadForce ? { leadForce: Equal(leadForce) } : {}),
    };
    const [items, total] = await this.db.getRepository(DecisionLogEntry).findAndCount({ where, order: { proposedAt: 'ASC', decisionId: 'ASC' }, ...page(limit, offset) });
    return { items: items.map((d) => ({ ...d, valueGbp: Number(d.valueGbp) })), total, limit, offset };
  }

  @Get('office-holders')
  @ApiOperation({ summary: 'Who held each office when, how each tenure ended, and what was pending then' })
  @ApiQuery({ name: 'force', required: false })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'offset', required: false })
  async officeHolders(
    @Query('force') force: string | undefined,
    @Query('limit', new DefaultValuePipe(50), ParseIntPipe) limit: number,
    @Query('offset', new DefaultValuePipe(0), ParseIntPipe) offset: number,
  ) {
    const [items, total] = await this.db
      .getRepository(OfficeTenure)
      .findAndCount({ where: force ? { forceCode: Equal(force) } : {}, order: { forceCode: 'ASC', office: 'ASC', sequence: 'ASC' }, ...page(limit, offset) });
    return { items, total, limit, offset };
  }

  @Get('benefits-against-plan')
  @ApiOperation({ summary: 'Benefits against plan: original and current target, latest figure and its share of target, per benefit; totals by category' })
  @ApiQuery({ name: 'collaborationId', required: false })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'offset', required: false })
  async benefitsAgainstPlan(
    @Query('collaborationId') collaborationId: string | undefined,
    @Query('limit', new DefaultValuePipe(50), ParseIntPipe) limit: number,
    @Query('offset', new DefaultValuePipe(0), ParseIntPipe) offset: number,
  ) {
    const [rows, total] = await this.db
      .getRepository(BenefitAgainstPlan)
      .findAndCount({ where: collaborationId ? { collaborationId: Equal(collaborationId) } : {}, order: { collaborationId: 'ASC', benefitId: 'ASC' }, ...page(limit, offset) });
    const items = rows.map(({ eventPositions: _p, ...b }) => {
      const months = Object.keys(b.measurements).sort();
      const latest = months.length ? b.measurements[months.at(-1)!]! : null;
      const span = b.target - b.baseline;
      return {
        ...b,
        monthsMeasured: months.length,
        latestPeriod: months.at(-1) ?? null,
        latestValue: latest,
        shareOfTarget: latest === null || span === 0 ? null : Number(((latest - b.baseline) / span).toFixed(4)),
        cashable: b.category === 'economic',
      };
    });
    return { items, total, limit, offset };
  }

  @Get('recommendations-tracker')
  @ApiOperation({ summary: 'Recommendations: open, overdue, slipped and closed with evidence; filter by force and status' })
  @ApiQuery({ name: 'force', required: false })
  @ApiQuery({ name: 'status', required: false, enum: ['open', 'closure-proposed', 'closed', 'overdue'] })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'offset', required: false })
  async recommendationsTracker(
    @Query('force') force: string | undefined,
    @Query('status') status: string | undefined,
    @Query('limit', new DefaultValuePipe(50), ParseIntPipe) limit: number,
    @Query('offset', new DefaultValuePipe(0), ParseIntPipe) offset: number,
  ) {
    const today = new Date().toISOString().slice(0, 10);
    const query = this.db.getRepository(RecommendationTrack).createQueryBuilder('r').orderBy('r.dueDate', 'ASC').addOrderBy('r.recommendationId', 'ASC');
    if (force) query.andWhere('r.addressedTo = :force', { force });
    if (status === 'overdue') query.andWhere("r.status <> 'closed' AND r.dueDate < :today", { today });
    else if (status) query.andWhere('r.status = :status', { status });
    const { take, skip } = page(limit, offset);
    const [rows, total] = await query.take(take).skip(skip).getManyAndCount();
    const items = rows.map(({ eventPositions: _p, ...r }) => ({ ...r, overdue: r.status !== 'closed' && r.dueDate < today, slipped: r.slips > 0 }));
    return { items, total, limit, offset };
  }

  @Get('collaborations/:collaborationId/timeline')
  @ApiOperation({ summary: 'Every event of the collaboration in order, with both clocks, who recorded it, and whether it was back-dated; read from its stream' })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'fromVersion', required: false })
  async timeline(
    @Param('collaborationId', new ParseUUIDPipe()) collaborationId: string,
    @Query('fromVersion', new DefaultValuePipe(1), ParseIntPipe) fromVersion: number,
    @Query('limit', new DefaultValuePipe(200), ParseIntPipe) limit: number,
  ) {
    page(limit, 0);
    const events = await this.store.readStream(`collaboration-${collaborationId}`, { fromVersion, maxCount: limit });
    if (events.length === 0 && fromVersion === 1) throw new LedgerError('CollaborationNotFound', 'not-found', `There is no collaboration ${collaborationId}.`);
    return {
      collaborationId,
      items: events.map((e) => ({
        version: e.streamVersion,
        type: e.type,
        occurredAt: e.occurredAt,
        recordedAt: e.recordedAt,
        backDated: (e.metadata as { backDated?: boolean }).backDated ?? false,
        recordedBy: (e.metadata as { actor?: unknown }).actor ?? null,
        role: (e.metadata as { role?: unknown }).role ?? null,
        data: e.data,
        globalPosition: e.globalPosition,
        hash: e.hash,
      })),
      nextFromVersion: events.length === limit ? events.at(-1)!.streamVersion + 1 : null,
    };
  }
}
