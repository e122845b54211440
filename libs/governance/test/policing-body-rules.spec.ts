import { describe, expect, it } from '@jest/globals';
import {
  type CollaborationCommand,
  type CollaborationEvent,
  type DecisionCommand,
  type DecisionEvent,
  type OfficeEvent,
  type PolicingBodyKind,
  collaborationDecider,
  decisionDecider,
  evolveOffice,
  holderAt,
  initialOfficeState,
  officeDecider,
  schemaVersionOf,
  upcast,
} from '#governance';
import type { Principal } from '#shared-kernel';
import { contextOf, spec } from '#testing';

// Issue 13 item 3, "Who could sign, when": an appointment, handover or acting designation into a
// policing-body office names a body that existed for the force that day, and a holder signs or
// approves only while their body exists (PRSRA 2011 s1, s1(9), s3, Sch 1; SI 2012/2892; SI 2016/448
// art 4; FRSA 2004 s4A). docs/domain-rules.md cites each rule and names these specs.
const office = spec(officeDecider);
const collaboration = spec(collaborationDecider);
const decision = spec(decisionDecider);
const on = (date: string) => new Date(`${date}T09:00:00Z`);
const registrar = contextOf({ personId: 'reg-1', name: 'National registrar', role: 'registrar' });
const none = { pending: [] };
const authority = { personId: 'pa-dorset', name: 'Dorset Police Authority' };
const commissioner = { personId: 'pcc-dorset', name: 'Police and Crime Commissioner for Dorset (illustrative)' };
const appointed = (forceCode: string, holder: { personId: string; name: string }, body: PolicingBodyKind, date: string): OfficeEvent => ({
  type: 'OfficeHolderAppointed',
  data: { forceCode, office: 'policing-body', holder, basis: 'substantive', body },
  occurredAt: on(date),
});

describe('appointments into a policing-body office name a body that existed that day', () => {
  it('Given no holder, When a PCC is appointed in 2008 (the demo’s error), Then PolicingBodyDidNotExist: police authorities held the office until 22 November 2012', () => {
    const refusal = office
      .given([])
      .when({ kind: 'AppointOfficeHolder', forceCode: 'dorset', office: 'policing-body', holder: commissioner, basis: 'substantive', body: 'pcc', occurredAt: on('2008-01-01') }, registrar, none)
      .thenRefuses('PolicingBodyDidNotExist');
    expect(refusal.details).toMatchObject({ forceCode: 'dorset', body: 'pcc', on: '2008-01-01', bodyThen: { kind: 'police-authority', name: 'Dorset Police Authority', from: null, to: '2012-11-22' } });
  });

  it('Given no holder, When a police authority is appointed after 22 November 2012, Then PolicingBodyDidNotExist (PRSRA 2011 s1(9))', () => {
    office
      .given([])
      .when({ kind: 'AppointOfficeHolder', forceCode: 'dorset', office: 'policing-body', holder: authority, basis: 'substantive', body: 'police-authority', occurredAt: on('2013-01-01') }, registrar, none)
      .thenRefuses('PolicingBodyDidNotExist');
  });

  it('Given no holder, When an appointment names no body, Then it records the body the reference data gives for the day', () => {
    office
      .given([])
      .when({ kind: 'AppointOfficeHolder', forceCode: 'dorset', office: 'policing-body', holder: authority, basis: 'substantive', occurredAt: on('2008-01-01') }, registrar, none)
      .then([appointed('dorset', authority, 'police-authority', '2008-01-01')]);
  });

  it('Given a chief-officer office, When an appointment names a body, Then NotAPolicingBodyOffice', () => {
    office
      .given([])
      .when({ kind: 'AppointOfficeHolder', forceCode: 'dorset', office: 'chief-officer', holder: commissioner, basis: 'substantive', body: 'pcc', occurredAt: on('2014-01-01') }, registrar, none)
      .thenRefuses('NotAPolicingBodyOffice');
  });
});

