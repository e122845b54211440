import { ApiProperty } from '@nestjs/swagger';
import { type DataSource, In } from 'typeorm';
import type { EventStore } from '#event-store';
import {
  type Office,
  collaborationDecider,
  collaborationStreamId,
  decisionDecider,
  decisionStreamId,
  forceByCode,
  hasSigned,
  loadState,
  outstandingApprovals,
  remainingParties,
  sameApprover,
} from '#governance';
import type { Principal } from '#shared-kernel';
import { BenefitAgainstPlan } from '../benefits-against-plan/benefits-against-plan.entity.js';
import { DecisionLogEntry } from '../decision-log/decision-log.entity.js';
import { RecommendationTrack } from '../recommendations-tracker/recommendations-tracker.entity.js';
import { RegisterEntry } from '../register/register.entity.js';

/**
 * What awaits a signed-in person: the acts the ledger expects of them now, each with what it is
 * done to and the stream version to send back as If-Match. The definitions (docs/api/awaiting.md):
 *
 * - sign-agreement: a proposed collaboration your force is a remaining party to, not yet signed by
 *   your office (chief officer or policing body).
 * - sign-variation: a variation of an agreement in force, not yet agreed, not yet signed by your office.
 * - approve-decision: an open decision of a collaboration your force is party to whose required
 *   approvals include your office and that your office has not given.
 * - ratify-decision: a decision taken under urgency that skipped your office's approval and that
 *   your office has not ratified.
 * - record-measurement (collaboration managers): a benefit of a collaboration your force leads, its
 *   profile approved, with no figure for the last complete month.
 * - recommendation-due: a recommendation addressed to your force, open, due within 30 days or overdue
 *   (chief officers and collaboration managers).
 * - closure-to-decide (policing bodies): a recommendation addressed to your force whose closure is proposed.
 * - notice-ending: a notice of withdrawal, not rescinded, from a party that has not yet withdrawn,
 *   taking effect within 90 days or already in effect, in a collaboration your force is party to.
 * Auditors and registrars are awaited for nothing.
 */
export const AWAITING_KINDS = ['sign-agreement', 'sign-variation', 'approve-decision', 'ratify-decision', 'record-measurement', 'recommendation-due', 'closure-to-decide', 'notice-ending'] as const;
export type AwaitingKind = (typeof AWAITING_KINDS)[number];

const DAY_MS = 86_400_000;
export const RECOMMENDATION_DUE_WITHIN_DAYS = 30;
export const NOTICE_ENDING_WITHIN_DAYS = 90;

export class AwaitingItemView {
  @ApiProperty({ enum: AWAITING_KINDS, description: 'What is awaited (docs/api/awaiting.md defines each)' }) kind!: AwaitingKind;
  @ApiProperty({ example: 'Sign the agreement for Dorset as its chief officer' }) title!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) collaborationId!: string | null;
  @ApiProperty({ type: String, nullable: true }) collaborationName!: string | null;
  @ApiProperty({ description: 'What the act is done to: a collaboration, variation, decision, benefit or recommendation id', format: 'uuid' }) subjectId!: string;
  @ApiProperty({ example: 'collaboration-6f1c2a5e-3b7d-4f0e-9a1b-2c3d4e5f6a7b', description: 'The stream the act appends to' }) streamId!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'The stream version this was read at: send it as If-Match with the act (null when the act is not recorded on that stream)' }) version!: number | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'When it is due or takes effect, if it has a date' }) due!: string | null;
  @ApiProperty({ description: 'Its date has passed' }) overdue!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Since when it has awaited you (occurred time)' }) since!: string | null;
}

export class AwaitingView {
  @ApiProperty({ format: 'date-time', description: 'When this was read' }) at!: string;
  @ApiProperty({ type: [AwaitingItemView] }) items!: AwaitingItemView[];
  @ApiProperty({ type: String, nullable: true, description: 'Why nothing can await this person, when that is so (auditors, registrars)' }) note!: string | null;
}

const iso = (date: Date | string | undefined | null) => (date ? new Date(date).toISOString() : null);
const forceName = (code: string) => forceByCode(code)?.name ?? code;
const officeName = (office: Office) => (office === 'chief-officer' ? 'chief officer' : 'policing body');
const previousMonth = (now: Date) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);

