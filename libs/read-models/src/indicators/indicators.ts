import { ApiProperty } from '@nestjs/swagger';
import type { BenefitAgainstPlan } from '../benefits-against-plan/benefits-against-plan.entity.js';
import type { DecisionLogEntry } from '../decision-log/decision-log.entity.js';
import type { OfficeTenure } from '../office-holders/office-holders.entity.js';
import type { RecommendationTrack } from '../recommendations-tracker/recommendations-tracker.entity.js';
import type { RegisterEntry } from '../register/register.entity.js';
import type { AppetitePeriod } from '../risk-appetite/risk-appetite.entity.js';
import { AnsweredAsAt } from '../as-at.js';
import { realisation, round2 } from '../benefits-against-plan/realisation.js';
import { heldAtEach, widestSpreadAmong } from '../risk-appetite/risk-appetite.queries.js';
import { LedgerError } from '#shared-kernel';
import type { SignatureCell } from '../signature-matrix/signature-matrix.entity.js';

/**
 * Governance and trust indicators, as pure functions of projected rows: plain counts, means and
 * shares per month, each with the events or records behind it (open them with the timeline, the
 * decision, the office holders). No composite score.
 */

/** The month of an instant, YYYY-MM (UTC): as toISOString().slice(0, 7), without building the whole string for the years 1000–9999. */
export const monthOf = (date: Date) => {
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + 1;
  return year >= 1000 && year <= 9999 ? `${year}-${month < 10 ? '0' : ''}${month}` : date.toISOString().slice(0, 7);
};
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
  @ApiProperty({ description: 'Decisions proposed this month (a flow: no share is taken of it)' }) proposed!: number;
  @ApiProperty({ description: 'Decisions decided this month: taken, taken under urgency or rejected. The denominator of every share below' }) decided!: number;
  @ApiProperty({ description: 'Of those decided this month: taken with the approvals they needed' }) taken!: number;
  @ApiProperty({ description: 'Of those decided this month: taken under urgency' }) takenUnderUrgency!: number;
  @ApiProperty({ description: 'Of those decided this month: rejected' }) rejected!: number;
  @ApiProperty({ description: 'Of those decided this month: taken by the lead force alone, under its delegation' }) takenByLeadForceAlone!: number;
  @ApiProperty({ description: 'Of those decided this month: escalated because the delegation scheme in force required it (automatic, with the proposal)' }) escalatedByScheme!: number;
  @ApiProperty({ description: 'Of those decided this month: escalated by the proposer’s choice, beyond what the scheme required (may also be escalatedByScheme)' }) escalatedByChoice!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Mean days from proposal to decision, over those decided this month' }) meanDaysToDecide!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: '(escalated by scheme or by choice) / decided' }) shareEscalated!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'escalatedByScheme / decided' }) shareEscalatedByScheme!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'escalatedByChoice / decided' }) shareEscalatedByChoice!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'takenByLeadForceAlone / decided' }) shareTakenByLeadForceAlone!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'takenUnderUrgency / decided' }) shareTakenUnderUrgency!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'rejected / decided' }) shareRejected!: number | null;
  @ApiProperty({ description: 'Of those taken under urgency this month: ratified by every approval they skipped (as at the date answered for)' }) urgentRatified!: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, description: 'Rejections of the decisions decided this month, by party' }) rejectionsByParty!: Record<string, number>;
  @ApiProperty({ type: [String] }) decisionIds!: string[];
  @ApiProperty({ type: [Number] }) events!: number[];
}

export class LeadershipChange {
  @ApiProperty() forceCode!: string;
  @ApiProperty() office!: string;
  @ApiProperty() endedBy!: string;
  @ApiProperty({ description: 'Days the outgoing holder was in office while the force was a party (from the later of appointment and proposal)' }) daysInOffice!: number;
  @ApiProperty({ type: Number, nullable: true }) event!: number | null;
}

export class LeadershipMonth {
  @ApiProperty({ description: 'Changes of a party’s chief officer or policing body this month (handover, acting designation, vacancy), while the force was a party' }) officeChanges!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Mean daysInOffice of the tenures those changes ended' }) meanDaysInOffice!: number | null;
  @ApiProperty({ description: 'Items pending for those offices when the changes happened' }) pendingItemsCarried!: number;
  @ApiProperty({ type: [LeadershipChange] }) changes!: LeadershipChange[];
}

export class NoticeMonth {
  @ApiProperty({ description: 'Notices of withdrawal given this month' }) given!: number;
  @ApiProperty({ description: 'Of those, rescinded since (as at the date answered for)' }) rescinded!: number;
  @ApiProperty({ type: [String] }) parties!: string[];
  @ApiProperty({ type: [Number] }) events!: number[];
}

