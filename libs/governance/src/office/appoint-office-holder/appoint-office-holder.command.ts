import type { Action } from '#identity';
import type { LedgerError } from '#shared-kernel';
import { type DecisionContext, day, refuse } from '../../decider.js';
import type { Basis, Office, OfficeEvent, Person } from '../office.events.js';
import type { PolicingBodyKind } from '../../reference-data/policing-bodies.js';
import { type OfficeState, currentTenure } from '../office.state.js';
import { bodyOfOffice } from '../policing-body.rule.js';

export const APPOINT_OFFICE_HOLDER: Action = { name: 'appoint-office-holder', kind: 'reference-data', roles: ['registrar'] };

/** A registrar records who holds a force's chief-officer or policing-body office, from a date. */
export interface AppointOfficeHolder {
  kind: 'AppointOfficeHolder';
  forceCode: string;
  office: Office;
  holder: Person;
  basis: Basis;
  /**
   * For the policing-body office: the body the holder holds office in (it must have been the force's
   * policing body on the date). Absent: the body the reference data gives for that date.
   */
  body?: PolicingBodyKind;
  /** The date the appointment took effect. */
  occurredAt: Date;
}

export function appointOfficeHolder(state: OfficeState, command: AppointOfficeHolder, _context: DecisionContext<unknown>): OfficeEvent[] | LedgerError {
  const current = currentTenure(state);
  if (current) {
    return refuse('OfficeAlreadyHeld', `${command.office} of ${command.forceCode} is held by ${current.holder.name} since ${day(current.from)}; record a handover instead`, {
      holder: current.holder,
    });
  }
  const lastEnd = state.tenures.at(-1)?.to;
  if (lastEnd && command.occurredAt < lastEnd) {
    return refuse('OverlapsEarlierTenure', `the office was held until ${day(lastEnd)}; an appointment cannot start before then`);
  }
  const body = bodyOfOffice(command);
  if (body instanceof Error) return body;
  return [
    {
      type: 'OfficeHolderAppointed',
      data: { forceCode: command.forceCode, office: command.office, holder: command.holder, basis: command.basis, body },
      occurredAt: command.occurredAt,
    },
  ];
}
