import type { Decider } from '../decider.js';
import { type DeclareRiskAppetite, declareRiskAppetite } from './declare-risk-appetite/declare-risk-appetite.command.js';
import type { RiskAppetiteEvent } from './risk-appetite.events.js';
import { type RiskAppetiteState, evolveRiskAppetite, initialRiskAppetiteState } from './risk-appetite.state.js';
import { type ReviseRiskAppetite, reviseRiskAppetite } from './revise-risk-appetite/revise-risk-appetite.command.js';

export type RiskAppetiteCommand = DeclareRiskAppetite | ReviseRiskAppetite;

export const riskAppetiteDecider: Decider<RiskAppetiteState, RiskAppetiteCommand, RiskAppetiteEvent, unknown> = {
  initialState: initialRiskAppetiteState,
  evolve: evolveRiskAppetite,
  decide: (state, command, context) => (command.kind === 'DeclareRiskAppetite' ? declareRiskAppetite(state, command, context) : reviseRiskAppetite(state, command, context)),
};
