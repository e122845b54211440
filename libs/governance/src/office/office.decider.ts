import type { Decider } from '../decider.js';
import { type AppointOfficeHolder, appointOfficeHolder } from './appoint-office-holder/appoint-office-holder.command.js';
import { type HandOverOffice, type HandoverFacts, handOverOffice } from './hand-over-office/hand-over-office.command.js';
import { type DesignateActingHolder, designateActingHolder } from './designate-acting-holder/designate-acting-holder.command.js';
import type { OfficeEvent } from './office.events.js';
import { type OfficeState, evolveOffice, initialOfficeState } from './office.state.js';
import { type VacateOffice, vacateOffice } from './vacate-office/vacate-office.command.js';

export type OfficeCommand = AppointOfficeHolder | HandOverOffice | DesignateActingHolder | VacateOffice;

export const officeDecider: Decider<OfficeState, OfficeCommand, OfficeEvent, HandoverFacts> = {
  initialState: initialOfficeState,
  evolve: evolveOffice,
  decide: (state, command, context) => {
    switch (command.kind) {
      case 'AppointOfficeHolder':
        return appointOfficeHolder(state, command, context);
      case 'HandOverOffice':
        return handOverOffice(state, command, context);
      case 'DesignateActingHolder':
        return designateActingHolder(state, command, context);
      case 'VacateOffice':
        return vacateOffice(state, command, context);
    }
  },
};
