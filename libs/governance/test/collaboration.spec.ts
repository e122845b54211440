import { describe, expect, it } from '@jest/globals';
import { type CollaborationEvent, type CollaborationCommand, collaborationDecider } from '#governance';
import type { Principal } from '#shared-kernel';
import { contextOf, spec } from '#testing';

const collaboration = spec(collaborationDecider);
const manager: Principal = { personId: 'cm-glos', name: 'Collaboration manager (Gloucestershire)', role: 'collaboration-manager', force: 'gloucestershire' };
const chief = (force: string): Principal => ({ personId: `cc-${force}`, name: `Chief Constable of ${force}`, role: 'chief-officer', force });
const body = (force: string): Principal => ({ personId: `pcc-${force}`, name: `PCC for ${force}`, role: 'policing-body', force });
const person = (p: Principal) => ({ personId: p.personId, name: p.name });
const on = (date: string) => new Date(`${date}T00:00:00Z`);
const PARTIES = ['avon-and-somerset', 'gloucestershire', 'wiltshire'];

const proposed: CollaborationEvent = {
  type: 'CollaborationProposed',
  data: {
    collaborationId: 'tri-force',
    name: 'South West Tri-force Specialist Operations (illustrative terms)',
    purpose: 'Firearms, dogs and roads policing delivered once for three forces',
    functions: ['firearms', 'dogs', 'roads policing'],
    parties: PARTIES,
    leadForce: 'gloucestershire',
    costSharing: 'by net revenue expenditure',
    noticePeriodMonths: 12,
    reviewDate: '2015-04-01',
    otherParties: [],
    delegationScheme: [],
    annualBudget: null,
    riskAppetite: null,
    publication: null,
    proposedBy: person(manager),
  },
  occurredAt: on('2012-01-09'),
};
const signed = (force: string, by: Principal, date = '2012-03-01'): CollaborationEvent => ({
  type: 'AgreementSigned',
  data: { party: force, role: by.role as 'chief-officer' | 'policing-body', signatory: person(by) },
  occurredAt: on(date),
});
const sign = (force: string, by: Principal, date = '2012-03-01'): CollaborationCommand => ({
  kind: 'SignAgreement',
  collaborationId: 'tri-force',
  party: force,
  role: by.role as 'chief-officer' | 'policing-body',
  signatory: person(by),
  occurredAt: on(date),
});
const heldBy = (p: Principal) => ({ holderThen: person(p) });
const allButOne = PARTIES.flatMap((f) => [signed(f, chief(f)), signed(f, body(f))]).slice(0, -1);

describe('proposing a collaboration', () => {
  const propose = (overrides: Partial<Extract<CollaborationCommand, { kind: 'ProposeCollaboration' }>> = {}): CollaborationCommand => ({
    kind: 'ProposeCollaboration',
    ...(({ proposedBy: _p, ...terms }) => terms)(proposed.data as Extract<CollaborationEvent, { type: 'CollaborationProposed' }>['data']),
    occurredAt: on('2012-01-09'),
    ...overrides,
  });

  it('records the proposal with its purpose, parties, lead force and notice period', () => {
    collaboration.given([]).when(propose(), contextOf(manager), {}).then([proposed]);
  });

  it.each([
    ['fewer than two parties', { parties: ['gloucestershire'] }, 'TooFewParties'],
    ['a party listed twice', { parties: ['gloucestershire', 'wiltshire', 'wiltshire'] }, 'PartyListedTwice'],
    ['a lead force that is not a party', { leadForce: 'dorset' }, 'LeadForceNotAParty'],
  ])('refuses %s', (_case, overrides, code) => {
    collaboration.given([]).when(propose(overrides), contextOf(manager), {}).thenRefuses(code);
  });

  it('refuses to propose the same collaboration twice', () => {
    collaboration.given([proposed]).when(propose(), contextOf(manager), {}).thenRefuses('CollaborationAlreadyProposed');
  });
});

