import type { DomainEvent } from '../decider.js';
import type { CollaborationEvent } from '../collaboration/collaboration.events.js';
import { type CollaborationState, evolveCollaboration, hasSigned, initialCollaborationState, remainingParties } from '../collaboration/collaboration.state.js';
import type { DecisionEvent } from '../decision/decision.events.js';
import { type DecisionState, evolveDecision, initialDecisionState, outstandingApprovals, requiredSince, sameApprover } from '../decision/decision.state.js';
import type { RecommendationEvent } from '../recommendation/recommendation.events.js';
import { type RecommendationState, closureProposedAt, evolveRecommendation, initialRecommendationState } from '../recommendation/recommendation.state.js';
import type { Office, PendingItem } from './office.events.js';

/** An event as the log gives it (upcast to its current shape), with the stream it belongs to. */
export type LoggedEvent = DomainEvent & { streamId: string };

/** The stream categories whose events say what awaits an office. */
export const PENDING_CATEGORIES = ['collaboration', 'decision', 'recommendation'] as const;
const categoryOf = (streamId: string) => streamId.slice(0, streamId.indexOf('-'));

/**
 * What awaited a force's office at an instant, from the log as it then stood: every event of the
 * collaboration, decision and recommendation streams that occurred at or before `at` is folded, each
 * stream by its own evolve function, in the order given (the log's); events that occurred later are
 * left out, whenever they were recorded. So an agreement signed the day after a handover was pending
 * at the handover, and one proposed the day after was not.
 *
 * Pure: the caller reads the events (office.aggregate.ts reads only the streams that can concern the
 * force). Events of other streams, and of streams that do not concern the force, are ignored.
 *
 * - agreement-signature: a proposed collaboration, the force a remaining party, this office not signed (s22A(3)).
 * - variation-signature: a variation of an agreement in force, not agreed, the force a remaining party,
 *   this office not signed (s23C(4)).
 * - decision-approval: an open decision whose required approvals (as the delegation rule it was judged
 *   under and any escalation made them) include this office's, not given.
 * - ratification: a decision taken under urgency that skipped this office's approval, not ratified by it.
 * - recommendation-action: a recommendation addressed to the force, not closed. A recommendation names
 *   an owner (a person, e.g. a deputy chief constable), not an office, so it is mapped to the office by
 *   what each office may do with it (the access policy's actions): the chief officer's to implement
 *   (actions, evidence, closure proposal) until closure is accepted; the policing body's to decide a
 *   closure proposed, and to publish its response to an inspection report that has an s55(5A) deadline.
 * Nothing awaits anyone in a terminated collaboration.
 */
