import type { Decider } from '../decider.js';
import { type ApproveDecision, approveDecision } from './approve-decision/approve-decision.command.js';
import type { DecisionEvent } from './decision.events.js';
import type { DecisionFacts } from './decision.facts.js';
import { type DecisionState, evolveDecision, initialDecisionState } from './decision.state.js';
import { type EscalateDecision, escalateDecision } from './escalate-decision/escalate-decision.command.js';
import { type ProposeDecision, proposeDecision } from './propose-decision/propose-decision.command.js';
import { type RatifyDecision, ratifyDecision } from './ratify-decision/ratify-decision.command.js';
import { type RejectDecision, rejectDecision } from './reject-decision/reject-decision.command.js';
import { type RescindDecision, rescindDecision } from './rescind-decision/rescind-decision.command.js';
import { type TakeDecisionUnderUrgency, takeDecisionUnderUrgency } from './take-decision-under-urgency/take-decision-under-urgency.command.js';

export type DecisionCommand = ProposeDecision | ApproveDecision | RejectDecision | EscalateDecision | TakeDecisionUnderUrgency | RatifyDecision | RescindDecision;

export const decisionDecider: Decider<DecisionState, DecisionCommand, DecisionEvent, DecisionFacts> = {
  initialState: initialDecisionState,
  evolve: evolveDecision,
  decide: (state, command, context) => {
    switch (command.kind) {
      case 'ProposeDecision': return proposeDecision(state, command, context);
      case 'ApproveDecision': return approveDecision(state, command, context);
      case 'RejectDecision': return rejectDecision(state, command, context);
      case 'EscalateDecision': return escalateDecision(state, command, context);
      case 'TakeDecisionUnderUrgency': return takeDecisionUnderUrgency(state, command, context);
      case 'RatifyDecision': return ratifyDecision(state, command, context);
      case 'RescindDecision': return rescindDecision(state, command, context);
    }
  },
};
