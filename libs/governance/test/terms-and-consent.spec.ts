import { describe, expect, it } from '@jest/globals';
import { type CollaborationCommand, type CollaborationEvent, type CollaborationState, collaborationDecider, legalBasisOn, upcast } from '#governance';
import type { Principal } from '#shared-kernel';
import { contextOf, spec } from '#testing';

// Issue 13, items 1, 2 and 5: terms set by the proposal every party signs (s22A(3)), changed only by
// a variation every remaining party signs (s23C(4)), ended by agreement (s23C(5)), by withdrawals,
// or kept going by a direction (s23G). docs/domain-rules.md cites each rule and names these specs.
const collaboration = spec(collaborationDecider);
const id = 'c-tri';
const on = (date: string) => new Date(`${date}T09:00:00Z`);
const manager: Principal = { personId: 'cm-glos', name: 'Manager', role: 'collaboration-manager', force: 'gloucestershire' };
const chief = (force: string): Principal => ({ personId: `cc-${force}`, name: `CC ${force}`, role: 'chief-officer', force });
const body = (force: string): Principal => ({ personId: `pcc-${force}`, name: `PCC ${force}`, role: 'policing-body', force });
const person = (p: Principal) => ({ personId: p.personId, name: p.name });
const holder = (p: Principal) => ({ holderThen: person(p) });
const PARTIES = ['avon-and-somerset', 'gloucestershire', 'wiltshire'];
const mgr = contextOf(manager);

const proposal = (overrides: Record<string, unknown> = {}): CollaborationEvent =>
  ({
    type: 'CollaborationProposed',
    data: {
      collaborationId: id,
      name: 'Tri-force (illustrative terms)',
      purpose: 'Specialist operations for three forces',
      functions: ['firearms', 'dogs', 'roads policing'],
      parties: PARTIES,
      otherParties: [],
      leadForce: 'gloucestershire',
      costSharing: 'by net revenue expenditure',
      noticePeriodMonths: 12,
      reviewDate: '2016-04-01',
      delegationScheme: [{ category: 'financial', leadForceAloneUpToGbp: 100_000, aboveLimit: 'all-chief-officers' }],
      annualBudget: null,
      riskAppetite: null,
      publication: { level: 'full', reason: null },
      proposedBy: person(manager),
      ...overrides,
    },
    occurredAt: on('2012-11-26'),
  }) as CollaborationEvent;
const signed = (p: Principal, date = '2012-12-17'): CollaborationEvent => ({ type: 'AgreementSigned', data: { party: p.force!, role: p.role as 'chief-officer', signatory: person(p) }, occurredAt: on(date) });
const allSigned = PARTIES.flatMap((f) => [signed(chief(f)), signed(body(f))]);
const inForce: CollaborationEvent[] = [proposal(), ...allSigned, { type: 'AgreementCameIntoForce', data: { signatures: [] }, occurredAt: on('2012-12-17') }];
const stateOf = (events: CollaborationEvent[]): CollaborationState => events.reduce(collaborationDecider.evolve, collaborationDecider.initialState);
const asAt = (events: CollaborationEvent[], date: string) => stateOf(events.filter((e) => e.occurredAt <= on(date)));

const varied = (variationId: string, terms: object, proposed = '2018-11-20'): CollaborationEvent => ({
  type: 'VariationProposed',
  data: { variationId, summary: 's', changes: 'c', terms, proposedBy: person(manager) },
  occurredAt: on(proposed),
});
const variationSigned = (variationId: string, p: Principal, date: string): CollaborationEvent => ({
  type: 'VariationSigned',
  data: { variationId, party: p.force!, role: p.role as 'chief-officer', signatory: person(p) },
  occurredAt: on(date),
});
const signVariation = (variationId: string, p: Principal, date: string): CollaborationCommand => ({
  kind: 'SignVariation', collaborationId: id, variationId, party: p.force!, role: p.role as 'chief-officer', signatory: person(p), occurredAt: on(date),
});
const allButLastSignVariation = (variationId: string, date: string) => PARTIES.flatMap((f) => [chief(f), body(f)]).slice(0, -1).map((p) => variationSigned(variationId, p, date));
const lastSigner = body('wiltshire');