describe('signing the agreement (s22A)', () => {
  it('records a signature by the office holder of a party force', () => {
    collaboration.given([proposed]).when(sign('wiltshire', chief('wiltshire')), contextOf(chief('wiltshire')), heldBy(chief('wiltshire'))).then([signed('wiltshire', chief('wiltshire'))]);
  });

  it('brings the agreement into force when every party’s chief officer and policing body have signed', () => {
    const last = body('wiltshire');
    const signatures = [...allButOne, signed('wiltshire', last, '2012-03-05')].map((e) => ({
      ...(e.data as { party: string; role: 'chief-officer' | 'policing-body'; signatory: { personId: string; name: string } }),
      signedAt: e.occurredAt.toISOString(),
    }));
    collaboration
      .given([proposed, ...allButOne])
      .when(sign('wiltshire', last, '2012-03-05'), contextOf(last), heldBy(last))
      .then([signed('wiltshire', last, '2012-03-05'), { type: 'AgreementCameIntoForce', data: { signatures }, occurredAt: on('2012-03-05') }]);
  });

  it('does not bring it into force while one party’s policing body has not signed', () => {
    const partial = PARTIES.map((f) => signed(f, chief(f)));
    collaboration.given([proposed, ...partial.slice(0, 2)]).when(sign('wiltshire', chief('wiltshire')), contextOf(chief('wiltshire')), heldBy(chief('wiltshire'))).then([signed('wiltshire', chief('wiltshire'))]);
  });

  it.each([
    ['the collaboration does not exist', [], sign('wiltshire', chief('wiltshire')), heldBy(chief('wiltshire')), 'CollaborationNotFound', 'not-found'],
    ['signing twice', [proposed, signed('wiltshire', chief('wiltshire'))], sign('wiltshire', chief('wiltshire'), '2012-03-02'), heldBy(chief('wiltshire')), 'AlreadySigned', 'rule-violated'],
    ['signing for a force that is not a party', [proposed], sign('dorset', chief('dorset')), heldBy(chief('dorset')), 'NotAParty', 'rule-violated'],
    ['a signer who did not hold the office that day', [proposed], sign('wiltshire', chief('wiltshire')), { holderThen: { personId: 'cc-previous', name: 'Previous Chief Constable' } }, 'SignerNotOfficeHolder', 'rule-violated'],
    ['a signer on a date with no office holder recorded', [proposed], sign('wiltshire', chief('wiltshire')), {}, 'SignerNotOfficeHolder', 'rule-violated'],
    ['a signature dated before the proposal', [proposed], sign('wiltshire', chief('wiltshire'), '2011-12-01'), heldBy(chief('wiltshire')), 'SignedBeforeProposed', 'rule-violated'],
  ] as Array<[string, CollaborationEvent[], CollaborationCommand, { holderThen?: { personId: string; name: string } }, string, 'not-found' | 'rule-violated']>)(
    'refuses %s',
    (_case, history, command, facts, code, kind) => {
      collaboration.given(history).when(command, contextOf(chief('wiltshire')), facts).thenRefuses(code, kind);
    },
  );
});

describe('withdrawal notice', () => {
  const inForce: CollaborationEvent[] = [
    proposed,
    ...PARTIES.flatMap((f) => [signed(f, chief(f)), signed(f, body(f))]),
    { type: 'AgreementCameIntoForce', data: { signatures: [] }, occurredAt: on('2012-03-01') },
  ];
  const notice = (effectiveOn: string, party = 'avon-and-somerset'): CollaborationCommand => ({
    kind: 'GiveWithdrawalNotice',
    collaborationId: 'tri-force',
    party,
    role: 'chief-officer',
    reason: 'Bringing specialist operations back under local control',
    effectiveOn,
    occurredAt: on('2018-04-03'),
  });

  it('accepts notice that runs at least the agreed notice period', () => {
    const by = chief('avon-and-somerset');
    collaboration
      .given(inForce)
      .when(notice('2019-04-03'), contextOf(by), {})
      .then([
        {
          type: 'WithdrawalNoticeGiven',
          data: { party: 'avon-and-somerset', reason: 'Bringing specialist operations back under local control', effectiveOn: '2019-04-03', givenBy: { role: 'chief-officer', person: person(by) } },
          occurredAt: on('2018-04-03'),
        },
      ]);
  });

  it('refuses notice shorter than the notice period, naming the earliest date', () => {
    const refusal = collaboration.given(inForce).when(notice('2019-01-01'), contextOf(chief('avon-and-somerset')), {}).thenRefuses('NoticeShorterThanPeriod');
    expect(refusal.details).toEqual({ earliestEffectiveOn: '2019-04-03' });
  });

  it('refuses notice from a force that is not a party, and a second notice', () => {
    collaboration.given(inForce).when(notice('2019-04-03', 'dorset'), contextOf(chief('dorset')), {}).thenRefuses('NotAParty');
    const first = { type: 'WithdrawalNoticeGiven', data: { party: 'avon-and-somerset', reason: 'x', effectiveOn: '2019-04-03', givenBy: { role: 'chief-officer', person: person(chief('avon-and-somerset')) } }, occurredAt: on('2018-04-03') } as CollaborationEvent;
    collaboration.given([...inForce, first]).when(notice('2019-05-01'), contextOf(chief('avon-and-somerset')), {}).thenRefuses('NoticeAlreadyGiven');
  });
});