export class BenefitMonth {
  @ApiProperty({ description: 'Benefits with a figure for this month' }) measured!: number;
  @ApiProperty({ description: 'Economic (cashable) benefits in GBP: realised in this month by each one’s measure kind, summed, to 2 places' }) cashableRealisedGbp!: number;
  @ApiProperty({ description: 'The same, summed over this month and every earlier one' }) cashableRealisedToDateGbp!: number;
  @ApiProperty({ type: [String] }) benefitIds!: string[];
}

export class RecommendationMonth {
  @ApiProperty({ description: 'Due dates moved later this month' }) slips!: number;
  @ApiProperty({ type: [String] }) recommendationIds!: string[];
  @ApiProperty({ type: [Number] }) events!: number[];
}

export class AppetiteMonth {
  @ApiProperty({ type: Number, nullable: true, description: 'At the month’s end (or the date answered for): the widest spread between the declared levels of the parties then in the collaboration, in steps' }) widestSpread!: number | null;
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

export const TENURE_ENDS = ['handover', 'acting-designation', 'vacancy', 'withdrawal', 'termination', 'as-at'] as const;

export class BoundedTenureView {
  @ApiProperty() forceCode!: string;
  @ApiProperty({ enum: ['chief-officer', 'policing-body'] }) office!: string;
  @ApiProperty() personId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'date-time', description: 'The later of the appointment and the proposal' }) from!: string;
  @ApiProperty({ format: 'date-time', description: 'The earliest of: the tenure’s end, the force’s withdrawal, the termination, the date answered for' }) until!: string;
  @ApiProperty({ enum: TENURE_ENDS, description: 'What bounded it' }) endedBy!: string;
  @ApiProperty({ description: '(until − from) in days, to 2 places' }) days!: number;
}

export class CollaborationIndicatorsView extends AnsweredAsAt {
  @ApiProperty({ format: 'uuid' }) collaborationId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [String] }) parties!: string[];
  @ApiProperty({ format: 'date-time', description: 'The instant figures are bounded by: asOf, else knownAt, else now' }) boundedAt!: string;
  @ApiProperty({ type: [IndicatorMonth] }) months!: IndicatorMonth[];
  @ApiProperty({ type: [BoundedTenureView], description: 'Every tenure of a party’s chief officer and policing body while it was a party, bounded (docs/indicators.md, “Tenures”)' }) tenures!: BoundedTenureView[];
}

export interface CollaborationRecords {
  signatures: readonly SignatureCell[];
  decisions: readonly DecisionLogEntry[];
  /** Tenures of the parties' offices: open ones and those that ended since the proposal. */
  tenures: readonly OfficeTenure[];
  benefits: readonly BenefitAgainstPlan[];
  recommendations: readonly RecommendationTrack[];
  appetite: readonly AppetitePeriod[];
}

const emptyMonth = (month: string): IndicatorMonth => ({
  month,
  signatures: { count: 0, meanDaysFromProposal: null, events: [] },
  decisions: emptyDecisions(),
  leadership: { officeChanges: 0, meanDaysInOffice: null, pendingItemsCarried: 0, changes: [] },
  withdrawalNotices: { given: 0, rescinded: 0, parties: [], events: [] },
  benefits: { measured: 0, cashableRealisedGbp: 0, cashableRealisedToDateGbp: 0, benefitIds: [] },
  recommendations: { slips: 0, recommendationIds: [], events: [] },
  riskAppetite: { widestSpread: null, category: null, remit: null, events: [] },
});

const emptyDecisions = (): DecisionMonth => ({
  proposed: 0,
  decided: 0,
  taken: 0,
  takenUnderUrgency: 0,
  rejected: 0,
  takenByLeadForceAlone: 0,
  escalatedByScheme: 0,
  escalatedByChoice: 0,
  meanDaysToDecide: null,
  shareEscalated: null,
  shareEscalatedByScheme: null,
  shareEscalatedByChoice: null,
  shareTakenByLeadForceAlone: null,
  shareTakenUnderUrgency: null,
  shareRejected: null,
  urgentRatified: 0,
  rejectionsByParty: {},
  decisionIds: [],
  events: [],
});

/** How a decision was decided: rejected, taken under urgency, or taken with its approvals. */
export const decidedHow = (d: Pick<DecisionLogEntry, 'status' | 'urgent'>) => (d.status === 'rejected' ? 'rejected' : d.urgent ? 'under-urgency' : 'taken');

