import { describe, expect, it } from '@jest/globals';
import { type CollaborationCommand, type CollaborationEvent, collaborationDecider } from '#governance';
import type { Principal } from '#shared-kernel';
import { contextOf, spec } from '#testing';

// Given/When/Then for the life of an agreement after it comes into force (domain.md, Collaboration).
const collaboration = spec(collaborationDecider);
const id = 'c-wm-warks';
const on = (date: string) => new Date(`${date}T00:00:00Z`);
const manager: Principal = { personId: 'cm-wm', name: 'Alliance manager', role: 'collaboration-manager', force: 'west-mercia' };
const chief = (force: string): Principal => ({ personId: `cc-${force}`, name: `Chief Constable of ${force}`, role: 'chief-officer', force });
const body = (force: string): Principal => ({ personId: `pcc-${force}`, name: `PCC for ${force}`, role: 'policing-body', force });
const person = (p: Principal) => ({ personId: p.personId, name: p.name });
const holder = (p: Principal) => ({ holderThen: person(p) });
const PARTIES = ['west-mercia', 'warwickshire'];

const history: CollaborationEvent[] = [
  {
    type: 'CollaborationProposed',
    data: {
      collaborationId: id,
      name: 'West Mercia and Warwickshire strategic alliance (illustrative terms)',
      purpose: 'One set of support and operational services for two forces',
      functions: ['all support services'],
      parties: PARTIES,
      leadForce: 'west-mercia',
      costSharing: '69:31 (illustrative)',
      noticePeriodMonths: 12,
      reviewDate: '2014-04-01',
      otherParties: [],
      delegationScheme: [],
      annualBudget: null,
      riskAppetite: null,
      publication: null,
      proposedBy: person(manager),
    },
    occurredAt: on('2011-06-01'),
  },
  ...PARTIES.flatMap((f): CollaborationEvent[] => [chief(f), body(f)].map((p) => ({ type: 'AgreementSigned', data: { party: f, role: p.role as 'chief-officer' | 'policing-body', signatory: person(p) }, occurredAt: on('2011-07-01') }))),
  { type: 'AgreementCameIntoForce', data: { signatures: [] }, occurredAt: on('2011-07-01') },
];
const noticeFromWarwickshire: CollaborationEvent = {
  type: 'WithdrawalNoticeGiven',
  data: { party: 'warwickshire', reason: 'Notice to end the alliance', effectiveOn: '2019-10-08', givenBy: { role: 'policing-body', person: person(body('warwickshire')) } },
  occurredAt: on('2018-10-08'),
};
const terminated: CollaborationEvent = {
  type: 'CollaborationTerminated',
  data: { basis: 'agreement-of-all-parties', reason: 'Alliance ended', remainingParties: PARTIES },
  occurredAt: on('2019-10-08'),
};
const mgr = contextOf(manager);