describe('handovers and acting designations name a body that existed that day', () => {
  const gmPcc = { personId: 'pcc-gm', name: 'Police and Crime Commissioner for Greater Manchester' };
  const gmMayor = { personId: 'mayor-gm', name: 'Mayor of Greater Manchester' };
  const handover = (incoming: { personId: string; name: string }, body: 'pcc' | 'mayor' | 'pfcc', date: string, forceCode = 'greater-manchester', outgoingPersonId = gmPcc.personId) =>
    ({ kind: 'HandOverOffice', forceCode, office: 'policing-body', outgoingPersonId, incoming, basis: 'substantive', body, note: 'PCC functions pass to the mayor', occurredAt: on(date) }) as const;

  it('Given Greater Manchester’s PCC, When the office is handed to another PCC after 8 May 2017, Then PolicingBodyDidNotExist (SI 2016/448 art 4: no PCC for the area)', () => {
    office.given([appointed('greater-manchester', gmPcc, 'pcc', '2012-11-22')]).when(handover({ personId: 'pcc-gm-2', name: 'Another PCC' }, 'pcc', '2017-06-01'), registrar, none).thenRefuses('PolicingBodyDidNotExist');
  });

  it('Given Greater Manchester’s PCC, When the office is handed to the mayor on 8 May 2017, Then the mayor holds it in the body `mayor`', () => {
    office
      .given([appointed('greater-manchester', gmPcc, 'pcc', '2012-11-22')])
      .when(handover(gmMayor, 'mayor', '2017-05-08'), registrar, none)
      .then([
        {
          type: 'OfficeHandedOver',
          data: { forceCode: 'greater-manchester', office: 'policing-body', outgoing: gmPcc, incoming: gmMayor, basis: 'substantive', body: 'mayor', note: 'PCC functions pass to the mayor', pending: [] },
          occurredAt: on('2017-05-08'),
        },
      ]);
  });

  it('Given Essex’s PCC, When the same person continues as the PFCC from 1 October 2017, Then a handover to themselves records the change of body; without a change of body it is HandoverToSelf', () => {
    const essex = { personId: 'pcc-essex', name: 'Police and Crime Commissioner for Essex' };
    const history = [appointed('essex', essex, 'pcc', '2016-05-12')];
    office.given(history).when(handover(essex, 'pfcc', '2017-10-01', 'essex', essex.personId), registrar, none).then([
      {
        type: 'OfficeHandedOver',
        data: { forceCode: 'essex', office: 'policing-body', outgoing: essex, incoming: essex, basis: 'substantive', body: 'pfcc', note: 'PCC functions pass to the mayor', pending: [] },
        occurredAt: on('2017-10-01'),
      },
    ]);
    office.given(history).when(handover(essex, 'pcc', '2017-09-01', 'essex', essex.personId), registrar, none).thenRefuses('HandoverToSelf');
    office.given(history).when(handover(essex, 'pfcc', '2017-09-30', 'essex', essex.personId), registrar, none).thenRefuses('PolicingBodyDidNotExist');
  });

  it('Given Essex’s PCC never restyled, When they sign after the PFCC order (1 October 2017), Then it counts: in law the PFCC is the PCC (FRSA 2004 s4A)', () => {
    const essex = { personId: 'pcc-essex', name: 'Police and Crime Commissioner for Essex' };
    const proposal = {
      type: 'CollaborationProposed',
      data: { collaborationId: 'c-9', name: 'n', purpose: 'p', functions: ['f'], parties: ['essex', 'kent'], otherParties: [], leadForce: 'essex', costSharing: 'c', noticePeriodMonths: 12, reviewDate: '2020-04-01', delegationScheme: [], annualBudget: null, riskAppetite: null, publication: null, proposedBy: essex },
      occurredAt: on('2018-01-01'),
    } as CollaborationEvent;
    const command: CollaborationCommand = { kind: 'SignAgreement', collaborationId: 'c-9', party: 'essex', role: 'policing-body', signatory: essex, occurredAt: on('2018-02-01') };
    collaboration.given([proposal]).when(command, contextOf({ ...essex, role: 'policing-body', force: 'essex' }), { holderThen: essex, holderBodyThen: 'pcc' }).then([
      { type: 'AgreementSigned', data: { party: 'essex', role: 'policing-body', signatory: essex }, occurredAt: on('2018-02-01') },
    ]);
  });

  it('Given a police authority, When someone is designated to act as PCC before 22 November 2012, Then PolicingBodyDidNotExist', () => {
    office
      .given([appointed('dorset', authority, 'police-authority', '2008-01-01')])
      .when({ kind: 'DesignateActingHolder', forceCode: 'dorset', office: 'policing-body', holder: commissioner, body: 'pcc', reason: 'interim', occurredAt: on('2012-06-01') }, registrar, none)
      .thenRefuses('PolicingBodyDidNotExist');
  });
});

