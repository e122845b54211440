import { Controller, Get, Inject, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { LedgerError } from '#shared-kernel';
import { AppetitePeriod, DecisionLogEntry, OfficeTenure, RegisterEntry, SignatureCell } from './entities.js';
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
}

/**
 * Governance and trust indicators of one collaboration, per month, each figure with the events or
 * records behind it (open them with GET /collaborations/{id}/timeline, /decisions/{id},
 * /office-holders). Plain counts, means and shares: no composite score.
 */
@ApiTags('read models')
@ApiBearerAuth()
@Controller('collaborations')
export class IndicatorsController {
  constructor(@Inject(READ_MODEL_DATABASE) private readonly db: DataSource) {}

  @Get(':collaborationId/indicators')
  @ApiOperation({ summary: 'Per month: days to sign, days to decide, shares escalated / decided by the lead force alone / taken under urgency, rejections per party, leadership changes and what they carried over' })
  async indicators(@Param('collaborationId', new ParseUUIDPipe()) collaborationId: string) {
    const entry = await this.db.getRepository(RegisterEntry).findOneBy({ collaborationId });
    if (!entry) throw new LedgerError('CollaborationNotFound', 'not-found', `There is no collaboration ${collaborationId} in the register (yet).`);
    const [signatures, decisions, tenures] = await Promise.all([
      this.db.getRepository(SignatureCell).findBy({ collaborationId }),
      this.db.getRepository(DecisionLogEntry).findBy({ collaborationId }),
      this.db
        .getRepository(OfficeTenure)
        .createQueryBuilder('t')
        .where('t.forceCode IN (:...parties)', { parties: entry.parties })
        .andWhere('t.heldTo IS NOT NULL AND t.heldTo >= :since', { since: entry.proposedAt })
        .getMany(),
    ]);
    const months = new Map<string, Month>();
    const at = (key: string): Month => {
      if (!months.has(key)) {
        months.set(key, {
          month: key,
          signatures: { count: 0, meanDaysFromProposal: null, events: [] },
          decisions: { proposed: 0, decided: 0, meanDaysToDecide: null, shareEscalated: null, shareTakenByLeadForceAlone: null, shareTakenUnderUrgency: null, urgentRatified: 0, rejectionsByParty: {}, decisionIds: [], events: [] },
          leadership: { officeChanges: 0, pendingItemsCarried: 0, changes: [] },
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
    return { collaborationId, name: entry.name, parties: entry.parties, months: [...months.values()].sort((a, b) => a.month.localeCompare(b.month)) };
  }

  @Get(':collaborationId/risk-appetite-alignment')
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
}
