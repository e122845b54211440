import { describe, expect, it } from '@jest/globals';
import { type OfficeEvent, type PendingItem, officeDecider, holderAt, evolveOffice, initialOfficeState } from '#governance';
import { contextOf, spec } from '#testing';

const registrar = contextOf({ personId: 'reg-1', name: 'National registrar', role: 'registrar' });
const alice = { personId: 'p-alice', name: 'Alice Hale' };
const bob = { personId: 'p-bob', name: 'Bob Idris' };
const appointed = (holder = alice, on = '2016-01-04'): OfficeEvent => ({
  type: 'OfficeHolderAppointed',
  data: { forceCode: 'kent', office: 'chief-officer', holder, basis: 'substantive', body: null },
  occurredAt: new Date(`${on}T00:00:00Z`),
});
const office = spec(officeDecider);
const none = { pending: [] };

describe('office holders', () => {
  it('appoints a holder to a vacant office', () => {
    office
      .given([])
      .when({ kind: 'AppointOfficeHolder', forceCode: 'kent', office: 'chief-officer', holder: alice, basis: 'substantive', occurredAt: new Date('2016-01-04Z') }, registrar, none)
      .then([appointed()]);
  });

  it('refuses a second holder while the office is held: at most one holder at any instant', () => {
    office
      .given([appointed()])
      .when({ kind: 'AppointOfficeHolder', forceCode: 'kent', office: 'chief-officer', holder: bob, basis: 'acting', occurredAt: new Date('2017-01-01Z') }, registrar, none)
      .thenRefuses('OfficeAlreadyHeld');
  });

  it('hands over, listing what was pending for the office', () => {
    const pending = [{ kind: 'agreement-signature' as const, collaborationId: 'c-7f', name: 'Seven Force Strategic Alliance', since: '2016-02-16T09:00:00.000Z' }];
    office
      .given([appointed()])
      .when(
        { kind: 'HandOverOffice', forceCode: 'kent', office: 'chief-officer', outgoingPersonId: 'p-alice', incoming: bob, basis: 'substantive', note: 'retirement', occurredAt: new Date('2018-06-01Z') },
        registrar,
        { pending },
      )
      .then([
        {
          type: 'OfficeHandedOver',
          data: { forceCode: 'kent', office: 'chief-officer', outgoing: alice, incoming: bob, basis: 'substantive', body: null, note: 'retirement', pending },
          occurredAt: new Date('2018-06-01Z'),
        },
      ]);
  });

  it('hands over with every kind of pending item the handler found as at the handover’s date, carried as given', () => {
    const pending: PendingItem[] = [
      { kind: 'agreement-signature', collaborationId: 'c-drone', name: 'Drone Unit', since: '2018-03-05T09:00:00.000Z' },
      { kind: 'variation-signature', collaborationId: 'c-7f', collaborationName: 'Seven Force Strategic Alliance', variationId: 'v-1', name: 'Add digital forensics', since: '2018-04-02T09:00:00.000Z' },
      { kind: 'decision-approval', collaborationId: 'c-7f', collaborationName: 'Seven Force Strategic Alliance', decisionId: 'd-1', name: 'Vehicle framework', since: '2018-05-01T09:00:00.000Z' },
      { kind: 'ratification', collaborationId: 'c-7f', collaborationName: 'Seven Force Strategic Alliance', decisionId: 'd-2', name: 'Emergency custody contract', since: '2018-05-14T09:00:00.000Z' },
      { kind: 'recommendation-action', recommendationId: 'r-1', collaborationId: null, name: 'The Hard Yards', awaiting: 'implementation', dueDate: '2018-09-30', since: '2018-05-21T09:00:00.000Z' },
    ];
    office
      .given([appointed()])
      .when({ kind: 'HandOverOffice', forceCode: 'kent', office: 'chief-officer', outgoingPersonId: 'p-alice', incoming: bob, basis: 'acting', note: 'leave', occurredAt: new Date('2018-06-01Z') }, registrar, { pending })
      .then([
        {
          type: 'OfficeHandedOver',
          data: { forceCode: 'kent', office: 'chief-officer', outgoing: alice, incoming: bob, basis: 'acting', body: null, note: 'leave', pending },
          occurredAt: new Date('2018-06-01Z'),
        },
      ]);
  });

  it.each([
    ['the office is vacant', [], 'p-alice', bob, '2018-06-01', 'OfficeVacant'],
    ['the outgoing person is not the holder', [appointed()], 'p-bob', { personId: 'p-carol', name: 'Carol' }, '2018-06-01', 'OutgoingIsNotHolder'],
    ['the incoming person already holds it', [appointed()], 'p-alice', alice, '2018-06-01', 'HandoverToSelf'],
    ['the handover predates the tenure', [appointed()], 'p-alice', bob, '2015-06-01', 'HandoverBeforeTenure'],
  ] as Array<[string, OfficeEvent[], string, { personId: string; name: string }, string, string]>)(
    'refuses a handover when %s',
    (_case, history, outgoingPersonId, incoming, on, code) => {
      office
        .given(history)
        .when({ kind: 'HandOverOffice', forceCode: 'kent', office: 'chief-officer', outgoingPersonId, incoming, basis: 'substantive', note: '', occurredAt: new Date(`${on}T00:00:00Z`) }, registrar, none)
        .thenRefuses(code);
    },
  );

  it('knows who held the office on any date', () => {
    const state = [
      appointed(),
      {
        type: 'OfficeHandedOver',
        data: { forceCode: 'kent', office: 'chief-officer', outgoing: alice, incoming: bob, basis: 'acting', body: null, note: '', pending: [] },
        occurredAt: new Date('2018-06-01Z'),
      } as OfficeEvent,
    ].reduce(evolveOffice, initialOfficeState);
    expect(holderAt(state, new Date('2015-12-31Z'))).toBeUndefined();
    expect(holderAt(state, new Date('2016-01-04Z'))?.holder).toEqual(alice);
    expect(holderAt(state, new Date('2018-05-31T23:59:59Z'))?.holder).toEqual(alice);
    expect(holderAt(state, new Date('2018-06-01Z'))?.holder).toEqual(bob);
    expect(holderAt(state, new Date('2026-01-01Z'))).toMatchObject({ holder: bob, basis: 'acting' });
  });
});

