import { Controller, Get, Inject, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { LedgerError } from '#shared-kernel';
import { AppetitePeriod, BenefitAgainstPlan, DecisionLogEntry, OfficeTenure, RecommendationTrack, RegisterEntry, SignatureCell } from './entities.js';
import { READ_MODEL_DATABASE } from './read-models.tokens.js';

const LEVELS = ['averse', 'minimal', 'cautious', 'open', 'eager'];
const CATEGORIES = ['financial', 'operational', 'reputational', 'legal-compliance', 'people', 'information-and-data', 'partnership'];

const month = (date: Date) => date.toISOString().slice(0, 7);
const mean = (values: number[]) => (values.length ? Number((values.reduce((a, b) => a + b, 0) / values.length).toFixed(2)) : null);
const share = (part: number, whole: number) => (whole ? Number((part / whole).toFixed(4)) : null);

interface Month {
  month: string;
  signatures: { count: number; meanDaysFromProposal: number | null; events: number[] };
  decisions: {
    proposed: number;
    decided: number;
    meanDaysToDecide: number | null;
    shareEscalated: number | null;
    shareTakenByLeadForceAlone: number | null;
    shareTakenUnderUrgency: number | null;
    urgentRatified: number;
    rejectionsByParty: Record<string, number>;
    decisionIds: string[];
    events: number[];
  };
  leadership: { officeChanges: number; pendingItemsCarried: number; changes: Array<{ forceCode: string; office: string; endedBy: string; event: number | null }> };
  withdrawalNotices: { given: number; parties: string[]; events: number[] };
  benefits: { measured: number; cashableRealisedGbp: number; benefitIds: string[] };
  recommendations: { slips: number; recommendationIds: string[]; events: number[] };
  /** At the month's end: the widest spread between parties' declared levels in any category and remit, in steps. */
  riskAppetite: { widestSpread: number | null; category: string | null; remit: string | null; events: number[] };
}

/**
 * Governance and trust indicators of one collaboration, per month, each figure with the events or
 * records behind it (open them with GET /collaborations/{id}/timeline, /decisions/{id},
 * /office-holders). Plain counts, means and shares: no composite score.
 */
@ApiTags('read models')
@ApiBearerAuth()
@Controller()
export class IndicatorsController {
  constructor(@Inject(READ_MODEL_DATABASE) private readonly db: DataSource) {}

  @Get('collaborations/:collaborationId/indicators')
  @ApiOperation({ summary: 'Per month: days to sign, days to decide, shares escalated / decided by the lead force alone / taken under urgency, rejections per party, leadership changes and what they carried over' })
  async indicators(@Param('collaborationId', new ParseUUIDPipe()) collaborationId: string) {
    const entry = await this.db.getRepository(RegisterEntry).findOneBy({ collaborationId });
    if (!entry) throw new LedgerError('CollaborationNotFound', 'not-found', `There is no collaboration ${collaborationId} in the register (yet).`);
    const [signatures, decisions, tenures, benefits, recommendations, appetite] = await Promise.all([
      this.db.getRepository(SignatureCell).findBy({ collaborationId }),
      this.db.getRepository(DecisionLogEntry).findBy({ collaborationId }),
      this.db
        .getRepository(OfficeTenure)
        .createQueryBuilder('t')
        .where('t.forceCode IN (:...parties)', { parties: entry.parties })
        .andWhere('t.heldTo IS NOT NULL AND t.heldTo >= :since', { since: entry.proposedAt })
        .getMany(),
      this.db.getRepository(BenefitAgainstPlan).findBy({ collaborationId }),
      this.db.getRepository(RecommendationTrack).findBy({ collaborationId }),
      this.db.getRepository(AppetitePeriod).createQueryBuilder('p').where('p.forceCode IN (:...parties)', { parties: entry.parties }).getMany(),
    ]);
    const months = new Map<string, Month>();
    const at = (key: string): Month => {
      if (!months.has(key)) {
        months.set(key, {
          month: key,
          signatures: { count: 0, meanDaysFromProposal: null, events: [] },
          decisions: { proposed: 0, decided: 0, meanDaysToDecide: null, shareEscalated: null, shareTakenByLeadForceAlone: null, shareTakenUnderUrgency: null, urgentRatified: 0, rejectionsByParty: {}, decisionIds: [], events: [] },
          leadership: { officeChanges: 0, pendingItemsCarried: 0, changes: [] },
          withdrawalNotices: { given: 0, parties: [], events: [] },
          benefits: { measured: 0, cashableRealisedGbp: 0, benefitIds: [] },
          recommendations: { slips: 0, recommendationIds: [], events: [] },
          riskAppetite: { widestSpread: null, category: null, remit: null, events: [] },
        });
      }
      return months.get(key)!;
    };
    const daysToSign = new Map<string, number[]>();
    for (const s of signatures) {
      const m = at(month(s.signedAt));
      m.signatures.count++;
      m.signatures.events.push(Number(s.eventPosition));
      daysToSign.set(m.month, [...(daysToSign.get(m.month) ?? []), (s.signedAt.getTime() - entry.proposedAt.getTime()) / 86_400_000]);
    }
    for (const [key, values] of daysToSign) at(key).signatures.meanDaysFromProposal = mean(values);

    const byMonth = new Map<string, { proposed: DecisionLogEntry[]; decided: DecisionLogEntry[] }>();
    for (const d of decisions) {
      const p = month(d.proposedAt);
      byMonth.set(p, { proposed: [...(byMonth.get(p)?.proposed ?? []), d], decided: byMonth.get(p)?.decided ?? [] });
      if (d.decidedAt) {
        const k = month(d.decidedAt);
        byMonth.set(k, { proposed: byMonth.get(k)?.proposed ?? [], decided: [...(byMonth.get(k)?.decided ?? []), d] });
      }
    }
    for (const [key, { proposed, decided }] of byMonth) {
      const m = at(key).decisions;
      m.proposed = proposed.length;
      m.decided = decided.filter((d) => d.status !== 'rejected').length;
      m.meanDaysToDecide = mean(decided.map((d) => d.daysToDecide ?? 0));
      m.shareEscalated = share(proposed.filter((d) => d.escalations > 0).length, proposed.length);
      m.shareTakenByLeadForceAlone = share(decided.filter((d) => d.takenUnderDelegation).length, decided.length);
      m.shareTakenUnderUrgency = share(decided.filter((d) => d.urgent).length, decided.length);
      m.urgentRatified = decided.filter((d) => d.urgent && d.ratified).length;
      for (const d of decided) for (const r of d.rejections as Array<{ party: string }>) m.rejectionsByParty[r.party] = (m.rejectionsByParty[r.party] ?? 0) + 1;
      m.decisionIds = [...new Set([...proposed, ...decided].map((d) => d.decisionId))];
      m.events = [...new Set([...proposed, ...decided].flatMap((d) => d.eventPositions))].sort((a, b) => a - b);
    }
    for (const t of tenures) {
      const m = at(month(t.heldTo!)).leadership;
      m.officeChanges++;
      m.pendingItemsCarried += t.pendingAtEnd.length;
      m.changes.push({ forceCode: t.forceCode, office: t.office, endedBy: t.endedBy ?? 'unknown', event: t.endedByPosition ? Number(t.endedByPosition) : null });
    }
    for (const notice of entry.notices) {
      const m = at(notice.givenAt.slice(0, 7)).withdrawalNotices;
      m.given++;
      m.parties.push(notice.party);
      m.events.push(notice.position);
    }
    for (const benefit of benefits) {
      for (const [period, value] of Object.entries(benefit.measurements)) {
        const m = at(period).benefits;
        m.measured++;
        if (benefit.category === 'economic' && benefit.unit === 'GBP') m.cashableRealisedGbp += value - benefit.baseline;
        if (!m.benefitIds.includes(benefit.benefitId)) m.benefitIds.push(benefit.benefitId);
      }
    }
    for (const recommendation of recommendations) {
      for (const slip of recommendation.slipEvents) {
        const m = at(slip.at.slice(0, 7)).recommendations;
        m.slips++;
        m.events.push(slip.position);
        if (!m.recommendationIds.includes(recommendation.recommendationId)) m.recommendationIds.push(recommendation.recommendationId);
      }
    }
    for (const period of appetite) at(month(period.heldFrom)); // months when an appetite changed
    for (const m of months.values()) {
      const end = new Date(Date.UTC(Number(m.month.slice(0, 4)), Number(m.month.slice(5, 7)), 1)); // first instant after the month
      const current = appetite.filter((p) => p.heldFrom < end && (p.heldTo === null || p.heldTo >= end));
      for (const remit of ['operational', 'strategic']) {
        for (const category of CATEGORIES) {
          const declared = current.filter((p) => p.remit === remit && p.category === category);
          if (declared.length < 2) continue;
          const steps = declared.map((p) => LEVELS.indexOf(p.level));
          const spread = Math.max(...steps) - Math.min(...steps);
          if (m.riskAppetite.widestSpread === null || spread > m.riskAppetite.widestSpread) {
            m.riskAppetite = { widestSpread: spread, category, remit, events: declared.map((p) => Number(p.eventPosition)) };
          }
        }
      }
    }
    return { collaborationId, name: entry.name, parties: entry.parties, months: [...months.values()].sort((a, b) => a.month.localeCompare(b.month)) };
  }

  @Get('collaborations/:collaborationId/risk-appetite-alignment')
  @ApiOperation({
    summary: 'Risk-appetite alignment as at a date: per category, each party’s declared level (operational remit by its chief officer, strategic by its policing body), the spread between parties, and each party’s distance from the appetite the partners agreed',
    description: 'Levels are placed on the five-step scale averse(0), minimal(1), cautious(2), open(3), eager(4); spread and distance are in steps.',
  })
  @ApiQuery({ name: 'asOf', required: false, description: 'ISO 8601 date; default now' })
  async alignment(@Param('collaborationId', new ParseUUIDPipe()) collaborationId: string, @Query('asOf') asOf: string | undefined) {
    const at = asOf ? new Date(asOf.length === 10 ? `${asOf}T23:59:59.999Z` : asOf) : new Date();
    if (Number.isNaN(at.getTime())) throw new LedgerError('InvalidDate', 'invalid', `asOf must be an ISO 8601 date, not ${JSON.stringify(asOf)}.`);
    const entry = await this.db.getRepository(RegisterEntry).findOneBy({ collaborationId });
    if (!entry) throw new LedgerError('CollaborationNotFound', 'not-found', `There is no collaboration ${collaborationId} in the register (yet).`);
    const agreed = [...entry.agreedAppetites].reverse().find((a) => Date.parse(a.from) <= at.getTime()) ?? null;
    const periods = await this.db
      .getRepository(AppetitePeriod)
      .createQueryBuilder('p')
      .where('p.forceCode IN (:...parties)', { parties: entry.parties })
      .andWhere('p.heldFrom <= :at AND (p.heldTo IS NULL OR p.heldTo > :at)', { at })
      .getMany();
    const categories = CATEGORIES.map((category) => {
      const agreedLevel = agreed?.appetite.find((a) => a.category === category)?.level ?? null;
      const remits = (['operational', 'strategic'] as const).map((remit) => {
        const parties = entry.parties.map((party) => {
          const period = periods.find((p) => p.forceCode === party && p.remit === remit && p.category === category);
          const level = period?.level ?? null;
          return {
            party,
            level,
            distanceFromAgreed: level && agreedLevel ? Math.abs(LEVELS.indexOf(level) - LEVELS.indexOf(agreedLevel)) : null,
            since: period?.heldFrom ?? null,
            event: period ? Number(period.eventPosition) : null,
          };
        });
        const steps = parties.filter((p) => p.level).map((p) => LEVELS.indexOf(p.level!));
        return { remit, spread: steps.length >= 2 ? Math.max(...steps) - Math.min(...steps) : null, declaredBy: steps.length, parties };
      });
      return { category, agreed: agreedLevel, agreedEvent: agreed?.position ?? null, remits };
    });
    return { collaborationId, asOf: at.toISOString(), categories };
  }

  @Get('indicators/pairs/:forceA/:forceB')
  @ApiOperation({
    summary: 'Trust between two forces, per month, across every collaboration both are party to: days each took to sign, decisions they shared and how long they took, escalations, and rejections by each',
  })
  async pair(@Param('forceA') forceA: string, @Param('forceB') forceB: string) {
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
          this.db.getRepository(SignatureCell).createQueryBuilder('s').where('s.collaborationId IN (:...ids)', { ids }).andWhere('s.party IN (:...pair)', { pair: [forceA, forceB] }).getMany(),
          this.db.getRepository(DecisionLogEntry).createQueryBuilder('d').where('d.collaborationId IN (:...ids)', { ids }).getMany(),
        ])
      : [[], []];
    const proposedAt = new Map(shared.map((c) => [c.collaborationId, c.proposedAt]));
    type PairMonth = {
      month: string;
      daysToSign: Record<string, number | null>;
      signatureEvents: number[];
      decisions: { proposed: number; decided: number; meanDaysToDecide: number | null; shareEscalated: number | null; rejections: Record<string, number>; decisionIds: string[]; events: number[] };
    };
    const months = new Map<string, PairMonth>();
    const at = (key: string): PairMonth => {
      if (!months.has(key)) months.set(key, { month: key, daysToSign: { [forceA]: null, [forceB]: null }, signatureEvents: [], decisions: { proposed: 0, decided: 0, meanDaysToDecide: null, shareEscalated: null, rejections: { [forceA]: 0, [forceB]: 0 }, decisionIds: [], events: [] } });
      return months.get(key)!;
    };
    const signDays = new Map<string, Map<string, number[]>>();
    for (const s of signatures) {
      const m = at(month(s.signedAt));
      m.signatureEvents.push(Number(s.eventPosition));
      const byParty = signDays.get(m.month) ?? new Map<string, number[]>();
      byParty.set(s.party, [...(byParty.get(s.party) ?? []), (s.signedAt.getTime() - proposedAt.get(s.collaborationId)!.getTime()) / 86_400_000]);
      signDays.set(m.month, byParty);
    }
    for (const [key, byParty] of signDays) for (const [party, values] of byParty) at(key).daysToSign[party] = mean(values);
    const byMonth = new Map<string, DecisionLogEntry[]>();
    for (const d of decisions) byMonth.set(month(d.proposedAt), [...(byMonth.get(month(d.proposedAt)) ?? []), d]);
    for (const [key, list] of byMonth) {
      const m = at(key).decisions;
      const decided = list.filter((d) => d.decidedAt);
      m.proposed = list.length;
      m.decided = decided.filter((d) => d.status !== 'rejected').length;
      m.meanDaysToDecide = mean(decided.map((d) => d.daysToDecide ?? 0));
      m.shareEscalated = share(list.filter((d) => d.escalations > 0).length, list.length);
      for (const d of list) for (const r of d.rejections as Array<{ party: string }>) if (r.party in m.rejections) m.rejections[r.party]!++;
      m.decisionIds = list.map((d) => d.decisionId);
      m.events = list.flatMap((d) => d.eventPositions).sort((a, b) => a - b);
    }
    return {
      forces: [forceA, forceB],
      sharedCollaborations: shared.map((c) => ({ collaborationId: c.collaborationId, name: c.name, status: c.status })),
      months: [...months.values()].sort((a, b) => a.month.localeCompare(b.month)),
    };
  }
}
