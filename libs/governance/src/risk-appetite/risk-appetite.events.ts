import type { DomainEvent } from '../decider.js';
import type { Person } from '../office/office.events.js';
import type { RiskCategory, RiskLevel } from '../risk.js';

/** Chief officers declare the operational remit's appetite, policing bodies the strategic remit's. */
export type Remit = 'operational' | 'strategic';

export type RiskAppetiteDeclared = DomainEvent<
  'RiskAppetiteDeclared',
  { forceCode: string; remit: Remit; category: RiskCategory; level: RiskLevel; statement: string; by: Person }
>;
export type RiskAppetiteRevised = DomainEvent<
  'RiskAppetiteRevised',
  { forceCode: string; remit: Remit; category: RiskCategory; from: RiskLevel; to: RiskLevel; statement: string; reason: string; by: Person }
>;
export type RiskAppetiteEvent = RiskAppetiteDeclared | RiskAppetiteRevised;

export const riskAppetiteStreamId = (forceCode: string) => `risk-appetite-${forceCode}`;
export const remitOf = (role: string): Remit => (role === 'policing-body' ? 'strategic' : 'operational');
