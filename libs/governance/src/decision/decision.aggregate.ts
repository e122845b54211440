import type { Aggregate } from '../aggregate.js';
import { collaborationAsAt } from '../collaboration/collaboration.aggregate.js';
import { loadState } from '../command-runner.js';
import { notFound } from '../decider.js';
import { officeDecider } from '../office/office.decider.js';
import { officeStreamId } from '../office/office.events.js';
import { bodiesHeldBy, holderAt } from '../office/office.state.js';
import { type DecisionCommand, decisionDecider } from './decision.decider.js';
import { type DecisionEvent, decisionStreamId } from './decision.events.js';
import type { DecisionFacts } from './decision.facts.js';
import { type DecisionState, refuseUnlessDecisionExists } from './decision.state.js';

export const decisionAggregate: Aggregate<DecisionState, DecisionCommand, DecisionEvent, DecisionFacts> = {
  streamType: 'decision',
  decider: decisionDecider,
  streamId: (command) => decisionStreamId(command.decisionId),

  async facts(store, command, state) {
    switch (command.kind) {
      case 'ProposeDecision':
        // The delegation scheme and the lead force in force on the decision's date.
        return { collaboration: await collaborationAsAt(store, command.collaborationId, command.occurredAt, command.category) };
      case 'EscalateDecision':
        return state.proposal ? { collaboration: await collaborationAsAt(store, state.proposal.collaborationId, command.occurredAt) } : {};
      default: {
        // An approver's act counts only from whoever held the office that day.
        const office = await loadState(store, officeDecider, officeStreamId(command.party, command.role));
        const tenure = holderAt(office.state, command.occurredAt);
        return { holderThen: tenure?.holder, holderBodyThen: tenure?.body ?? null, signatoryBodies: bodiesHeldBy(office.state, command.signatory.personId) };
      }
    }
  },

  target(state, command, facts) {
    if (command.kind === 'ProposeDecision') {
      const collaboration = facts.collaboration;
      if (!collaboration || collaboration.status === 'none') {
        return notFound('CollaborationNotFound', `There is no collaboration ${command.collaborationId} on ${command.occurredAt.toISOString().slice(0, 10)}.`);
      }
      return { leadForce: collaboration.leadForce };
    }
    const missing = refuseUnlessDecisionExists(state, command.decisionId);
    if (missing) return missing;
    // Managing a decision is for the collaboration's lead force as it stood on the act's date.
    if (command.kind === 'EscalateDecision') return { leadForce: facts.collaboration?.leadForce || state.proposal!.leadForce };
    return { force: command.party };
  },

  location: (command) => `/decisions/${command.decisionId}`,
};
