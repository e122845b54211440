import type { OfficeEvent } from '#governance';
import type { Projection } from '../projection.js';
import { OfficeTenure } from './office-holders.entity.js';

const ENDED_BY = { OfficeHandedOver: 'handover', ActingHolderDesignated: 'acting-designation', OfficeVacated: 'vacancy' } as const;

/** 9. Office holders: every tenure of each office, and what was pending for the office when it ended. */
export const officeHoldersProjection: Projection<OfficeTenure, OfficeEvent> = {
  // v3: pending items of every kind, each with since (office events v2; v1 lists read with since null).
  name: 'office-holders.v3',
  entity: OfficeTenure,
  groupBy: 'officeStream',
  eventTypes: ['OfficeHolderAppointed', 'OfficeHandedOver', 'ActingHolderDesignated', 'OfficeVacated'],
  groupOf: (event) => event.streamId,
  evolve(tenures, event) {
    const ended =
      event.type === 'OfficeHolderAppointed'
        ? [...tenures]
        : tenures.map((t) =>
            t.heldTo === null
              ? { ...t, heldTo: event.occurredAt, endedBy: ENDED_BY[event.type], pendingAtEnd: event.data.pending, endedByPosition: event.globalPosition }
              : t,
          );
    const next = nextHolder(event);
    if (!next) return ended;
    const { holder, basis } = next;
    return [
      ...ended,
      {
        officeStream: event.streamId,
        sequence: event.streamVersion,
        forceCode: event.data.forceCode,
        office: event.data.office,
        personId: holder.personId,
        name: holder.name,
        basis,
        heldFrom: event.occurredAt,
        heldTo: null,
        endedBy: null,
        pendingAtEnd: [],
        endedByPosition: null,
      },
    ];
  },
};

/** Who holds the office after the event, and on what basis; null when it is left vacant. */
function nextHolder(event: OfficeEvent) {
  switch (event.type) {
    case 'OfficeHolderAppointed':
      return { holder: event.data.holder, basis: event.data.basis };
    case 'OfficeHandedOver':
      return { holder: event.data.incoming, basis: event.data.basis };
    case 'ActingHolderDesignated':
      return { holder: event.data.holder, basis: 'acting' as const };
    case 'OfficeVacated':
      return null;
  }
}
