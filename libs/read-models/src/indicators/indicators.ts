import { ApiProperty } from '@nestjs/swagger';
import type { BenefitAgainstPlan } from '../benefits-against-plan/benefits-against-plan.entity.js';
import type { DecisionLogEntry } from '../decision-log/decision-log.entity.js';
import type { OfficeTenure } from '../office-holders/office-holders.entity.js';
import type { RecommendationTrack } from '../recommendations-tracker/recommendations-tracker.entity.js';
import type { RegisterEntry } from '../register/register.entity.js';
import type { AppetitePeriod } from '../risk-appetite/risk-appetite.entity.js';
import { widestSpread } from '../risk-appetite/risk-appetite.queries.js';
import type { SignatureCell } from '../signature-matrix/signature-matrix.entity.js';

/**
 * Governance and trust indicators, as pure functions of projected rows: plain counts, means and
 * shares per month, each with the events or records behind it (open them with the timeline, the
 * decision, the office holders). No composite score.
 */

export const monthOf = (date: Date) => date.toISOString().slice(0, 7);
export const mean = (values: number[]) => (values.length ? Number((values.reduce((a, b) => a + b, 0) / values.length).toFixed(2)) : null);
export const share = (part: number, whole: number) => (whole ? Number((part / whole).toFixed(4)) : null);
const daysBetween = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 86_400_000;
/** The first instant after a month (YYYY-MM). */
export const endOfMonth = (month: string) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 1));

export class SignatureMonth {
  @ApiProperty() count!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Mean days from the proposal to each signature made this month' }) meanDaysFromProposal!: number | null;
  @ApiProperty({ type: [Number] }) events!: number[];
}

export class DecisionMonth {
  @ApiProperty({ description: 'Decisions proposed this month' }) proposed!: number;
  @ApiProperty({ description: 'Decisions decided this month and not rejected' }) decided!: number;
  @ApiProperty({ type: Number, nullable: true }) meanDaysToDecide!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Of those proposed this month, the share escalated' }) shareEscalated!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Of those decided this month, the share taken by the lead force alone' }) shareTakenByLeadForceAlone!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Of those decided this month, the share taken under urgency' }) shareTakenUnderUrgency!: number | null;
  @ApiProperty() urgentRatified!: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) rejectionsByParty!: Record<string, number>;
  @ApiProperty({ type: [String] }) decisionIds!: string[];
  @ApiProperty({ type: [Number] }) events!: number[];
}

export class LeadershipChange {
  @ApiProperty() forceCode!: string;
  @ApiProperty() office!: string;
  @ApiProperty() endedBy!: string;
  @ApiProperty({ type: Number, nullable: true }) event!: number | null;
}

export class LeadershipMonth {
  @ApiProperty() officeChanges!: number;
  @ApiProperty() pendingItemsCarried!: number;
  @ApiProperty({ type: [LeadershipChange] }) changes!: LeadershipChange[];
}

export class NoticeMonth {
  @ApiProperty() given!: number;
  @ApiProperty({ type: [String] }) parties!: string[];
  @ApiProperty({ type: [Number] }) events!: number[];
}

export class BenefitMonth {
  @ApiProperty() measured!: number;
  @ApiProperty({ description: 'Economic benefits in GBP: the month’s figure less the baseline, summed' }) cashableRealisedGbp!: number;
  @ApiProperty({ type: [String] }) benefitIds!: string[];
}

export class RecommendationMonth {
  @ApiProperty() slips!: number;
  @ApiProperty({ type: [String] }) recommendationIds!: string[];
  @ApiProperty({ type: [Number] }) events!: number[];
}

export class AppetiteMonth {
  @ApiProperty({ type: Number, nullable: true, description: 'At the month’s end: the widest spread between parties’ declared levels, in steps' }) widestSpread!: number | null;
  @ApiProperty({ type: String, nullable: true }) category!: string | null;
  @ApiProperty({ type: String, nullable: true }) remit!: string | null;
  @ApiProperty({ type: [Number] }) events!: number[];
}

export class IndicatorMonth {
  @ApiProperty({ example: '2016-05' }) month!: string;
  @ApiProperty({ type: SignatureMonth }) signatures!: SignatureMonth;
  @ApiProperty({ type: DecisionMonth }) decisions!: DecisionMonth;
  @ApiProperty({ type: LeadershipMonth }) leadership!: LeadershipMonth;
  @ApiProperty({ type: NoticeMonth }) withdrawalNotices!: NoticeMonth;
  @ApiProperty({ type: BenefitMonth }) benefits!: BenefitMonth;
  @ApiProperty({ type: RecommendationMonth }) recommendations!: RecommendationMonth;
  @ApiProperty({ type: AppetiteMonth }) riskAppetite!: AppetiteMonth;
}