describe('variations (s23C)', () => {
  const proposed: CollaborationEvent = {
    type: 'VariationProposed',
    data: { variationId: 'v1', summary: 'Dogs return to local control', changes: 'Schedule 1 amended', terms: { functions: ['support services'] }, proposedBy: person(manager) },
    occurredAt: on('2015-01-05'),
  };
  const signVariation = (p: Principal, date = '2015-02-01'): CollaborationCommand => ({
    kind: 'SignVariation', collaborationId: id, variationId: 'v1', party: p.force!, role: p.role as 'chief-officer' | 'policing-body', signatory: person(p), occurredAt: on(date),
  });
  const signedBy = (p: Principal, date = '2015-02-01'): CollaborationEvent => ({
    type: 'VariationSigned', data: { variationId: 'v1', party: p.force!, role: p.role as 'chief-officer' | 'policing-body', signatory: person(p) }, occurredAt: on(date),
  });

  it('is proposed for an agreement in force', () => {
    collaboration
      .given(history)
      .when({ kind: 'ProposeVariation', collaborationId: id, variationId: 'v1', summary: 'Dogs return to local control', changes: 'Schedule 1 amended', terms: { functions: ['support services'] }, occurredAt: on('2015-01-05') }, mgr, {})
      .then([proposed]);
  });

  it('is not agreed while a party is missing, and is agreed when the last signature arrives', () => {
    const three = [chief('west-mercia'), body('west-mercia'), chief('warwickshire')].map((p) => signedBy(p));
    collaboration.given([...history, proposed, ...three.slice(0, 2)]).when(signVariation(chief('warwickshire')), contextOf(chief('warwickshire')), holder(chief('warwickshire'))).then([three[2]!]);
    const last = body('warwickshire');
    const outcome = collaborationDecider.decide(
      [...history, proposed, ...three].reduce(collaborationDecider.evolve, collaborationDecider.initialState),
      signVariation(last, '2015-02-03'),
      { ...contextOf(last), facts: holder(last) },
    );
    expect(outcome).toEqual([signedBy(last, '2015-02-03'), expect.objectContaining({ type: 'VariationAgreed', occurredAt: on('2015-02-03') })]);
  });

  it('refuses a signature from someone who did not hold the office that day, a second signature, and an unknown variation', () => {
    collaboration.given([...history, proposed]).when(signVariation(chief('warwickshire')), contextOf(chief('warwickshire')), {}).thenRefuses('SignerNotOfficeHolder');
    collaboration.given([...history, proposed, signedBy(chief('warwickshire'))]).when(signVariation(chief('warwickshire')), contextOf(chief('warwickshire')), holder(chief('warwickshire'))).thenRefuses('AlreadySigned');
    collaboration.given(history).when(signVariation(chief('warwickshire')), contextOf(chief('warwickshire')), holder(chief('warwickshire'))).thenRefuses('VariationNotFound', 'not-found');
  });

  it('refuses to vary an agreement not yet in force', () => {
    collaboration
      .given(history.slice(0, 1))
      .when({ kind: 'ProposeVariation', collaborationId: id, variationId: 'v1', summary: 's', changes: 'c', terms: { noticePeriodMonths: 6 }, occurredAt: on('2011-06-10') }, mgr, {})
      .thenRefuses('AgreementNotInForce');
  });
});