describe('a holder signs and approves only while their body exists', () => {
  const PARTIES = ['dorset', 'devon-and-cornwall'];
  const manager: Principal = { personId: 'cm-dorset', name: 'Manager', role: 'collaboration-manager', force: 'dorset' };
  const signer: Principal = { personId: authority.personId, name: authority.name, role: 'policing-body', force: 'dorset' };
  const proposal: CollaborationEvent = {
    type: 'CollaborationProposed',
    data: {
      collaborationId: 'c-1', name: 'Alliance (illustrative)', purpose: 'p', functions: ['f'], parties: PARTIES, otherParties: [], leadForce: 'dorset', costSharing: 'c',
      noticePeriodMonths: 12, reviewDate: '2016-04-01', delegationScheme: [], annualBudget: null, riskAppetite: null, publication: null, proposedBy: { personId: manager.personId, name: manager.name },
    },
    occurredAt: on('2012-10-01'),
  } as CollaborationEvent;
  const sign = (date: string): CollaborationCommand => ({ kind: 'SignAgreement', collaborationId: 'c-1', party: 'dorset', role: 'policing-body', signatory: authority, occurredAt: on(date) });

  it('Given a police authority never handed over, When it signs on 10 January 2013, Then PolicingBodyDidNotExist — its holder could not sign after the PCC took office', () => {
    const refusal = collaboration.given([proposal]).when(sign('2013-01-10'), contextOf(signer), { holderThen: authority, holderBodyThen: 'police-authority' }).thenRefuses('PolicingBodyDidNotExist');
    expect(refusal.details).toMatchObject({ forceCode: 'dorset', body: 'police-authority', on: '2013-01-10', bodyThen: { kind: 'pcc' } });
  });

  it('Given a PCC (in office from 22 November 2012), When they sign an agreement dated 2008 — the demo’s error — Then PolicingBodyDidNotExist, not merely SignerNotOfficeHolder', () => {
    const pcc: Principal = { ...commissioner, role: 'policing-body', force: 'dorset' };
    const early = { ...proposal, occurredAt: on('2008-05-01') } as CollaborationEvent;
    const command: CollaborationCommand = { kind: 'SignAgreement', collaborationId: 'c-1', party: 'dorset', role: 'policing-body', signatory: commissioner, occurredAt: on('2008-06-01') };
    const refusal = collaboration.given([early]).when(command, contextOf(pcc), { holderThen: authority, holderBodyThen: 'police-authority', signatoryBodies: ['pcc'] }).thenRefuses('PolicingBodyDidNotExist');
    expect(refusal.details).toMatchObject({ body: 'pcc', on: '2008-06-01', bodyThen: { kind: 'police-authority' } });
    // Someone whose body did exist that day but who did not hold the office then is still SignerNotOfficeHolder.
    collaboration.given([early]).when(command, contextOf(pcc), { holderThen: authority, holderBodyThen: 'police-authority', signatoryBodies: ['police-authority'] }).thenRefuses('SignerNotOfficeHolder');
  });

  it('Given the same police authority, When it signs on 21 November 2012, Then the signature counts', () => {
    collaboration
      .given([proposal])
      .when(sign('2012-11-21'), contextOf(signer), { holderThen: authority, holderBodyThen: 'police-authority' })
      .then([{ type: 'AgreementSigned', data: { party: 'dorset', role: 'policing-body', signatory: authority }, occurredAt: on('2012-11-21') }]);
  });

  it('Given a variation, When Greater Manchester’s PCC (never handed over) signs it after 8 May 2017, Then PolicingBodyDidNotExist', () => {
    const gmPcc = { personId: 'pcc-gm', name: 'PCC for Greater Manchester' };
    const gm: Principal = { ...gmPcc, role: 'policing-body', force: 'greater-manchester' };
    const parties = ['greater-manchester', 'cheshire'];
    const inForce: CollaborationEvent[] = [
      { ...proposal, data: { ...(proposal.data as object), parties, leadForce: 'cheshire' } } as CollaborationEvent,
      { type: 'AgreementCameIntoForce', data: { signatures: [] }, occurredAt: on('2013-01-01') },
      { type: 'VariationProposed', data: { variationId: 'v-1', summary: 's', changes: 'c', terms: { functions: ['g'] }, proposedBy: { personId: manager.personId, name: manager.name } }, occurredAt: on('2017-04-01') },
    ] as CollaborationEvent[];
    const command: CollaborationCommand = { kind: 'SignVariation', collaborationId: 'c-1', variationId: 'v-1', party: 'greater-manchester', role: 'policing-body', signatory: gmPcc, occurredAt: on('2017-06-01') };
    collaboration.given(inForce).when(command, contextOf(gm), { holderThen: gmPcc, holderBodyThen: 'pcc' }).thenRefuses('PolicingBodyDidNotExist');
    collaboration.given(inForce).when({ ...command, occurredAt: on('2017-05-07') } as CollaborationCommand, contextOf(gm), { holderThen: gmPcc, holderBodyThen: 'pcc' }).then([
      { type: 'VariationSigned', data: { variationId: 'v-1', party: 'greater-manchester', role: 'policing-body', signatory: gmPcc }, occurredAt: on('2017-05-07') },
    ]);
  });

  it('Given a decision needing the policing bodies, When a police authority approves it in 2013, Then PolicingBodyDidNotExist; its approval in 2012 counts', () => {
    const proposed: DecisionEvent = {
      type: 'DecisionProposed',
      data: {
        decisionId: 'd-1', collaborationId: 'c-1', title: 't', category: 'strategic', valueGbp: 0, rationale: 'r', optionsConsidered: ['a', 'b'], proposer: { personId: manager.personId, name: manager.name },
        leadForce: 'dorset', basis: 'all-chief-officers-and-policing-bodies', underDelegationScheme: true,
        requiredApprovals: [{ party: 'dorset', role: 'chief-officer' }, { party: 'dorset', role: 'policing-body' }], judgedUnder: null,
      },
      occurredAt: on('2012-10-01'),
    } as DecisionEvent;
    const approve = (date: string): DecisionCommand => ({ kind: 'ApproveDecision', decisionId: 'd-1', party: 'dorset', role: 'policing-body', signatory: authority, occurredAt: on(date) });
    decision.given([proposed]).when(approve('2013-01-10'), contextOf(signer), { holderThen: authority, holderBodyThen: 'police-authority' }).thenRefuses('PolicingBodyDidNotExist');
    decision.given([proposed]).when(approve('2012-11-01'), contextOf(signer), { holderThen: authority, holderBodyThen: 'police-authority' }).then([
      { type: 'DecisionApproved', data: { party: 'dorset', role: 'policing-body', approver: authority }, occurredAt: on('2012-11-01') },
    ]);
  });
});