export class CollaborationIndicatorsView {
  @ApiProperty({ format: 'uuid' }) collaborationId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [String] }) parties!: string[];
  @ApiProperty({ type: [IndicatorMonth] }) months!: IndicatorMonth[];
}

export interface CollaborationRecords {
  signatures: readonly SignatureCell[];
  decisions: readonly DecisionLogEntry[];
  /** Tenures of the parties' offices that ended since the proposal. */
  tenures: readonly OfficeTenure[];
  benefits: readonly BenefitAgainstPlan[];
  recommendations: readonly RecommendationTrack[];
  appetite: readonly AppetitePeriod[];
}

const emptyMonth = (month: string): IndicatorMonth => ({
  month,
  signatures: { count: 0, meanDaysFromProposal: null, events: [] },
  decisions: { proposed: 0, decided: 0, meanDaysToDecide: null, shareEscalated: null, shareTakenByLeadForceAlone: null, shareTakenUnderUrgency: null, urgentRatified: 0, rejectionsByParty: {}, decisionIds: [], events: [] },
  leadership: { officeChanges: 0, pendingItemsCarried: 0, changes: [] },
  withdrawalNotices: { given: 0, parties: [], events: [] },
  benefits: { measured: 0, cashableRealisedGbp: 0, benefitIds: [] },
  recommendations: { slips: 0, recommendationIds: [], events: [] },
  riskAppetite: { widestSpread: null, category: null, remit: null, events: [] },
});

/** Decisions grouped by the month they were proposed in and the month they were decided in. */
function decisionsByMonth(decisions: readonly DecisionLogEntry[]) {
  const byMonth = new Map<string, { proposed: DecisionLogEntry[]; decided: DecisionLogEntry[] }>();
  const at = (key: string) => byMonth.get(key) ?? byMonth.set(key, { proposed: [], decided: [] }).get(key)!;
  for (const d of decisions) {
    at(monthOf(d.proposedAt)).proposed.push(d);
    if (d.decidedAt) at(monthOf(d.decidedAt)).decided.push(d);
  }
  return byMonth;
}

/** One collaboration's indicators per month (docs/indicators.md defines each figure). */
export function collaborationIndicators(entry: RegisterEntry, records: CollaborationRecords): CollaborationIndicatorsView {
  const months = new Map<string, IndicatorMonth>();
  const at = (key: string) => months.get(key) ?? months.set(key, emptyMonth(key)).get(key)!;

  const daysToSign = new Map<string, number[]>();
  for (const s of records.signatures) {
    const m = at(monthOf(s.signedAt));
    m.signatures.count++;
    m.signatures.events.push(s.eventPosition);
    daysToSign.set(m.month, [...(daysToSign.get(m.month) ?? []), daysBetween(entry.proposedAt, s.signedAt)]);
  }
  for (const [key, values] of daysToSign) at(key).signatures.meanDaysFromProposal = mean(values);

  for (const [key, { proposed, decided }] of decisionsByMonth(records.decisions)) {
    const m = at(key).decisions;
    m.proposed = proposed.length;
    m.decided = decided.filter((d) => d.status !== 'rejected').length;
    m.meanDaysToDecide = mean(decided.map((d) => d.daysToDecide ?? 0));
    m.shareEscalated = share(proposed.filter((d) => d.escalations > 0).length, proposed.length);
    m.shareTakenByLeadForceAlone = share(decided.filter((d) => d.takenUnderDelegation).length, decided.length);
    m.shareTakenUnderUrgency = share(decided.filter((d) => d.urgent).length, decided.length);
    m.urgentRatified = decided.filter((d) => d.urgent && d.ratified).length;
    for (const d of decided) for (const r of d.rejections) m.rejectionsByParty[r.party] = (m.rejectionsByParty[r.party] ?? 0) + 1;
    m.decisionIds = [...new Set([...proposed, ...decided].map((d) => d.decisionId))];
    m.events = [...new Set([...proposed, ...decided].flatMap((d) => d.eventPositions))].sort((a, b) => a - b);
  }

  for (const t of records.tenures) {
    const m = at(monthOf(t.heldTo!)).leadership;
    m.officeChanges++;
    m.pendingItemsCarried += t.pendingAtEnd.length;
    m.changes.push({ forceCode: t.forceCode, office: t.office, endedBy: t.endedBy ?? 'unknown', event: t.endedByPosition });
  }
  for (const notice of entry.notices) {
    const m = at(notice.givenAt.slice(0, 7)).withdrawalNotices;
    m.given++;
    m.parties.push(notice.party);
    m.events.push(notice.position);
  }
  for (const benefit of records.benefits) {
    for (const [period, value] of Object.entries(benefit.measurements)) {
      const m = at(period).benefits;
      m.measured++;
      if (benefit.category === 'economic' && benefit.unit === 'GBP') m.cashableRealisedGbp += value - benefit.baseline;
      if (!m.benefitIds.includes(benefit.benefitId)) m.benefitIds.push(benefit.benefitId);
    }
  }
  for (const recommendation of records.recommendations) {
    for (const slip of recommendation.slipEvents) {
      const m = at(slip.at.slice(0, 7)).recommendations;
      m.slips++;
      m.events.push(slip.position);
      if (!m.recommendationIds.includes(recommendation.recommendationId)) m.recommendationIds.push(recommendation.recommendationId);
    }
  }
  for (const period of records.appetite) at(monthOf(period.heldFrom)); // months when an appetite changed
  for (const m of months.values()) {
    const widest = widestSpread(entry.parties, records.appetite, endOfMonth(m.month));
    if (widest) m.riskAppetite = widest;
  }
  return { collaborationId: entry.collaborationId, name: entry.name, parties: entry.parties, months: [...months.values()].sort((a, b) => a.month.localeCompare(b.month)) };
}