/**
 * The decision figures of one month (docs/indicators.md, “Decisions”): `proposed` counts the
 * decisions proposed in it; every other count is of the decisions decided in it (taken, taken under
 * urgency, rejected), and every share is one of those counts divided by `decided`.
 * `countRejectionsOf`, when given, limits rejectionsByParty to those parties (the pair view).
 */
export function decisionFigures(proposed: readonly DecisionLogEntry[], decided: readonly DecisionLogEntry[], countRejectionsOf?: readonly string[]): DecisionMonth {
  const m: DecisionMonth = emptyDecisions();
  m.proposed = proposed.length;
  m.decided = decided.length;
  // One pass over the month's decisions for every count below.
  let escalated = 0;
  for (const d of decided) {
    const how = decidedHow(d);
    if (how === 'taken') {
      m.taken++;
      if (d.takenUnderDelegation) m.takenByLeadForceAlone++;
    } else if (how === 'under-urgency') {
      m.takenUnderUrgency++;
      if (d.ratified) m.urgentRatified++;
    } else m.rejected++;
    if ((d.escalationsRequired ?? 0) > 0) m.escalatedByScheme++;
    if ((d.escalationsChosen ?? 0) > 0) m.escalatedByChoice++;
    if (d.escalations > 0) escalated++;
  }
  m.meanDaysToDecide = mean(decided.map((d) => d.daysToDecide ?? 0));
  m.shareEscalated = share(escalated, m.decided);
  m.shareEscalatedByScheme = share(m.escalatedByScheme, m.decided);
  m.shareEscalatedByChoice = share(m.escalatedByChoice, m.decided);
  m.shareTakenByLeadForceAlone = share(m.takenByLeadForceAlone, m.decided);
  m.shareTakenUnderUrgency = share(m.takenUnderUrgency, m.decided);
  m.shareRejected = share(m.rejected, m.decided);
  if (countRejectionsOf) for (const party of countRejectionsOf) m.rejectionsByParty[party] = 0;
  for (const d of decided) {
    for (const r of d.rejections) if (!countRejectionsOf || countRejectionsOf.includes(r.party)) m.rejectionsByParty[r.party] = (m.rejectionsByParty[r.party] ?? 0) + 1;
  }
  const all = [...proposed, ...decided];
  m.decisionIds = [...new Set(all.map((d) => d.decisionId))];
  m.events = [...new Set(all.flatMap((d) => d.eventPositions))].sort((a, b) => a - b);
  return m;
}

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

/** When each party's membership ends: its withdrawal, the termination, or the bound, whichever is first. */
export function membershipEnd(entry: Pick<RegisterEntry, 'terminatedAt' | 'withdrawals'>, party: string, boundedAt: Date): { at: Date; by: 'withdrawal' | 'termination' | 'as-at' } {
  const candidates: Array<{ at: Date; by: 'withdrawal' | 'termination' | 'as-at' }> = [{ at: boundedAt, by: 'as-at' }];
  const withdrawal = (entry.withdrawals ?? []).find((w) => w.party === party);
  if (withdrawal) candidates.push({ at: new Date(withdrawal.at), by: 'withdrawal' });
  if (entry.terminatedAt) candidates.push({ at: entry.terminatedAt, by: 'termination' });
  // Earliest first; on a tie, the act (withdrawal, termination) rather than the bound.
  return candidates.sort((a, b) => a.at.getTime() - b.at.getTime() || (a.by === 'as-at' ? 1 : 0) - (b.by === 'as-at' ? 1 : 0))[0]!;
}

/** The parties still in the collaboration at an instant: not yet withdrawn. */
export const partiesAt = (entry: Pick<RegisterEntry, 'parties' | 'withdrawals'>, at: Date) =>
  entry.parties.filter((party) => !(entry.withdrawals ?? []).some((w) => w.party === party && Date.parse(w.at) <= at.getTime()));

/**
 * Every tenure of a party's chief officer and policing body while the force was a party
 * (docs/indicators.md, “Tenures”): from the later of the appointment and the proposal, until the
 * earliest of the tenure's end, the force's withdrawal, the termination and the bound. A tenure
 * wholly outside that window is not counted.
 */
