import type { PolicingBodyKind } from '../reference-data/policing-bodies.js';
import type { Basis, Office, OfficeEvent, PendingItem, Person } from './office.events.js';

export interface Tenure {
  holder: Person;
  basis: Basis;
  /** The policing body the holder held office in (policing-body office); null for the chief officer. */
  body: PolicingBodyKind | null;
  from: Date;
  /** When the tenure ended; absent while it lasts. */
  to?: Date;
  /** What was pending for the office as at the tenure's end (the handover's, designation's or vacancy's list); absent while it lasts. */
  pendingAtEnd?: PendingItem[];
}

export interface OfficeState {
  forceCode?: string;
  office?: Office;
  /** Every holder the office has had, in order; at most one at any instant. */
  tenures: Tenure[];
}

export const initialOfficeState: OfficeState = { tenures: [] };

export function evolveOffice(state: OfficeState, event: OfficeEvent): OfficeState {
  switch (event.type) {
    case 'OfficeHolderAppointed':
      return {
        forceCode: event.data.forceCode,
        office: event.data.office,
        tenures: [...state.tenures, { holder: event.data.holder, basis: event.data.basis, body: event.data.body ?? null, from: event.occurredAt }],
      };
    case 'OfficeHandedOver':
      return {
        forceCode: event.data.forceCode,
        office: event.data.office,
        tenures: [
          ...endCurrent(state.tenures, event.occurredAt, event.data.pending),
          { holder: event.data.incoming, basis: event.data.basis, body: event.data.body ?? null, from: event.occurredAt },
        ],
      };
    case 'ActingHolderDesignated':
      return {
        forceCode: event.data.forceCode,
        office: event.data.office,
        tenures: [
          ...endCurrent(state.tenures, event.occurredAt, event.data.pending),
          { holder: event.data.holder, basis: 'acting', body: event.data.body ?? null, from: event.occurredAt },
        ],
      };
    case 'OfficeVacated':
      return { forceCode: event.data.forceCode, office: event.data.office, tenures: endCurrent(state.tenures, event.occurredAt, event.data.pending) };
    default:
      return state;
  }
}

const endCurrent = (tenures: Tenure[], at: Date, pending: PendingItem[]): Tenure[] => tenures.map((t) => (t.to === undefined ? { ...t, to: at, pendingAtEnd: pending } : t));

export const currentTenure = (state: OfficeState): Tenure | undefined => state.tenures.find((t) => t.to === undefined);

/** Who held the office at that instant, if anyone: a tenure includes its start and excludes its end. */
export const holderAt = (state: OfficeState, at: Date): Tenure | undefined =>
  state.tenures.find((t) => t.from.getTime() <= at.getTime() && (t.to === undefined || at.getTime() < t.to.getTime()));

/** The policing bodies a person held the office in, in order of their tenures (none for the chief officer). */
export const bodiesHeldBy = (state: OfficeState, personId: string): PolicingBodyKind[] =>
  state.tenures.filter((t) => t.holder.personId === personId && t.body !== null).map((t) => t.body!);
