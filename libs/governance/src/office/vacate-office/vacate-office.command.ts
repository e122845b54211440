import type { Action } from '#identity';
import type { LedgerError } from '#shared-kernel';
import { type DecisionContext, day, refuse } from '../../decider.js';
import type { HandoverFacts } from '../hand-over-office/hand-over-office.command.js';
import type { Office, OfficeEvent } from '../office.events.js';
import { type OfficeState, currentTenure } from '../office.state.js';

export const VACATE_OFFICE: Action = { name: 'vacate-office', kind: 'reference-data', roles: ['registrar'] };

/** The holder leaves and nobody takes over yet; what was pending is listed, so nothing is lost. */
export interface VacateOffice {
  kind: 'VacateOffice';
  forceCode: string;
  office: Office;
  reason: string;
  occurredAt: Date;
}

export function vacateOffice(state: OfficeState, command: VacateOffice, context: DecisionContext<HandoverFacts>): OfficeEvent[] | LedgerError {
  const current = currentTenure(state);
  if (!current) return refuse('OfficeVacant', `${command.office} of ${command.forceCode} is already vacant`);
  if (command.occurredAt < current.from) return refuse('HandoverBeforeTenure', `${current.holder.name} has held the office only since ${day(current.from)}`);
  return [
    {
      type: 'OfficeVacated',
      data: { forceCode: command.forceCode, office: command.office, holder: current.holder, reason: command.reason, pending: context.facts.pending },
      occurredAt: command.occurredAt,
    },
  ];
}