/** What awaits this person now (definitions above). */
export async function awaitingFor(db: DataSource, store: EventStore, principal: Principal, now: Date): Promise<AwaitingView> {
  const at = now.toISOString();
  if (!principal.force || principal.role === 'auditor' || principal.role === 'registrar') {
    const note =
      principal.role === 'auditor'
        ? 'Auditors read everything and change nothing, so no act awaits an auditor.'
        : principal.role === 'registrar'
          ? 'The registrar keeps the register of office holders; no act awaits a registrar here.'
          : 'This sign-in names no force, so no act can await it.';
    return { at, items: [], note };
  }
  const force = principal.force;
  const items: AwaitingItemView[] = [];
  const entries = await db
    .getRepository(RegisterEntry)
    .createQueryBuilder('entry')
    .where('entry.parties @> :party::jsonb', { party: JSON.stringify([force]) })
    .andWhere("entry.status <> 'terminated'")
    .orderBy('entry.proposedAt', 'ASC')
    .getMany();

  if (principal.role === 'chief-officer' || principal.role === 'policing-body') {
    const office: Office = principal.role;
    for (const entry of entries) {
      const streamId = collaborationStreamId(entry.collaborationId);
      const { state, version } = await loadState(store, collaborationDecider, streamId);
      if (!remainingParties(state).includes(force)) continue;
      if (state.status === 'proposed' && !hasSigned(state, force, office)) {
        items.push({ kind: 'sign-agreement', title: `Sign the agreement for ${forceName(force)} as its ${officeName(office)}`, collaborationId: entry.collaborationId, collaborationName: entry.name, subjectId: entry.collaborationId, streamId, version, due: null, overdue: false, since: iso(state.proposedAt) });
      }
      if (state.status === 'in-force') {
        for (const variation of state.variations) {
          if (variation.agreedAt || variation.signatures.some((s) => s.party === force && s.role === office)) continue;
          items.push({ kind: 'sign-variation', title: `Sign the variation “${variation.summary}” for ${forceName(force)} as its ${officeName(office)}`, collaborationId: entry.collaborationId, collaborationName: entry.name, subjectId: variation.variationId, streamId, version, due: null, overdue: false, since: variation.proposedAt });
        }
      }
    }
    const me = { party: force, role: office };
    const names = new Map(entries.map((e) => [e.collaborationId, e.name]));
    const decisions = entries.length
      ? await db.getRepository(DecisionLogEntry).find({ where: { collaborationId: In([...names.keys()]), status: In(['open', 'taken-under-urgency']) }, order: { proposedAt: 'ASC' } })
      : [];
    for (const decision of decisions) {
      const streamId = decisionStreamId(decision.decisionId);
      const { state, version } = await loadState(store, decisionDecider, streamId);
      const base = { collaborationId: decision.collaborationId, collaborationName: names.get(decision.collaborationId) ?? null, subjectId: decision.decisionId, streamId, version, due: null, overdue: false };
      if (state.status === 'open' && outstandingApprovals(state).some((r) => sameApprover(r, me))) {
        items.push({ ...base, kind: 'approve-decision', title: `Approve or reject “${decision.title}” for ${forceName(force)} as its ${officeName(office)}`, since: state.proposedAt ?? null });
      }
      if (state.status === 'taken-under-urgency' && state.urgency?.skippedApprovals.some((r) => sameApprover(r, me)) && !state.ratifications.some((r) => sameApprover(r, me))) {
        items.push({ ...base, kind: 'ratify-decision', title: `Ratify or refuse “${decision.title}”, taken under urgency, for ${forceName(force)}`, since: state.urgency.at });
      }
    }
  }

  if (principal.role === 'collaboration-manager') {
    const led = entries.filter((e) => e.leadForce === force && e.status === 'in-force');
    const month = previousMonth(now);
    const benefits = led.length ? await db.getRepository(BenefitAgainstPlan).find({ where: { collaborationId: In(led.map((e) => e.collaborationId)), status: 'approved' }, order: { title: 'ASC' } }) : [];
    for (const benefit of benefits) {
      if (benefit.measurements[month] !== undefined) continue;
      items.push({
        kind: 'record-measurement',
        title: `Record the figure for ${month} of “${benefit.title}”`,
        collaborationId: benefit.collaborationId,
        collaborationName: led.find((e) => e.collaborationId === benefit.collaborationId)?.name ?? null,
        subjectId: benefit.benefitId,
        streamId: `benefit-${benefit.benefitId}`,
        version: null,
        due: null,
        overdue: false,
        since: null,
      });
    }
  }

  const recommendations = await db.getRepository(RecommendationTrack).find({ where: { addressedTo: force, status: In(['open', 'closure-proposed']) }, order: { dueDate: 'ASC' } });
  const today = at.slice(0, 10);
  const dueBy = new Date(now.getTime() + RECOMMENDATION_DUE_WITHIN_DAYS * DAY_MS).toISOString().slice(0, 10);
  for (const r of recommendations) {
    const base = { collaborationId: r.collaborationId, collaborationName: entries.find((e) => e.collaborationId === r.collaborationId)?.name ?? null, subjectId: r.recommendationId, streamId: `recommendation-${r.recommendationId}`, version: null, since: null };
    if (r.status === 'open' && (principal.role === 'chief-officer' || principal.role === 'collaboration-manager') && r.dueDate <= dueBy) {
      items.push({ ...base, kind: 'recommendation-due', title: `Act on the recommendation “${shorten(r.text)}” (${r.reference})`, due: r.dueDate, overdue: r.dueDate < today });
    }
    if (r.status === 'closure-proposed' && principal.role === 'policing-body') {
      items.push({ ...base, kind: 'closure-to-decide', title: `Accept or reject the proposed closure of “${shorten(r.text)}”`, due: r.dueDate, overdue: false });
    }
  }

  const endingBy = new Date(now.getTime() + NOTICE_ENDING_WITHIN_DAYS * DAY_MS).toISOString().slice(0, 10);
  for (const entry of entries) {
    for (const notice of entry.notices) {
      if (notice.rescinded || entry.withdrawnParties.includes(notice.party) || notice.effectiveOn > endingBy) continue;
      items.push({
        kind: 'notice-ending',
        title: `${forceName(notice.party)}’s notice of withdrawal from ${entry.name} takes effect on ${notice.effectiveOn}`,
        collaborationId: entry.collaborationId,
        collaborationName: entry.name,
        subjectId: entry.collaborationId,
        streamId: collaborationStreamId(entry.collaborationId),
        version: null,
        due: notice.effectiveOn,
        overdue: notice.effectiveOn < today,
        since: notice.givenAt,
      });
    }
  }
  return { at, items, note: null };
}

const shorten = (text: string) => (text.length > 90 ? `${text.slice(0, 88)}…` : text);
