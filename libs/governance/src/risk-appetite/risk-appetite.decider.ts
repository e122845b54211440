import { deciderOf } from '../decider.js';
import { DECLARE_RISK_APPETITE, type DeclareRiskAppetite, declareRiskAppetite } from './declare-risk-appetite/declare-risk-appetite.command.js';
import { REVISE_RISK_APPETITE, type ReviseRiskAppetite, reviseRiskAppetite } from './revise-risk-appetite/revise-risk-appetite.command.js';
import type { RiskAppetiteEvent } from './risk-appetite.events.js';
import { type RiskAppetiteState, evolveRiskAppetite, initialRiskAppetiteState } from './risk-appetite.state.js';

export type RiskAppetiteCommand = DeclareRiskAppetite | ReviseRiskAppetite;

/** A force's declared risk appetite, per remit and category. */
export const riskAppetiteDecider = deciderOf<RiskAppetiteState, RiskAppetiteCommand, RiskAppetiteEvent, undefined>(initialRiskAppetiteState, evolveRiskAppetite, {
  DeclareRiskAppetite: { action: DECLARE_RISK_APPETITE, decide: declareRiskAppetite },
  ReviseRiskAppetite: { action: REVISE_RISK_APPETITE, decide: reviseRiskAppetite },
}, 'risk-appetite');