export function pendingForOffice(events: readonly LoggedEvent[], forceCode: string, office: Office, at: Date): PendingItem[] {
  const collaborations = new Map<string, CollaborationState>();
  const decisions = new Map<string, DecisionState>();
  const recommendations = new Map<string, RecommendationState>();
  for (const event of events) {
    if (event.occurredAt.getTime() > at.getTime()) continue;
    switch (categoryOf(event.streamId)) {
      case 'collaboration':
        collaborations.set(event.streamId, evolveCollaboration(collaborations.get(event.streamId) ?? initialCollaborationState, event as CollaborationEvent));
        break;
      case 'decision':
        decisions.set(event.streamId, evolveDecision(decisions.get(event.streamId) ?? initialDecisionState, event as DecisionEvent));
        break;
      case 'recommendation':
        recommendations.set(event.streamId, evolveRecommendation(recommendations.get(event.streamId) ?? initialRecommendationState, event as RecommendationEvent));
        break;
    }
  }

  const pending: PendingItem[] = [];
  const byId = new Map<string, CollaborationState>();
  for (const state of collaborations.values()) {
    if (!state.terms) continue;
    byId.set(state.terms.collaborationId, state);
    if (!remainingParties(state).includes(forceCode)) continue;
    const collaborationId = state.terms.collaborationId;
    if (state.status === 'proposed' && !hasSigned(state, forceCode, office)) {
      pending.push({ kind: 'agreement-signature', collaborationId, name: state.terms.name, since: state.proposedAt!.toISOString() });
    }
    if (state.status === 'in-force') {
      for (const variation of state.variations) {
        if (variation.agreedAt !== null || variation.signatures.some((s) => s.party === forceCode && s.role === office)) continue;
        pending.push({ kind: 'variation-signature', collaborationId, collaborationName: state.terms.name, variationId: variation.variationId, name: variation.summary, since: variation.proposedAt });
      }
    }
  }

  const me = { party: forceCode, role: office };
  for (const state of decisions.values()) {
    if (!state.proposal) continue;
    const collaboration = byId.get(state.proposal.collaborationId);
    if (collaboration && (collaboration.status === 'terminated' || !remainingParties(collaboration).includes(forceCode))) continue;
    const about = { collaborationId: state.proposal.collaborationId, collaborationName: collaboration?.terms?.name ?? '', decisionId: state.proposal.decisionId, name: state.proposal.title };
    if (state.status === 'open' && outstandingApprovals(state).some((r) => sameApprover(r, me))) {
      pending.push({ kind: 'decision-approval', ...about, since: requiredSince(state, me).at ?? null });
    }
    if (state.status === 'taken-under-urgency' && state.urgency!.skippedApprovals.some((r) => sameApprover(r, me)) && !state.ratifications.some((r) => sameApprover(r, me))) {
      pending.push({ kind: 'ratification', ...about, since: state.urgency!.at });
    }
  }

  for (const state of recommendations.values()) {
    const raised = state.raised;
    if (!raised || raised.addresseeKind !== 'force' || raised.addressedTo !== forceCode || state.status === 'closed') continue;
    const about = { recommendationId: raised.recommendationId, collaborationId: raised.collaborationId, name: raised.reference, dueDate: state.dueDate ?? raised.dueDate };
    if (office === 'chief-officer') {
      pending.push({ kind: 'recommendation-action', ...about, awaiting: 'implementation', since: state.raisedAt ?? null });
      continue;
    }
    if (state.status === 'closure-proposed') pending.push({ kind: 'recommendation-action', ...about, awaiting: 'closure-decision', since: closureProposedAt(state) ?? null });
    if (raised.responseDeadline !== null && state.policingBodyResponse === null) pending.push({ kind: 'recommendation-action', ...about, awaiting: 's55-response', since: state.raisedAt ?? null });
  }

  // Oldest first; ties in a stable order of kind and name.
  return pending.sort((a, b) => (a.since ?? '').localeCompare(b.since ?? '') || a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name));
}

/**
 * Which streams can concern the force, from the events that open them (CollaborationProposed,
 * DecisionProposed, RecommendationRaised): its collaborations (parties never grow: they only leave),
 * their decisions, and the recommendations addressed to it. The reader loads only these.
 */
export function streamsConcerning(openings: readonly LoggedEvent[], forceCode: string): string[] {
  const collaborationIds = new Set<string>();
  const streams: string[] = [];
  for (const event of openings) {
    const data = event.data as { collaborationId?: string; parties?: string[]; addressedTo?: string };
    if (event.type === 'CollaborationProposed' && data.parties?.includes(forceCode)) {
      collaborationIds.add(data.collaborationId!);
      streams.push(event.streamId);
    }
  }
  for (const event of openings) {
    const data = event.data as { collaborationId?: string; addressedTo?: string };
    if (event.type === 'DecisionProposed' && collaborationIds.has(data.collaborationId!)) streams.push(event.streamId);
    if (event.type === 'RecommendationRaised' && data.addressedTo === forceCode) streams.push(event.streamId);
  }
  return [...new Set(streams)];
}

export const OPENING_TYPES = ['CollaborationProposed', 'DecisionProposed', 'RecommendationRaised'] as const;
