import type { RiskCategory, RiskLevel } from '../risk.js';
import type { Remit, RiskAppetiteEvent } from './risk-appetite.events.js';

export interface AppetiteEntry {
  remit: Remit;
  category: RiskCategory;
  level: RiskLevel;
  statement: string;
  since: string;
  history: Array<{ level: RiskLevel; from: string; reason: string | null }>;
}

export interface RiskAppetiteState {
  entries: AppetiteEntry[];
}

export const initialRiskAppetiteState: RiskAppetiteState = { entries: [] };

export const entryFor = (state: RiskAppetiteState, remit: Remit, category: RiskCategory) => state.entries.find((e) => e.remit === remit && e.category === category);

export function evolveRiskAppetite(state: RiskAppetiteState, event: RiskAppetiteEvent): RiskAppetiteState {
  const at = event.occurredAt.toISOString();
  const { remit, category } = event.data;
  const others = state.entries.filter((e) => !(e.remit === remit && e.category === category));
  switch (event.type) {
    case 'RiskAppetiteDeclared':
      return { entries: [...others, { remit, category, level: event.data.level, statement: event.data.statement, since: at, history: [{ level: event.data.level, from: at, reason: null }] }] };
    case 'RiskAppetiteRevised': {
      const entry = entryFor(state, remit, category)!;
      return {
        entries: [...others, { ...entry, level: event.data.to, statement: event.data.statement, since: at, history: [...entry.history, { level: event.data.to, from: at, reason: event.data.reason }] }],
      };
    }
    default:
      return state;
  }
}
