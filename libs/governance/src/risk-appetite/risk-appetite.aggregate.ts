import { type Aggregate, noFacts } from '../aggregate.js';
import { type RiskAppetiteCommand, riskAppetiteDecider } from './risk-appetite.decider.js';
import { type RiskAppetiteEvent, riskAppetiteStreamId } from './risk-appetite.events.js';
import type { RiskAppetiteState } from './risk-appetite.state.js';

export const riskAppetiteAggregate: Aggregate<RiskAppetiteState, RiskAppetiteCommand, RiskAppetiteEvent, undefined> = {
  streamType: 'risk-appetite',
  decider: riskAppetiteDecider,
  streamId: (command) => riskAppetiteStreamId(command.forceCode),
  facts: noFacts,
  // A force's officers declare its appetite: the force is the target.
  target: (_state, command) => ({ force: command.forceCode }),
  location: (command) => `/forces/${command.forceCode}/risk-appetite`,
};
