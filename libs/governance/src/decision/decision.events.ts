import type { DelegationRule } from '../collaboration/collaboration.events.js';
import type { DomainEvent, Upcaster } from '../decider.js';
import type { Office, Person } from '../office/office.events.js';
import type { DecisionCategory } from '../risk.js';

/** One approval a decision needs: a party force's chief officer or policing body. */
export interface Approver {
  party: string;
  role: Office;
}

/** Who must approve, derived from the delegation scheme in force on the decision's date. */
export type ApprovalBasis = 'lead-force-alone' | 'all-chief-officers' | 'all-chief-officers-and-policing-bodies';

export type DecisionProposed = DomainEvent<
  'DecisionProposed',
  {
    decisionId: string;
    collaborationId: string;
    title: string;
    category: DecisionCategory;
    valueGbp: number;
    rationale: string;
    optionsConsidered: string[];
    proposer: Person;
    leadForce: string;
    basis: ApprovalBasis;
    /** False when no delegation scheme covered the category: every chief officer must approve. */
    underDelegationScheme: boolean;
    requiredApprovals: Approver[];
    /**
     * Since schema version 2: what the decision was judged under — the delegation rule for its
     * category in the scheme in force on the decision's date (`asAt`), or null when no scheme covered
     * it; `inForceSince` is when that rule came into force, when the collaboration's record says so.
     * Null in version 1 events, which did not record it (their basis and underDelegationScheme stand).
     */
    judgedUnder: JudgedUnder | null;
  }
>;
/** The delegation rule a decision was judged under, as at the decision's date. */
export interface JudgedUnder {
  asAt: string;
  rule: DelegationRule | null;
  inForceSince: string | null;
}
export type DecisionApproved = DomainEvent<'DecisionApproved', Approver & { approver: Person }>;
export type DecisionRejected = DomainEvent<'DecisionRejected', Approver & { approver: Person; reason: string }>;
/** Taken when the last required approval is given; dated the latest approval's date (approvals may be entered in any order). */
export type DecisionTaken = DomainEvent<'DecisionTaken', { basis: ApprovalBasis; approvals: Array<Approver & { approver: Person; approvedAt: string }> }>;
/** Beyond the lead force's delegation: by rule when proposed (automatic), or because the proposer asked. */
export type DecisionEscalated = DomainEvent<
  'DecisionEscalated',
  { to: Exclude<ApprovalBasis, 'lead-force-alone'>; reason: string; requiredApprovals: Approver[]; automatic: boolean }
>;
/** Taken outside delegation because it could not wait: flagged, and to be ratified by every approval it skipped. */
export type DecisionTakenUnderUrgency = DomainEvent<'DecisionTakenUnderUrgency', { takenBy: Approver & { person: Person }; justification: string; skippedApprovals: Approver[] }>;
export type DecisionRatified = DomainEvent<'DecisionRatified', Approver & { ratifier: Person; complete: boolean }>;
export type DecisionRescinded = DomainEvent<'DecisionRescinded', { by: Person; reason: string }>;

export type DecisionEvent =
  | DecisionProposed
  | DecisionApproved
  | DecisionRejected
  | DecisionTaken
  | DecisionEscalated
  | DecisionTakenUnderUrgency
  | DecisionRatified
  | DecisionRescinded;

export const decisionStreamId = (decisionId: string) => `decision-${decisionId}`;

/**
 * DecisionProposed v1 did not record the delegation rule it was judged under: it reads as
 * `judgedUnder: null` ("not recorded"); its basis and underDelegationScheme still say how it was judged.
 */
export const DECISION_UPCASTERS: Upcaster[] = [{ type: 'DecisionProposed', fromVersion: 1, up: (data) => ({ ...data, judgedUnder: null }) }];
