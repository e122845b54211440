import { Get, Inject, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { And, type DataSource, In, IsNull, LessThan, MoreThanOrEqual } from 'typeorm';
import { EVENT_STORE, type EventStore } from '#event-store';
import { ApiProblems, knownForce } from '#governance';
import { LedgerError, ProblemCode } from '#shared-kernel';
import { type AsAt, AsAtQuery, asAtOf, rowsAsAt } from '../as-at.js';
import { BenefitAgainstPlan } from '../benefits-against-plan/benefits-against-plan.entity.js';
import { benefitsProjection } from '../benefits-against-plan/benefits-against-plan.projection.js';
import { DecisionLogEntry } from '../decision-log/decision-log.entity.js';
import { decisionLogProjection } from '../decision-log/decision-log.projection.js';
import { OfficeTenure } from '../office-holders/office-holders.entity.js';
import { officeHoldersProjection } from '../office-holders/office-holders.projection.js';
import { READ_MODEL_DATABASE } from '../read-models.tokens.js';
import { RecommendationTrack } from '../recommendations-tracker/recommendations-tracker.entity.js';
import { recommendationsProjection } from '../recommendations-tracker/recommendations-tracker.projection.js';
import { RegisterEntry } from '../register/register.entity.js';
import { registerProjection } from '../register/register.projection.js';
import { byProposal, registerEntry } from '../register/register.queries.js';
import { AppetitePeriod } from '../risk-appetite/risk-appetite.entity.js';
import { riskAppetiteProjection } from '../risk-appetite/risk-appetite.projection.js';
import { SignatureCell } from '../signature-matrix/signature-matrix.entity.js';
import { signatureMatrixProjection } from '../signature-matrix/signature-matrix.projection.js';
import { type CollaborationRecords, CollaborationIndicatorsView, PairIndicatorsView, collaborationIndicators, monthRangeBounds, monthRangeOf, pairIndicators } from './indicators.js';
import { ReadModelController } from '../read-after.js';
import { columnsAs } from '../projection.js';

/** A month, YYYY-MM, from 1900 to 2099: the ledger's records start in 2008 (years below 100 would be read as 19xx by Date.UTC). */
const MONTH = /^(19|20)\d{2}-(0[1-9]|1[0-2])$/;
/** What a pair's decision figures read of each decision (decisionFigures): not its title, approvals or value. */
const PAIR_DECISION_COLUMNS = [
  'decisionId',
  'collaborationId',
  'status',
  'proposedAt',
  'decidedAt',
  'daysToDecide',
  'escalations',
  'escalationsRequired',
  'escalationsChosen',
  'takenUnderDelegation',
  'urgent',
  'ratified',
  'rejections',
  'eventPositions',
] as const satisfies ReadonlyArray<keyof DecisionLogEntry>;

/** ?from=&to= (YYYY-MM) beside ?asOf= and ?knownAt=. */
export class PairIndicatorsQuery extends AsAtQuery {
  @ApiPropertyOptional({ example: '2019-05', description: 'The first month (YYYY-MM). Default: eleven months before `to`' })
  @IsOptional()
  @Matches(MONTH, { message: 'from must be a month, YYYY-MM, from 1900-01 to 2099-12' })
  @ProblemCode('InvalidMonthRange')
  from?: string;

  @ApiPropertyOptional({ example: '2020-04', description: 'The last month (YYYY-MM), at most 120 months after `from`. Default: eleven months after `from`, or without `from` the month of asOf (else knownAt, else now)' })
  @IsOptional()
  @Matches(MONTH, { message: 'to must be a month, YYYY-MM, from 1900-01 to 2099-12' })
  @ProblemCode('InvalidMonthRange')
  to?: string;
}

/**
 * The indicators, from the projected rows; as at (asOf) or as known at (knownAt) an instant, from
 * each projection's own events up to then (docs/adr/0008-as-at-read-models.md).
 */
@ReadModelController()
export class IndicatorsController {
  constructor(
    @Inject(READ_MODEL_DATABASE) private readonly db: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get('collaborations/:collaborationId/indicators')
  @ApiOperation({
    summary:
      'Per month: days to sign, days to decide, shares of decisions escalated (by the scheme, by choice) / taken by the lead force alone / under urgency / rejected, leadership changes and bounded tenures, withdrawal notices, cashable benefit realised, recommendation slips, risk-appetite spread; as at (asOf) and as known at (knownAt) any instant',
    description: 'Each figure’s definition, formula and denominator: docs/indicators.md.',
  })
  @ApiOkResponse({ type: CollaborationIndicatorsView })
  @ApiProblems(400, 401, 404, 503)
  async indicators(@Param('collaborationId', new ParseUUIDPipe()) collaborationId: string, @Query() query: AsAtQuery): Promise<CollaborationIndicatorsView> {
    const asAt = asAtOf(query, new Date());
    const entry = await registerEntry(this.db, collaborationId, { store: this.store, at: asAt });
    const records = asAt.current ? await this.current(entry) : await this.asAt(entry, asAt);
    return collaborationIndicators(entry, records, asAt.at, asAt.answered);
  }

  private async current(entry: RegisterEntry): Promise<CollaborationRecords> {
    const { collaborationId } = entry;
    const [signatures, decisions, tenures, benefits, recommendations, appetite] = await Promise.all([
      this.db.getRepository(SignatureCell).findBy({ collaborationId }),
      this.db.getRepository(DecisionLogEntry).findBy({ collaborationId }),
      this.db.getRepository(OfficeTenure).findBy([
        { forceCode: In(entry.parties), heldTo: IsNull() },
        { forceCode: In(entry.parties), heldTo: MoreThanOrEqual(entry.proposedAt) },
      ]),
      this.db.getRepository(BenefitAgainstPlan).findBy({ collaborationId }),
      this.db.getRepository(RecommendationTrack).findBy({ collaborationId }),
      this.db.getRepository(AppetitePeriod).findBy({ forceCode: In(entry.parties) }),
    ]);
    return { signatures, decisions, tenures, benefits, recommendations, appetite };
  }

  private async asAt(entry: RegisterEntry, asAt: AsAt): Promise<CollaborationRecords> {
    const { collaborationId, parties } = entry;
    const [signatures, decisions, tenures, benefits, recommendations, appetite] = await Promise.all([
      rowsAsAt(this.store, signatureMatrixProjection, asAt.options),
      rowsAsAt(this.store, decisionLogProjection, asAt.options),
      rowsAsAt(this.store, officeHoldersProjection, asAt.options),
      rowsAsAt(this.store, benefitsProjection, asAt.options),
      rowsAsAt(this.store, recommendationsProjection, asAt.options),
      rowsAsAt(this.store, riskAppetiteProjection, asAt.options),
    ]);
    const ours = <Row extends { collaborationId: string | null }>(rows: Row[]) => rows.filter((r) => r.collaborationId === collaborationId);
    return {
      signatures: ours(signatures),
      decisions: ours(decisions),
      tenures: tenures.filter((t) => parties.includes(t.forceCode)),
      benefits: ours(benefits),
      recommendations: ours(recommendations),
      appetite: appetite.filter((p) => parties.includes(p.forceCode)),
    };
  }

  @Get('indicators/pairs/:forceA/:forceB')
  @ApiOperation({
    summary:
      'Trust between two forces, per month, across every collaboration both are party to: days each took to sign, decisions they shared and how long they took, escalations, and rejections by each; as at (asOf) and as known at (knownAt) any instant',
  })
  @ApiOkResponse({ type: PairIndicatorsView })
  @ApiProblems(400, 401, 404, 503)
  async pair(@Param('forceA') forceA: string, @Param('forceB') forceB: string, @Query() query: PairIndicatorsQuery): Promise<PairIndicatorsView> {
    knownForce(forceA);
    knownForce(forceB);
    if (forceA === forceB) throw new LedgerError('SameForceTwice', 'invalid', 'Name two different forces.');
    const asAt = asAtOf(query, new Date());
    const range = monthRangeOf(query, asAt.at);
    const { start, end } = monthRangeBounds(range);
    const both = (parties: string[]) => parties.includes(forceA) && parties.includes(forceB);
    if (!asAt.current) {
      const [register, signatures, decisions] = await Promise.all([
        rowsAsAt(this.store, registerProjection, asAt.options),
        rowsAsAt(this.store, signatureMatrixProjection, asAt.options),
        rowsAsAt(this.store, decisionLogProjection, asAt.options),
      ]);
      const shared = register.filter((c) => both(c.parties)).sort(byProposal);
      const ids = new Set(shared.map((c) => c.collaborationId));
      return pairIndicators(
        forceA,
        forceB,
        shared,
        signatures.filter((s) => ids.has(s.collaborationId) && (s.party === forceA || s.party === forceB)),
        decisions.filter((d) => ids.has(d.collaborationId)),
        range,
        asAt.answered,
      );
    }
    // Only the columns the figures use: a register row is 1.5 kB, and two forces may share hundreds.
    const shared = await this.db
      .getRepository(RegisterEntry)
      .createQueryBuilder('entry')
      .select(['entry.collaborationId', 'entry.name', 'entry.status', 'entry.proposedAt'])
      .where('entry.parties @> :pair::jsonb', { pair: JSON.stringify([forceA, forceB]) })
      .orderBy('entry.proposedAt', 'ASC')
      .addOrderBy('entry.collaborationId', 'ASC')
      .getMany();
    const ids = shared.map((c) => c.collaborationId);
    const within = And(MoreThanOrEqual(start), LessThan(end));
    const [signatures, decisions] = ids.length
      ? await Promise.all([
          this.db.getRepository(SignatureCell).findBy({ collaborationId: In(ids), party: In([forceA, forceB]), signedAt: within }),
          // Proposed or decided within the months (a month's figures count both), by the collaboration's
          // index; a plain statement whose rows pg hands over as they are (no column of these has a
          // transformer): TypeORM's hydration of ~1,200 rows was a tenth of the route's time.
          this.db.query(
            `SELECT ${columnsAs(this.db.getMetadata(DecisionLogEntry), PAIR_DECISION_COLUMNS)} FROM ${this.db.getMetadata(DecisionLogEntry).tablePath}
             WHERE collaboration_id = ANY ($1::uuid[]) AND ((proposed_at >= $2 AND proposed_at < $3) OR (decided_at >= $2 AND decided_at < $3))`,
            [ids, start, end],
          ) as Promise<DecisionLogEntry[]>,
        ])
      : [[], []];
    return pairIndicators(forceA, forceB, shared, signatures, decisions, range, asAt.answered);
  }
}