describe('terms: set by the proposal, changed only by a variation every remaining party signs (s22A(3), s23C(4))', () => {
  it('Given a variation removing dogs, When the last remaining party signs, Then it is agreed and the functions change from that date — not before', () => {
    const history = [...inForce, varied('v-dogs', { functions: ['firearms', 'roads policing'] }), ...allButLastSignVariation('v-dogs', '2019-03-20')];
    const decided = collaborationDecider.decide(stateOf(history), signVariation('v-dogs', lastSigner, '2019-04-01'), { ...contextOf(lastSigner), facts: holder(lastSigner) });
    expect(decided).toEqual([
      variationSigned('v-dogs', lastSigner, '2019-04-01'),
      { type: 'VariationAgreed', data: { variationId: 'v-dogs', signatures: expect.any(Array), terms: { functions: ['firearms', 'roads policing'] } }, occurredAt: on('2019-04-01') },
    ]);
    const after = [...history, ...(decided as CollaborationEvent[])];
    expect(asAt(after, '2019-03-31').terms!.functions).toEqual(['firearms', 'dogs', 'roads policing']);
    expect(asAt(after, '2019-04-02').terms!.functions).toEqual(['firearms', 'roads policing']);
  });

  it('Given a variation not yet signed by every party, Then the terms in force are unchanged (a manager’s proposal changes nothing)', () => {
    const history = [...inForce, varied('v-lead', { leadForce: 'wiltshire', delegationScheme: [{ category: 'financial', leadForceAloneUpToGbp: 1e9, aboveLimit: 'all-chief-officers' }] }), ...allButLastSignVariation('v-lead', '2019-03-20')];
    const state = stateOf(history);
    expect(state.terms!.leadForce).toBe('gloucestershire');
    expect(state.delegationScheme).toEqual([{ category: 'financial', leadForceAloneUpToGbp: 100_000, aboveLimit: 'all-chief-officers' }]);
  });

  it('When a variation changes nothing, Then it is refused', () => {
    collaboration.given(inForce).when({ kind: 'ProposeVariation', collaborationId: id, variationId: 'v', summary: 's', changes: 'words only', terms: {}, occurredAt: on('2015-01-01') }, mgr, {}).thenRefuses('VariationChangesNothing');
  });

  it('When a variation is signed before it was proposed, Then it is refused', () => {
    collaboration.given([...inForce, varied('v', { noticePeriodMonths: 6 })]).when(signVariation('v', chief('wiltshire'), '2018-11-01'), contextOf(chief('wiltshire')), holder(chief('wiltshire'))).thenRefuses('SignedBeforeProposed');
  });

  it('When a variation is dated before the agreement came into force, Then it is refused', () => {
    collaboration.given(inForce).when({ kind: 'ProposeVariation', collaborationId: id, variationId: 'v', summary: 's', changes: 'c', terms: { noticePeriodMonths: 6 }, occurredAt: on('2012-12-01') }, mgr, {}).thenRefuses('ActPrecedesWhatItActsOn');
  });

  it('reads the section an agreement is made under by its date', () => {
    expect(legalBasisOn(on('2008-06-30')).section).toBe('s23 (1996 text)');
    expect(legalBasisOn(on('2011-06-29')).section).toBe('s23/s23A (2009 text)');
    expect(legalBasisOn(on('2012-01-16')).section).toBe('s22A');
  });

  it('upcasts a proposal and a variation recorded before terms could be varied', () => {
    const old = upcast<CollaborationEvent>({ type: 'CollaborationProposed', schemaVersion: 1, data: { collaborationId: id, name: 'n', purpose: 'p', functions: ['f'], parties: PARTIES, leadForce: 'wiltshire', costSharing: 'c', noticePeriodMonths: 12, reviewDate: '2015-04-01', proposedBy: person(manager) }, occurredAt: on('2012-01-01') });
    expect(old.data).toMatchObject({ otherParties: [], delegationScheme: [], annualBudget: null, riskAppetite: null, publication: null });
    expect(upcast<CollaborationEvent>({ type: 'VariationAgreed', schemaVersion: 1, data: { variationId: 'v', signatures: [] }, occurredAt: on('2019-01-01') }).data).toEqual({ variationId: 'v', signatures: [], terms: {} });
    expect(upcast<CollaborationEvent>({ type: 'DirectionIssued', schemaVersion: 1, data: { reference: 'r', direction: 'd', continueUntil: null }, occurredAt: on('2019-01-01') }).data).toMatchObject({ statutoryBasis: 'Police Act 1996 s23G' });
  });
});