describe('office events of schema version 1 name no body: they read with the body of their day', () => {
  it('upcasts appointments, handovers and acting designations by the reference data on the event’s date; the chief officer has none', () => {
    // Version 2 added the body; handovers and acting designations then gained dated pending lists (version 3).
    expect(['OfficeHolderAppointed', 'OfficeHandedOver', 'ActingHolderDesignated'].map(schemaVersionOf)).toEqual([2, 3, 3]);
    const v1 = (office: string, date: string) => ({ type: 'OfficeHolderAppointed', schemaVersion: 1, data: { forceCode: 'kent', office, holder: authority, basis: 'substantive' }, occurredAt: on(date) });
    expect(upcast<OfficeEvent>(v1('policing-body', '2008-01-01')).data).toMatchObject({ body: 'police-authority' });
    expect(upcast<OfficeEvent>(v1('policing-body', '2012-11-22')).data).toMatchObject({ body: 'pcc' });
    expect(upcast<OfficeEvent>(v1('chief-officer', '2012-11-22')).data).toMatchObject({ body: null });
    const handedOver = { type: 'OfficeHandedOver', schemaVersion: 1, data: { forceCode: 'greater-manchester', office: 'policing-body', outgoing: authority, incoming: commissioner, basis: 'substantive', note: '', pending: [] }, occurredAt: on('2017-05-08') };
    expect(upcast<OfficeEvent>(handedOver).data).toMatchObject({ body: 'mayor' });
    const state = [upcast<OfficeEvent>(v1('policing-body', '2008-01-01'))].reduce(evolveOffice, initialOfficeState);
    expect(holderAt(state, on('2013-01-01'))).toMatchObject({ holder: authority, body: 'police-authority' });
  });
});
