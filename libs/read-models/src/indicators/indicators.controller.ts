import { Get, Inject, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { type DataSource, In, MoreThanOrEqual } from 'typeorm';
import { ApiProblems, knownForce } from '#governance';
import { LedgerError } from '#shared-kernel';
import { BenefitAgainstPlan } from '../benefits-against-plan/benefits-against-plan.entity.js';
import { DecisionLogEntry } from '../decision-log/decision-log.entity.js';
import { OfficeTenure } from '../office-holders/office-holders.entity.js';
import { READ_MODEL_DATABASE } from '../read-models.tokens.js';
import { RecommendationTrack } from '../recommendations-tracker/recommendations-tracker.entity.js';
import { RegisterEntry } from '../register/register.entity.js';
import { registerEntry } from '../register/register.queries.js';
import { AppetitePeriod } from '../risk-appetite/risk-appetite.entity.js';
import { SignatureCell } from '../signature-matrix/signature-matrix.entity.js';
import { CollaborationIndicatorsView, PairIndicatorsView, collaborationIndicators, pairIndicators } from './indicators.js';
import { ReadModelController } from '../read-after.js';

@ReadModelController()
export class IndicatorsController {
  constructor(@Inject(READ_MODEL_DATABASE) private readonly db: DataSource) {}

  @Get('collaborations/:collaborationId/indicators')
  @ApiOperation({ summary: 'Per month: days to sign, days to decide, shares escalated / decided by the lead force alone / taken under urgency, rejections per party, leadership changes and what they carried over' })
  @ApiOkResponse({ type: CollaborationIndicatorsView })
  @ApiProblems(400, 401, 404, 503)
  async indicators(@Param('collaborationId', new ParseUUIDPipe()) collaborationId: string): Promise<CollaborationIndicatorsView> {
    const entry = await registerEntry(this.db, collaborationId);
    const [signatures, decisions, tenures, benefits, recommendations, appetite] = await Promise.all([
      this.db.getRepository(SignatureCell).findBy({ collaborationId }),
      this.db.getRepository(DecisionLogEntry).findBy({ collaborationId }),
      this.db.getRepository(OfficeTenure).findBy({ forceCode: In(entry.parties), heldTo: MoreThanOrEqual(entry.proposedAt) }),
      this.db.getRepository(BenefitAgainstPlan).findBy({ collaborationId }),
      this.db.getRepository(RecommendationTrack).findBy({ collaborationId }),
      this.db.getRepository(AppetitePeriod).findBy({ forceCode: In(entry.parties) }),
    ]);
    return collaborationIndicators(entry, { signatures, decisions, tenures, benefits, recommendations, appetite });
  }

  @Get('indicators/pairs/:forceA/:forceB')
  @ApiOperation({
    summary: 'Trust between two forces, per month, across every collaboration both are party to: days each took to sign, decisions they shared and how long they took, escalations, and rejections by each',
  })
  @ApiOkResponse({ type: PairIndicatorsView })
  @ApiProblems(400, 401, 404, 503)
  async pair(@Param('forceA') forceA: string, @Param('forceB') forceB: string): Promise<PairIndicatorsView> {
    knownForce(forceA);
    knownForce(forceB);
    if (forceA === forceB) throw new LedgerError('SameForceTwice', 'invalid', 'Name two different forces.');
    const shared = await this.db
      .getRepository(RegisterEntry)
      .createQueryBuilder('entry')
      .where('entry.parties @> :pair::jsonb', { pair: JSON.stringify([forceA, forceB]) })
      .orderBy('entry.proposedAt', 'ASC')
      .getMany();
    const ids = shared.map((c) => c.collaborationId);
    const [signatures, decisions] = ids.length
      ? await Promise.all([
          this.db.getRepository(SignatureCell).findBy({ collaborationId: In(ids), party: In([forceA, forceB]) }),
          this.db.getRepository(DecisionLogEntry).findBy({ collaborationId: In(ids) }),
        ])
      : [[], []];
    return pairIndicators(forceA, forceB, shared, signatures, decisions);
  }
}