describe('ending: by agreement of the parties (s23C(5)), by withdrawals, or as a direction provides (s23G)', () => {
  const terminate: CollaborationCommand = { kind: 'TerminateCollaboration', collaborationId: id, reason: 'the end has come', occurredAt: on('2019-05-01') };

  it('When a manager terminates without an agreed end, Then it is refused', () => {
    collaboration.given(inForce).when(terminate, mgr, {}).thenRefuses('NoAgreedEnd');
  });

  it('Given an agreed end on 30 April, When it is recorded earlier, Then it is refused; When on the day, Then the collaboration ends at the start of that day', () => {
    const agreedEnd: CollaborationEvent[] = [varied('v-end', { endsOn: '2019-04-30' }), ...PARTIES.flatMap((f) => [chief(f), body(f)]).map((p) => variationSigned('v-end', p, '2018-12-03')), { type: 'VariationAgreed', data: { variationId: 'v-end', signatures: [], terms: { endsOn: '2019-04-30' } }, occurredAt: on('2018-12-03') }];
    collaboration.given([...inForce, ...agreedEnd]).when({ ...terminate, occurredAt: on('2019-04-29') }, mgr, {}).thenRefuses('AgreedEndNotYetCome');
    const decided = collaborationDecider.decide(stateOf([...inForce, ...agreedEnd]), { ...terminate, occurredAt: on('2019-04-30') }, { ...mgr, facts: {} });
    expect(decided).toEqual([expect.objectContaining({ type: 'CollaborationTerminated', data: expect.objectContaining({ basis: 'agreement-of-all-parties' }), occurredAt: new Date('2019-04-30T00:00:00Z') })]);
  });

  it('Given an end agreed for a day already past, When the last party signs, Then the collaboration ends with the agreement', () => {
    const history = [...inForce, varied('v-end', { endsOn: '2019-01-01' }), ...allButLastSignVariation('v-end', '2019-01-10')];
    const decided = collaborationDecider.decide(stateOf(history), signVariation('v-end', lastSigner, '2019-01-15'), { ...contextOf(lastSigner), facts: holder(lastSigner) }) as CollaborationEvent[];
    expect(decided.map((e) => e.type)).toEqual(['VariationSigned', 'VariationAgreed', 'CollaborationTerminated']);
    expect(decided[2]!.occurredAt).toEqual(on('2019-01-15'));
  });

  it('Given notice that has run and a s23G direction continuing the collaboration, When the party withdraws before the directed date, Then it is refused; after it, Then it leaves', () => {
    const twoParties = [proposal({ parties: ['west-mercia', 'warwickshire'], leadForce: 'west-mercia' }), { type: 'AgreementCameIntoForce', data: { signatures: [] }, occurredAt: on('2011-06-29') }] as CollaborationEvent[];
    const notice: CollaborationEvent = { type: 'WithdrawalNoticeGiven', data: { party: 'warwickshire', reason: 'r', effectiveOn: '2019-10-09', givenBy: { role: 'policing-body', person: person(body('warwickshire')) } }, occurredAt: on('2018-10-09') };
    const direction: CollaborationEvent = { type: 'DirectionIssued', data: { reference: 'Home Secretary, s23G', direction: 'continue six months', continueUntil: '2020-04-08', statutoryBasis: 'Police Act 1996 s23G' }, occurredAt: on('2019-10-08') };
    const withdraw = (date: string): CollaborationCommand => ({ kind: 'RecordPartyWithdrawal', collaborationId: id, party: 'warwickshire', occurredAt: on(date) });
    const refusal = collaboration.given([...twoParties, notice, direction]).when(withdraw('2019-10-09'), contextOf(chief('warwickshire')), {}).thenRefuses('DirectionContinuesCollaboration');
    expect(refusal.details).toMatchObject({ continueUntil: '2020-04-08', basis: 'Police Act 1996 s23G' });
    const decided = collaborationDecider.decide(stateOf([...twoParties, notice, direction]), withdraw('2020-04-08'), { ...contextOf(chief('warwickshire')), facts: {} }) as CollaborationEvent[];
    expect(decided.map((e) => e.type)).toEqual(['PartyWithdrew', 'CollaborationTerminated']);
  });

  it('When the lead force would withdraw leaving two or more parties, Then the parties must first agree a new lead', () => {
    const notice: CollaborationEvent = { type: 'WithdrawalNoticeGiven', data: { party: 'gloucestershire', reason: 'r', effectiveOn: '2019-04-03', givenBy: { role: 'chief-officer', person: person(chief('gloucestershire')) } }, occurredAt: on('2018-04-03') };
    collaboration.given([...inForce, notice]).when({ kind: 'RecordPartyWithdrawal', collaborationId: id, party: 'gloucestershire', occurredAt: on('2019-04-03') }, contextOf(chief('gloucestershire')), {}).thenRefuses('LeadForceMustBeReplacedFirst');
  });

  it('When a direction to continue is dated on or after the day it continues to, Then it is refused', () => {
    collaboration.given(inForce).when({ kind: 'RecordDirection', collaborationId: id, reference: 'r', direction: 'd', continueUntil: '2019-01-01', occurredAt: on('2019-01-01') }, mgr, {}).thenRefuses('ContinuationNotAfterDirection');
  });
});

