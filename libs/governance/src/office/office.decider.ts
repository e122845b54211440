import { deciderOf } from '../decider.js';
import { APPOINT_OFFICE_HOLDER, type AppointOfficeHolder, appointOfficeHolder } from './appoint-office-holder/appoint-office-holder.command.js';
import { DESIGNATE_ACTING_HOLDER, type DesignateActingHolder, designateActingHolder } from './designate-acting-holder/designate-acting-holder.command.js';
import { HAND_OVER_OFFICE, type HandOverOffice, type HandoverFacts, handOverOffice } from './hand-over-office/hand-over-office.command.js';
import type { OfficeEvent } from './office.events.js';
import { type OfficeState, evolveOffice, initialOfficeState } from './office.state.js';
import { VACATE_OFFICE, type VacateOffice, vacateOffice } from './vacate-office/vacate-office.command.js';

export type OfficeCommand = AppointOfficeHolder | HandOverOffice | DesignateActingHolder | VacateOffice;

/** A force's chief-officer or policing-body office: who holds it when. */
export const officeDecider = deciderOf<OfficeState, OfficeCommand, OfficeEvent, HandoverFacts>(initialOfficeState, evolveOffice, {
  AppointOfficeHolder: { action: APPOINT_OFFICE_HOLDER, decide: appointOfficeHolder },
  HandOverOffice: { action: HAND_OVER_OFFICE, decide: handOverOffice },
  DesignateActingHolder: { action: DESIGNATE_ACTING_HOLDER, decide: designateActingHolder },
  VacateOffice: { action: VACATE_OFFICE, decide: vacateOffice },
}, 'office');