describe('withdrawal and termination', () => {
  it('refuses a withdrawal before the notice has run, naming the date', () => {
    const refusal = collaboration
      .given([...history, noticeFromWarwickshire])
      .when({ kind: 'RecordPartyWithdrawal', collaborationId: id, party: 'warwickshire', occurredAt: on('2019-06-01') }, contextOf(chief('warwickshire')), {})
      .thenRefuses('NoticeNotYetRun');
    expect(refusal.details).toEqual({ effectiveOn: '2019-10-08' });
  });

  it('ends the collaboration when a withdrawal leaves one party', () => {
    collaboration
      .given([...history, noticeFromWarwickshire])
      .when({ kind: 'RecordPartyWithdrawal', collaborationId: id, party: 'warwickshire', occurredAt: on('2019-10-08') }, contextOf(chief('warwickshire')), {})
      .then([
        { type: 'PartyWithdrew', data: { party: 'warwickshire' }, occurredAt: on('2019-10-08') },
        { type: 'CollaborationTerminated', data: { basis: 'withdrawal-leaving-one-party', reason: 'warwickshire withdrew, leaving one party', remainingParties: ['west-mercia'] }, occurredAt: on('2019-10-08') },
      ]);
  });

  it('lets a notice be rescinded, after which there is nothing to withdraw on', () => {
    const rescinded: CollaborationEvent = { type: 'WithdrawalNoticeRescinded', data: { party: 'warwickshire', reason: 'Agreed new terms' }, occurredAt: on('2019-01-10') };
    collaboration
      .given([...history, noticeFromWarwickshire])
      .when({ kind: 'RescindWithdrawalNotice', collaborationId: id, party: 'warwickshire', reason: 'Agreed new terms', occurredAt: on('2019-01-10') }, contextOf(body('warwickshire')), {})
      .then([rescinded]);
    collaboration
      .given([...history, noticeFromWarwickshire, rescinded])
      .when({ kind: 'RecordPartyWithdrawal', collaborationId: id, party: 'warwickshire', occurredAt: on('2019-10-08') }, contextOf(chief('warwickshire')), {})
      .thenRefuses('NoNoticeGiven');
  });

  it('refuses a withdrawn party any further act: it signs nothing more', () => {
    const withdrew: CollaborationEvent = { type: 'PartyWithdrew', data: { party: 'warwickshire' }, occurredAt: on('2019-10-08') };
    const threeParty = history.map((e) => (e.type === 'CollaborationProposed' ? { ...e, data: { ...e.data, parties: [...PARTIES, 'west-midlands'] } } : e)) as CollaborationEvent[];
    collaboration
      .given([...threeParty, noticeFromWarwickshire, withdrew])
      .when({ kind: 'SignAgreement', collaborationId: id, party: 'warwickshire', role: 'chief-officer', signatory: person(chief('warwickshire')), occurredAt: on('2019-11-01') }, contextOf(chief('warwickshire')), holder(chief('warwickshire')))
      .thenRefuses('PartyHasWithdrawn');
  });

  it('accepts nothing after termination but a Secretary of State direction (s23G) made before it', () => {
    const after = [...history, terminated];
    const commands: CollaborationCommand[] = [
      { kind: 'RestatePurpose', collaborationId: id, purpose: 'new', reason: 'r', occurredAt: on('2019-11-01') },
      { kind: 'ProposeVariation', collaborationId: id, variationId: 'v9', summary: 'Budget', changes: 'c', terms: { annualBudget: { financialYear: '2019/20', totalGbp: 2, contributions: [{ party: 'west-mercia', amountGbp: 1 }, { party: 'warwickshire', amountGbp: 1 }] } }, occurredAt: on('2019-11-01') },
      { kind: 'TerminateCollaboration', collaborationId: id, reason: 'again', occurredAt: on('2019-11-01') },
      { kind: 'GiveWithdrawalNotice', collaborationId: id, party: 'warwickshire', role: 'chief-officer', reason: 'x', effectiveOn: '2021-01-01', occurredAt: on('2019-11-01') },
    ];
    for (const command of commands) collaboration.given(after).when(command, mgr, {}).thenRefuses('CollaborationTerminated');
    collaboration
      .given(after)
      .when({ kind: 'RecordDirection', collaborationId: id, reference: 's23G direction (illustrative)', direction: 'Continue until 31 March 2020', continueUntil: '2020-03-31', occurredAt: on('2019-09-30') }, mgr, {})
      .then([{ type: 'DirectionIssued', data: { reference: 's23G direction (illustrative)', direction: 'Continue until 31 March 2020', continueUntil: '2020-03-31', statutoryBasis: 'Police Act 1996 s23G' }, occurredAt: on('2019-09-30') }]);
  });
});