describe('a withdrawal before the agreement comes into force: never stuck (item 5)', () => {
  const withdraw = (party: string): CollaborationCommand => ({ kind: 'RecordPartyWithdrawal', collaborationId: id, party, occurredAt: on('2013-01-10') });

  it('Given every other party has signed, When the party that has not withdraws, Then the agreement is made among the rest', () => {
    const others = ['gloucestershire', 'wiltshire'].flatMap((f) => [signed(chief(f)), signed(body(f))]);
    const decided = collaborationDecider.decide(stateOf([proposal(), ...others]), withdraw('avon-and-somerset'), { ...contextOf(chief('avon-and-somerset')), facts: {} }) as CollaborationEvent[];
    expect(decided.map((e) => e.type)).toEqual(['PartyWithdrew', 'AgreementCameIntoForce']);
    expect(decided[1]!.occurredAt).toEqual(on('2013-01-10'));
  });

  it('Given two parties, When one withdraws from the proposal, Then the proposal lapses; and so when the lead withdraws', () => {
    const two = proposal({ parties: ['gloucestershire', 'wiltshire'] });
    collaboration.given([two]).when(withdraw('wiltshire'), contextOf(chief('wiltshire')), {}).then([
      { type: 'PartyWithdrew', data: { party: 'wiltshire' }, occurredAt: on('2013-01-10') },
      { type: 'CollaborationTerminated', data: { basis: 'lapsed-before-coming-into-force', reason: 'wiltshire withdrew from the proposal before it came into force, leaving fewer than two forces: the proposal lapsed', remainingParties: ['gloucestershire'] }, occurredAt: on('2013-01-10') },
    ]);
    const decided = collaborationDecider.decide(stateOf([proposal()]), withdraw('gloucestershire'), { ...contextOf(chief('gloucestershire')), facts: {} }) as CollaborationEvent[];
    expect(decided[1]).toMatchObject({ type: 'CollaborationTerminated', data: { basis: 'lapsed-before-coming-into-force' } });
  });

  it('When notice is given under a proposal not in force, Then it is refused (a party leaves a proposal without notice)', () => {
    collaboration.given([proposal()]).when({ kind: 'GiveWithdrawalNotice', collaborationId: id, party: 'wiltshire', role: 'chief-officer', reason: 'r', effectiveOn: '2014-01-01', occurredAt: on('2013-01-01') }, contextOf(chief('wiltshire')), {}).thenRefuses('AgreementNotInForce');
  });
});

describe('other parties (s22A(6)) sign by their own signatory', () => {
  const fire = { partyId: 'avon-fire', name: 'Avon Fire Authority (illustrative)', kind: 'fire-and-rescue-authority' as const };
  const signatory = { personId: 'fire-clerk', name: 'Clerk to the Fire Authority (illustrative)' };

  it('Given every force has signed, Then the agreement is not made until the other party has; When it signs, Then it is', () => {
    const history = [proposal({ otherParties: [fire] }), ...allSigned];
    expect(stateOf(history).status).toBe('proposed');
    const decided = collaborationDecider.decide(stateOf(history), { kind: 'RecordOtherPartySignature', collaborationId: id, party: 'avon-fire', signatory, occurredAt: on('2012-12-20') }, { ...mgr, facts: {} }) as CollaborationEvent[];
    expect(decided).toEqual([
      { type: 'AgreementSigned', data: { party: 'avon-fire', role: 'authorised-signatory', signatory }, occurredAt: on('2012-12-20') },
      expect.objectContaining({ type: 'AgreementCameIntoForce', occurredAt: on('2012-12-20') }),
    ]);
  });

  it('When a signature is recorded for a party the agreement does not list, Then it is refused', () => {
    collaboration.given([proposal({ otherParties: [fire] })]).when({ kind: 'RecordOtherPartySignature', collaborationId: id, party: 'somerset-council', signatory, occurredAt: on('2012-12-20') }, mgr, {}).thenRefuses('NotAnOtherParty');
  });

  it('When a proposal gives an other party a force’s code, Then it is refused', () => {
    collaboration
      .given([])
      .when({ kind: 'ProposeCollaboration', ...(({ proposedBy: _p, ...t }) => t)((proposal() as Extract<CollaborationEvent, { type: 'CollaborationProposed' }>).data), otherParties: [{ ...fire, partyId: 'wiltshire' }], occurredAt: on('2012-11-26') }, mgr, {})
      .thenRefuses('OtherPartyIdIsAForce');
  });
});
