import type { Action } from '#identity';
import type { LedgerError } from '#shared-kernel';
import { type DecisionContext, day, refuse } from '../../decider.js';
import type { Basis, Office, OfficeEvent, PendingItem, Person } from '../office.events.js';
import type { PolicingBodyKind } from '../../reference-data/policing-bodies.js';
import { type OfficeState, currentTenure } from '../office.state.js';
import { bodyOfOffice } from '../policing-body.rule.js';

export const HAND_OVER_OFFICE: Action = { name: 'hand-over-office', kind: 'reference-data', roles: ['registrar'] };

/** The office passes from its holder to another person; what was pending for it is listed, so nothing is lost. */
export interface HandOverOffice {
  kind: 'HandOverOffice';
  forceCode: string;
  office: Office;
  outgoingPersonId: string;
  incoming: Person;
  basis: Basis;
  /**
   * For the policing-body office: the body the incoming holder holds office in; absent: the
   * reference data's for the date. A handover may be to the same person when the body changes
   * (a PCC who becomes the PFCC, Fire and Rescue Services Act 2004 s4A).
   */
  body?: PolicingBodyKind;
  note: string;
  occurredAt: Date;
}

/** Looked up by the handler: what awaited this office when it changed hands. */
export interface HandoverFacts {
  pending: PendingItem[];
}

export function handOverOffice(state: OfficeState, command: HandOverOffice, context: DecisionContext<HandoverFacts>): OfficeEvent[] | LedgerError {
  const current = currentTenure(state);
  if (!current) return refuse('OfficeVacant', `${command.office} of ${command.forceCode} has no holder to hand over; record an appointment instead`);
  if (current.holder.personId !== command.outgoingPersonId) {
    return refuse('OutgoingIsNotHolder', `the office is held by ${current.holder.name} (${current.holder.personId}), not by ${command.outgoingPersonId}`, {
      holder: current.holder,
    });
  }
  if (command.occurredAt < current.from) {
    return refuse('HandoverBeforeTenure', `${current.holder.name} has held the office only since ${day(current.from)}`);
  }
  const body = bodyOfOffice(command);
  if (body instanceof Error) return body;
  if (command.incoming.personId === current.holder.personId && body === current.body) {
    return refuse('HandoverToSelf', 'an office cannot be handed over to its own holder (unless the body they hold it in changes)');
  }
  return [
    {
      type: 'OfficeHandedOver',
      data: {
        forceCode: command.forceCode,
        office: command.office,
        outgoing: current.holder,
        incoming: command.incoming,
        basis: command.basis,
        body,
        note: command.note,
        pending: context.facts.pending,
      },
      occurredAt: command.occurredAt,
    },
  ];
}