describe('acting holders and vacancies', () => {
  const pending = [{ kind: 'agreement-signature' as const, collaborationId: 'c-1', name: 'All Wales collaboration', since: '2014-03-03T09:00:00.000Z' }];

  it('designates an acting holder in place of the holder, listing what was pending', () => {
    office
      .given([appointed()])
      .when({ kind: 'DesignateActingHolder', forceCode: 'kent', office: 'chief-officer', holder: bob, reason: 'extended leave', occurredAt: new Date('2019-02-01Z') }, registrar, { pending })
      .then([
        {
          type: 'ActingHolderDesignated',
          data: { forceCode: 'kent', office: 'chief-officer', holder: bob, body: null, replaces: alice, reason: 'extended leave', pending },
          occurredAt: new Date('2019-02-01Z'),
        },
      ]);
  });

  it('vacates the office, after which a new appointment is possible and nobody held it in between', () => {
    const vacated: OfficeEvent = {
      type: 'OfficeVacated',
      data: { forceCode: 'kent', office: 'chief-officer', holder: alice, reason: 'retirement', pending },
      occurredAt: new Date('2020-01-31Z'),
    };
    office
      .given([appointed()])
      .when({ kind: 'VacateOffice', forceCode: 'kent', office: 'chief-officer', reason: 'retirement', occurredAt: new Date('2020-01-31Z') }, registrar, { pending })
      .then([vacated]);
    const state = [appointed(), vacated, appointed(bob, '2020-03-01')].reduce(evolveOffice, initialOfficeState);
    expect(holderAt(state, new Date('2020-02-15Z'))).toBeUndefined();
    expect(holderAt(state, new Date('2020-03-01Z'))?.holder).toEqual(bob);
    office
      .given([appointed(), vacated])
      .when({ kind: 'AppointOfficeHolder', forceCode: 'kent', office: 'chief-officer', holder: bob, basis: 'substantive', occurredAt: new Date('2020-01-01Z') }, registrar, none)
      .thenRefuses('OverlapsEarlierTenure');
  });

  it('refuses to vacate a vacant office, and to designate the holder as acting in their own office', () => {
    office.given([]).when({ kind: 'VacateOffice', forceCode: 'kent', office: 'chief-officer', reason: 'r', occurredAt: new Date('2020-01-31Z') }, registrar, none).thenRefuses('OfficeVacant');
    office
      .given([appointed()])
      .when({ kind: 'DesignateActingHolder', forceCode: 'kent', office: 'chief-officer', holder: alice, reason: 'r', occurredAt: new Date('2019-01-01Z') }, registrar, none)
      .thenRefuses('AlreadyHoldsOffice');
  });
});