describe('costs, delegation, appetite, publication: terms a manager may only propose (s23C(4))', () => {
  let n = 0;
  const vary = (terms: Extract<CollaborationCommand, { kind: 'ProposeVariation' }>['terms']): CollaborationCommand => ({
    kind: 'ProposeVariation', collaborationId: id, variationId: `v${++n}`, summary: 'Change of terms', changes: 'as stated', terms, occurredAt: on('2016-03-01'),
  });
  const proposing = (terms: object) => expect.objectContaining({ type: 'VariationProposed', data: expect.objectContaining({ terms }) });
  const budget = (contributions: Array<{ party: string; amountGbp: number }>, totalGbp = 100_000_000, financialYear = '2016/17') => vary({ annualBudget: { financialYear, totalGbp, contributions } });

  it('proposes a budget whose contributions add up, to the penny, as a variation the parties must sign', () => {
    const annualBudget = { financialYear: '2016/17', totalGbp: 100_000_000, contributions: [{ party: 'west-mercia', amountGbp: 69_000_000.01 }, { party: 'warwickshire', amountGbp: 30_999_999.99 }] };
    const decided = collaborationDecider.decide(history.reduce(collaborationDecider.evolve, collaborationDecider.initialState), vary({ annualBudget }), { ...mgr, facts: {} });
    expect(decided).toEqual([proposing({ annualBudget })]);
  });

  it.each([
    ['contributions that do not add up', budget([{ party: 'west-mercia', amountGbp: 60 }, { party: 'warwickshire', amountGbp: 30 }], 100), 'ContributionsDoNotAddUp'],
    ['a party without a contribution', budget([{ party: 'west-mercia', amountGbp: 100 }], 100), 'ContributionsIncomplete'],
    ['a contribution from a force that is not a party', budget([{ party: 'west-mercia', amountGbp: 50 }, { party: 'warwickshire', amountGbp: 25 }, { party: 'kent', amountGbp: 25 }], 100), 'NotAParty'],
    ['a financial year that is not one', budget([{ party: 'west-mercia', amountGbp: 50 }, { party: 'warwickshire', amountGbp: 50 }], 100, '2016/18'), 'InvalidFinancialYear'],
  ])('refuses a budget with %s', (_case, command, code) => {
    collaboration.given(history).when(command, mgr, {}).thenRefuses(code);
  });

  it('proposes a delegation scheme with one rule per category', () => {
    const rules = [{ category: 'financial' as const, leadForceAloneUpToGbp: 250_000, aboveLimit: 'all-chief-officers' as const }];
    collaboration.given(history).when(vary({ delegationScheme: [...rules, ...rules] }), mgr, {}).thenRefuses('CategoryListedTwice');
  });

  it('publishes in full without a reason, and anything less only with one (s23E)', () => {
    collaboration.given(history).when(vary({ publication: { level: 'title-only', reason: '  ' } }), mgr, {}).thenRefuses('PublicationReasonRequired');
  });

  it('changes the lead force only to another remaining party', () => {
    collaboration.given(history).when(vary({ leadForce: 'west-mercia' }), mgr, {}).thenRefuses('AlreadyLeadForce');
    collaboration.given(history).when(vary({ leadForce: 'kent' }), mgr, {}).thenRefuses('LeadForceNotAParty');
  });

  it('restates the purpose, keeping the earlier wording, and refuses a restatement that changes nothing', () => {
    collaboration
      .given(history)
      .when({ kind: 'RestatePurpose', collaborationId: id, purpose: 'Protecting people from harm across two counties', reason: 'review', occurredAt: on('2014-04-01') }, mgr, {})
      .then([{ type: 'PurposeRestated', data: { purpose: 'Protecting people from harm across two counties', previousPurpose: 'One set of support and operational services for two forces', reason: 'review' }, occurredAt: on('2014-04-01') }]);
    collaboration.given(history).when({ kind: 'RestatePurpose', collaborationId: id, purpose: 'One set of support and operational services for two forces', reason: 'r', occurredAt: on('2014-04-01') }, mgr, {}).thenRefuses('PurposeUnchanged');
  });

  it('needs a next review date when a review says continue', () => {
    collaboration.given(history).when({ kind: 'CompleteReview', collaborationId: id, outcome: 'continue', findings: 'f', occurredAt: on('2014-04-01') }, mgr, {}).thenRefuses('NextReviewDateRequired');
    collaboration.given(history).when({ kind: 'CompleteReview', collaborationId: id, outcome: 'vary', findings: 'f', occurredAt: on('2014-04-01') }, mgr, {}).then([{ type: 'ReviewCompleted', data: { outcome: 'vary', findings: 'f', nextReviewDate: null }, occurredAt: on('2014-04-01') }]);
  });

  it('records who fills a key role and whether they are trained for it', () => {
    const sro = { personId: 'p-sro', name: 'ACC (illustrative)' };
    collaboration
      .given(history)
      .when({ kind: 'StaffKeyRole', collaborationId: id, keyRole: 'senior-responsible-owner', person: sro, trainedInCollaboration: false, trainedInChangeManagement: true, occurredAt: on('2012-01-01') }, mgr, {})
      .then([{ type: 'KeyRoleStaffed', data: { keyRole: 'senior-responsible-owner', person: sro, trainedInCollaboration: false, trainedInChangeManagement: true }, occurredAt: on('2012-01-01') }]);
  });
});
