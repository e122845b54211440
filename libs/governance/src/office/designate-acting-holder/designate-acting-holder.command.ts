import type { Action } from '#identity';
import type { LedgerError } from '#shared-kernel';
import { type DecisionContext, day, refuse } from '../../decider.js';
import type { HandoverFacts } from '../hand-over-office/hand-over-office.command.js';
import type { Office, OfficeEvent, Person } from '../office.events.js';
import type { PolicingBodyKind } from '../../reference-data/policing-bodies.js';
import { type OfficeState, currentTenure } from '../office.state.js';
import { bodyOfOffice } from '../policing-body.rule.js';

export const DESIGNATE_ACTING_HOLDER: Action = { name: 'designate-acting-holder', kind: 'reference-data', roles: ['registrar'] };

/** Someone acts in the office (a deputy while the chief constable is absent, or until an appointment). */
export interface DesignateActingHolder {
  kind: 'DesignateActingHolder';
  forceCode: string;
  office: Office;
  holder: Person;
  /** For the policing-body office: the body the acting holder acts in; absent: the reference data's for the date. */
  body?: PolicingBodyKind;
  reason: string;
  occurredAt: Date;
}

export function designateActingHolder(state: OfficeState, command: DesignateActingHolder, context: DecisionContext<HandoverFacts>): OfficeEvent[] | LedgerError {
  const current = currentTenure(state);
  if (current?.holder.personId === command.holder.personId) return refuse('AlreadyHoldsOffice', `${command.holder.name} already holds the office`);
  if (current && command.occurredAt < current.from) {
    return refuse('HandoverBeforeTenure', `${current.holder.name} has held the office only since ${day(current.from)}`);
  }
  const lastEnd = state.tenures.at(-1)?.to;
  if (!current && lastEnd && command.occurredAt < lastEnd) {
    return refuse('OverlapsEarlierTenure', `the office was held until ${day(lastEnd)}; acting cannot start before then`);
  }
  const body = bodyOfOffice(command);
  if (body instanceof Error) return body;
  return [
    {
      type: 'ActingHolderDesignated',
      data: {
        forceCode: command.forceCode,
        office: command.office,
        holder: command.holder,
        body,
        replaces: current?.holder ?? null,
        reason: command.reason,
        pending: context.facts.pending,
      },
      occurredAt: command.occurredAt,
    },
  ];
}
