import type { Aggregate } from '../aggregate.js';
import { collaborationAsAt } from '../collaboration/collaboration.aggregate.js';
import { notFound } from '../decider.js';
import { type BenefitCommand, benefitDecider } from './benefit.decider.js';
import { type BenefitEvent, benefitStreamId } from './benefit.events.js';
import type { BenefitState } from './benefit.state.js';
import type { BenefitFacts } from './identify-benefit/identify-benefit.command.js';

export const benefitAggregate: Aggregate<BenefitState, BenefitCommand, BenefitEvent, BenefitFacts> = {
  streamType: 'benefit',
  decider: benefitDecider,
  streamId: (command) => benefitStreamId(command.benefitId),

  facts: async (store, command) =>
    command.kind === 'IdentifyBenefit' ? { collaboration: await collaborationAsAt(store, command.collaborationId, command.occurredAt) } : {},

  target(state, command, facts) {
    if (command.kind === 'IdentifyBenefit') {
      const collaboration = facts.collaboration;
      if (!collaboration || collaboration.status === 'none') return notFound('CollaborationNotFound', `There is no collaboration ${command.collaborationId}.`);
      return { leadForce: collaboration.leadForce };
    }
    if (!state.profile) return notFound('BenefitNotFound', `There is no benefit ${command.benefitId}.`);
    // The lead force's managers track a benefit; its chief officer approves the profile.
    return command.kind === 'ApproveBenefitProfile' ? { force: state.profile.leadForce } : { leadForce: state.profile.leadForce };
  },

  location: (command) => `/benefits/${command.benefitId}`,
};