export function boundedTenures(entry: Pick<RegisterEntry, 'parties' | 'proposedAt' | 'terminatedAt' | 'withdrawals'>, tenures: readonly OfficeTenure[], boundedAt: Date): Array<BoundedTenureView & { tenure: OfficeTenure }> {
  const out: Array<BoundedTenureView & { tenure: OfficeTenure }> = [];
  for (const t of tenures) {
    if (!entry.parties.includes(t.forceCode)) continue;
    const membership = membershipEnd(entry, t.forceCode, boundedAt);
    const from = new Date(Math.max(t.heldFrom.getTime(), entry.proposedAt.getTime()));
    const endedInOffice = t.heldTo !== null && t.heldTo.getTime() <= membership.at.getTime();
    const until = endedInOffice ? t.heldTo! : membership.at;
    if (until.getTime() <= from.getTime()) continue;
    out.push({
      tenure: t,
      forceCode: t.forceCode,
      office: t.office,
      personId: t.personId,
      name: t.name,
      from: from.toISOString(),
      until: until.toISOString(),
      endedBy: endedInOffice ? (t.endedBy ?? 'vacancy') : membership.by,
      days: Number(daysBetween(from, until).toFixed(2)),
    });
  }
  return out.sort((a, b) => a.forceCode.localeCompare(b.forceCode) || a.office.localeCompare(b.office) || a.from.localeCompare(b.from));
}

const OFFICE_CHANGES = new Set(['handover', 'acting-designation', 'vacancy']);

/** One collaboration's indicators per month, bounded by an instant (docs/indicators.md defines each figure). */
export function collaborationIndicators(entry: RegisterEntry, records: CollaborationRecords, boundedAt: Date, answered: AnsweredAsAt = { asOf: null, knownAt: null }): CollaborationIndicatorsView {
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

  for (const [key, { proposed, decided }] of decisionsByMonth(records.decisions)) at(key).decisions = decisionFigures(proposed, decided);

  const tenures = boundedTenures(entry, records.tenures, boundedAt);
  const daysInOffice = new Map<string, number[]>();
  for (const t of tenures) {
    if (!OFFICE_CHANGES.has(t.endedBy)) continue;
    const m = at(t.until.slice(0, 7));
    m.leadership.officeChanges++;
    m.leadership.pendingItemsCarried += t.tenure.pendingAtEnd.length;
    m.leadership.changes.push({ forceCode: t.forceCode, office: t.office, endedBy: t.endedBy, daysInOffice: t.days, event: t.tenure.endedByPosition });
    daysInOffice.set(m.month, [...(daysInOffice.get(m.month) ?? []), t.days]);
  }
  for (const [key, values] of daysInOffice) at(key).leadership.meanDaysInOffice = mean(values);

  for (const notice of entry.notices) {
    const m = at(notice.givenAt.slice(0, 7)).withdrawalNotices;
    m.given++;
    if (notice.rescinded) m.rescinded++;
    m.parties.push(notice.party);
    m.events.push(notice.position);
  }
  const cashable = new Map<string, number>();
  for (const benefit of records.benefits) {
    const realised = realisation(benefit).byPeriod;
    for (const period of Object.keys(benefit.measurements)) {
      const m = at(period).benefits;
      m.measured++;
      if (benefit.category === 'economic' && benefit.unit === 'GBP') cashable.set(period, (cashable.get(period) ?? 0) + realised[period]!);
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
  for (const period of records.appetite) if (period.heldFrom.getTime() <= boundedAt.getTime()) at(monthOf(period.heldFrom)); // months when an appetite changed
  const ordered = [...months.values()].sort((a, b) => a.month.localeCompare(b.month));
  let cashableToDate = 0;
  const monthEnds = ordered.map((m) => new Date(Math.min(endOfMonth(m.month).getTime() - 1, boundedAt.getTime())));
  const heldAtMonthEnds = heldAtEach(records.appetite, monthEnds);
  for (const [i, m] of ordered.entries()) {
    cashableToDate += cashable.get(m.month) ?? 0;
    m.benefits.cashableRealisedGbp = round2(cashable.get(m.month) ?? 0);
    m.benefits.cashableRealisedToDateGbp = round2(cashableToDate);
    const widest = widestSpreadAmong(partiesAt(entry, monthEnds[i]!), heldAtMonthEnds[i]!);
    if (widest) m.riskAppetite = widest;
  }
  return {
    collaborationId: entry.collaborationId,
    name: entry.name,
    parties: entry.parties,
    boundedAt: boundedAt.toISOString(),
    months: ordered,
    tenures: tenures.map(({ tenure: _t, ...view }) => view),
    ...answered,
  };
}

export class PairMonth {
  @ApiProperty() month!: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number', nullable: true }, description: 'Force → mean days from proposal to its signatures this month' })
  daysToSign!: Record<string, number | null>;
  @ApiProperty({ type: [Number] }) signatureEvents!: number[];
  @ApiProperty({ type: DecisionMonth, description: 'The decisions of the collaborations both are party to, with the same definitions as a collaboration’s; rejectionsByParty counts the two forces only' }) decisions!: DecisionMonth;
}

export class SharedCollaborationView {
  @ApiProperty({ format: 'uuid' }) collaborationId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() status!: string;
}

export class PairIndicatorsView extends AnsweredAsAt {
  @ApiProperty({ type: [String] }) forces!: string[];
  @ApiProperty({ type: [SharedCollaborationView] }) sharedCollaborations!: SharedCollaborationView[];
  @ApiProperty({ example: '2019-05', description: 'The first month answered for (YYYY-MM)' }) from!: string;
  @ApiProperty({ example: '2020-04', description: 'The last month answered for (YYYY-MM)' }) to!: string;
  @ApiProperty({ type: [PairMonth], description: 'The months from `from` to `to` with any signature or decision, in order' }) months!: PairMonth[];
}

/** A range of whole months, YYYY-MM to YYYY-MM, both included. */
export interface MonthRange {
  from: string;
  to: string;
}

/** The first instant of a month and of the month after another (UTC): the range's bounds as instants. */
export function monthRangeBounds(range: MonthRange): { start: Date; end: Date } {
  const [year, month] = range.to.split('-').map(Number) as [number, number];
  return { start: new Date(`${range.from}-01T00:00:00Z`), end: new Date(Date.UTC(year, month, 1)) };
}

/** The month `months` whole months before a YYYY-MM month (0: itself). */
export function monthsBefore(month: string, months: number): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, m - 1 - months, 1)).toISOString().slice(0, 7);
}

