import type { RiskAppetiteEvent } from '#governance';
import type { Projection } from '../projection.js';
import { AppetitePeriod } from './risk-appetite.entity.js';

/** 5's source: every force's declared risk appetite, per remit and category, as periods. */
export const riskAppetiteProjection: Projection<AppetitePeriod, RiskAppetiteEvent> = {
  name: 'risk-appetite.v2',
  entity: AppetitePeriod,
  groupBy: 'forceCode',
  eventTypes: ['RiskAppetiteDeclared', 'RiskAppetiteRevised'],
  groupOf: (event) => event.data.forceCode,
  evolve(periods, event) {
    const { forceCode, remit, category } = event.data;
    // A revision ends the period it revises.
    const closed =
      event.type === 'RiskAppetiteRevised'
        ? periods.map((p) => (p.remit === remit && p.category === category && p.heldTo === null ? { ...p, heldTo: event.occurredAt } : p))
        : [...periods];
    const level = event.type === 'RiskAppetiteRevised' ? event.data.to : event.data.level;
    return [...closed, { eventPosition: event.globalPosition, forceCode, remit, category, level, heldFrom: event.occurredAt, heldTo: null }];
  },
};
