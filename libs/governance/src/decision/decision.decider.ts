import { deciderOf } from '../decider.js';
import { APPROVE_DECISION, type ApproveDecision, approveDecision } from './approve-decision/approve-decision.command.js';
import type { DecisionEvent } from './decision.events.js';
import type { DecisionFacts } from './decision.facts.js';
import { type DecisionState, evolveDecision, initialDecisionState } from './decision.state.js';
import { ESCALATE_DECISION, type EscalateDecision, escalateDecision } from './escalate-decision/escalate-decision.command.js';
import { PROPOSE_DECISION, type ProposeDecision, proposeDecision } from './propose-decision/propose-decision.command.js';
import { RATIFY_DECISION, type RatifyDecision, ratifyDecision } from './ratify-decision/ratify-decision.command.js';
import { REJECT_DECISION, type RejectDecision, rejectDecision } from './reject-decision/reject-decision.command.js';
import { RESCIND_DECISION, type RescindDecision, rescindDecision } from './rescind-decision/rescind-decision.command.js';
import { TAKE_DECISION_UNDER_URGENCY, type TakeDecisionUnderUrgency, takeDecisionUnderUrgency } from './take-decision-under-urgency/take-decision-under-urgency.command.js';

export type DecisionCommand = ProposeDecision | ApproveDecision | RejectDecision | EscalateDecision | TakeDecisionUnderUrgency | RatifyDecision | RescindDecision;

/** A decision of a collaboration: who must approve it, and how it was taken. */
export const decisionDecider = deciderOf<DecisionState, DecisionCommand, DecisionEvent, DecisionFacts>(initialDecisionState, evolveDecision, {
  ProposeDecision: { action: PROPOSE_DECISION, decide: proposeDecision },
  ApproveDecision: { action: APPROVE_DECISION, decide: approveDecision },
  RejectDecision: { action: REJECT_DECISION, decide: rejectDecision },
  EscalateDecision: { action: ESCALATE_DECISION, decide: escalateDecision },
  TakeDecisionUnderUrgency: { action: TAKE_DECISION_UNDER_URGENCY, decide: takeDecisionUnderUrgency },
  RatifyDecision: { action: RATIFY_DECISION, decide: ratifyDecision },
  RescindDecision: { action: RESCIND_DECISION, decide: rescindDecision },
}, 'decision');