/** A pair's months are answered a year at a time unless asked otherwise, and at most ten years at a time. */
export const PAIR_DEFAULT_MONTHS = 12;
export const PAIR_MAX_MONTHS = 120;

/** The months a pair's indicators answer for: as asked, or the year up to the instant they are read as at. */
export function monthRangeOf(query: { from?: string; to?: string }, at: Date): MonthRange {
  const to = query.to ?? (query.from ? monthsBefore(query.from, -(PAIR_DEFAULT_MONTHS - 1)) : monthOf(at));
  const from = query.from ?? monthsBefore(to, PAIR_DEFAULT_MONTHS - 1);
  if (from > to) throw new LedgerError('InvalidMonthRange', 'invalid', `from (${from}) is after to (${to}).`, { from, to });
  if (from < monthsBefore(to, PAIR_MAX_MONTHS - 1)) {
    throw new LedgerError('InvalidMonthRange', 'invalid', `from ${from} to ${to} is more than ${PAIR_MAX_MONTHS} months: ask for at most ten years at a time.`, { from, to, maxMonths: PAIR_MAX_MONTHS });
  }
  return { from, to };
}

/** Trust between two forces per month, across every collaboration both are party to. */
export function pairIndicators(
  forceA: string,
  forceB: string,
  shared: readonly RegisterEntry[],
  signatures: readonly SignatureCell[],
  decisions: readonly DecisionLogEntry[],
  range: MonthRange,
  answered: AnsweredAsAt = { asOf: null, knownAt: null },
): PairIndicatorsView {
  const proposedAt = new Map(shared.map((c) => [c.collaborationId, c.proposedAt]));
  const inRange = (month: string) => month >= range.from && month <= range.to;
  const months = new Map<string, PairMonth>();
  const at = (key: string) =>
    months.get(key) ?? months.set(key, { month: key, daysToSign: { [forceA]: null, [forceB]: null }, signatureEvents: [], decisions: decisionFigures([], [], [forceA, forceB]) }).get(key)!;
  const signDays = new Map<string, Map<string, number[]>>();
  for (const s of signatures) {
    if (!inRange(monthOf(s.signedAt))) continue;
    const m = at(monthOf(s.signedAt));
    m.signatureEvents.push(s.eventPosition);
    const byParty = signDays.get(m.month) ?? new Map<string, number[]>();
    byParty.set(s.party, [...(byParty.get(s.party) ?? []), daysBetween(proposedAt.get(s.collaborationId)!, s.signedAt)]);
    signDays.set(m.month, byParty);
  }
  for (const [key, byParty] of signDays) for (const [party, values] of byParty) at(key).daysToSign[party] = mean(values);
  for (const [key, { proposed, decided }] of decisionsByMonth(decisions)) if (inRange(key)) at(key).decisions = decisionFigures(proposed, decided, [forceA, forceB]);
  return {
    forces: [forceA, forceB],
    sharedCollaborations: shared.map((c) => ({ collaborationId: c.collaborationId, name: c.name, status: c.status })),
    ...range,
    months: [...months.values()].sort((a, b) => a.month.localeCompare(b.month)),
    ...answered,
  };
}