export class PairDecisionMonth {
  @ApiProperty() proposed!: number;
  @ApiProperty() decided!: number;
  @ApiProperty({ type: Number, nullable: true }) meanDaysToDecide!: number | null;
  @ApiProperty({ type: Number, nullable: true }) shareEscalated!: number | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) rejections!: Record<string, number>;
  @ApiProperty({ type: [String] }) decisionIds!: string[];
  @ApiProperty({ type: [Number] }) events!: number[];
}

export class PairMonth {
  @ApiProperty() month!: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number', nullable: true }, description: 'Force → mean days from proposal to its signatures this month' })
  daysToSign!: Record<string, number | null>;
  @ApiProperty({ type: [Number] }) signatureEvents!: number[];
  @ApiProperty({ type: PairDecisionMonth }) decisions!: PairDecisionMonth;
}

export class SharedCollaborationView {
  @ApiProperty({ format: 'uuid' }) collaborationId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() status!: string;
}

export class PairIndicatorsView {
  @ApiProperty({ type: [String] }) forces!: string[];
  @ApiProperty({ type: [SharedCollaborationView] }) sharedCollaborations!: SharedCollaborationView[];
  @ApiProperty({ type: [PairMonth] }) months!: PairMonth[];
}

/** Trust between two forces per month, across every collaboration both are party to. */
export function pairIndicators(forceA: string, forceB: string, shared: readonly RegisterEntry[], signatures: readonly SignatureCell[], decisions: readonly DecisionLogEntry[]): PairIndicatorsView {
  const proposedAt = new Map(shared.map((c) => [c.collaborationId, c.proposedAt]));
  const months = new Map<string, PairMonth>();
  const at = (key: string) =>
    months.get(key) ??
    months
      .set(key, { month: key, daysToSign: { [forceA]: null, [forceB]: null }, signatureEvents: [], decisions: { proposed: 0, decided: 0, meanDaysToDecide: null, shareEscalated: null, rejections: { [forceA]: 0, [forceB]: 0 }, decisionIds: [], events: [] } })
      .get(key)!;
  const signDays = new Map<string, Map<string, number[]>>();
  for (const s of signatures) {
    const m = at(monthOf(s.signedAt));
    m.signatureEvents.push(s.eventPosition);
    const byParty = signDays.get(m.month) ?? new Map<string, number[]>();
    byParty.set(s.party, [...(byParty.get(s.party) ?? []), daysBetween(proposedAt.get(s.collaborationId)!, s.signedAt)]);
    signDays.set(m.month, byParty);
  }
  for (const [key, byParty] of signDays) for (const [party, values] of byParty) at(key).daysToSign[party] = mean(values);
  const byMonth = new Map<string, DecisionLogEntry[]>();
  for (const d of decisions) byMonth.set(monthOf(d.proposedAt), [...(byMonth.get(monthOf(d.proposedAt)) ?? []), d]);
  for (const [key, list] of byMonth) {
    const m = at(key).decisions;
    const decided = list.filter((d) => d.decidedAt);
    m.proposed = list.length;
    m.decided = decided.filter((d) => d.status !== 'rejected').length;
    m.meanDaysToDecide = mean(decided.map((d) => d.daysToDecide ?? 0));
    m.shareEscalated = share(list.filter((d) => d.escalations > 0).length, list.length);
    for (const d of list) for (const r of d.rejections) if (r.party in m.rejections) m.rejections[r.party]!++;
    m.decisionIds = list.map((d) => d.decisionId);
    m.events = list.flatMap((d) => d.eventPositions).sort((a, b) => a - b);
  }
  return {
    forces: [forceA, forceB],
    sharedCollaborations: shared.map((c) => ({ collaborationId: c.collaborationId, name: c.name, status: c.status })),
    months: [...months.values()].sort((a, b) => a.month.localeCompare(b.month)),
  };
}
