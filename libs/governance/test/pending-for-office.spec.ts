import { describe, expect, it } from '@jest/globals';
import {
  type CollaborationEvent,
  type DecisionEvent,
  type LoggedEvent,
  type OfficeEvent,
  type RecommendationEvent,
  pendingForOffice,
  streamsConcerning,
  upcast,
} from '#governance';

/**
 * What awaited an office at a handover, from the log as at the handover's date (pending-for-office.ts):
 * Given events / When pendingForOffice at a date / Then the items.
 */
const on = (date: string) => new Date(`${date}T09:00:00Z`);
const iso = (date: string) => on(date).toISOString();
const person = (id: string) => ({ personId: id, name: `Person ${id}` });
const inCollaboration = (id: string) => (event: CollaborationEvent): LoggedEvent => ({ ...event, streamId: `collaboration-${id}` });
const inDecision = (id: string) => (event: DecisionEvent): LoggedEvent => ({ ...event, streamId: `decision-${id}` });
const inRecommendation = (id: string) => (event: RecommendationEvent): LoggedEvent => ({ ...event, streamId: `recommendation-${id}` });

const proposed = (id: string, name: string, parties: string[], date: string): LoggedEvent =>
  inCollaboration(id)({
    type: 'CollaborationProposed',
    data: {
      collaborationId: id,
      name,
      purpose: 'p',
      functions: ['f'],
      parties,
      otherParties: [],
      leadForce: parties[0]!,
      costSharing: 'equal',
      noticePeriodMonths: 12,
      reviewDate: '2020-04-01',
      delegationScheme: [],
      annualBudget: null,
      riskAppetite: null,
      publication: null,
      proposedBy: person('cm'),
    },
    occurredAt: on(date),
  });
const signed = (id: string, party: string, role: 'chief-officer' | 'policing-body', date: string) =>
  inCollaboration(id)({ type: 'AgreementSigned', data: { party, role, signatory: person(`${role}-${party}`) }, occurredAt: on(date) });
const signedByAll = (id: string, parties: string[], date: string) => [
  ...parties.flatMap((p) => [signed(id, p, 'chief-officer', date), signed(id, p, 'policing-body', date)]),
  inCollaboration(id)({ type: 'AgreementCameIntoForce', data: { signatures: [] }, occurredAt: on(date) }),
];
const variationProposed = (id: string, variationId: string, summary: string, date: string) =>
  inCollaboration(id)({ type: 'VariationProposed', data: { variationId, summary, changes: summary, terms: {}, proposedBy: person('cm') }, occurredAt: on(date) });
const variationSigned = (id: string, variationId: string, party: string, role: 'chief-officer' | 'policing-body', date: string) =>
  inCollaboration(id)({ type: 'VariationSigned', data: { variationId, party, role, signatory: person(`${role}-${party}`) }, occurredAt: on(date) });

const ALLIANCE = 'c-alliance';
const PARTIES = ['kent', 'essex'];
const decisionProposed = (decisionId: string, title: string, required: Array<{ party: string; role: 'chief-officer' | 'policing-body' }>, date: string) =>
  inDecision(decisionId)({
    type: 'DecisionProposed',
    data: {
      decisionId,
      collaborationId: ALLIANCE,
      title,
      category: 'financial',
      valueGbp: 1_000_000,
      rationale: 'r',
      optionsConsidered: ['a', 'b'],
      proposer: person('cm'),
      leadForce: 'kent',
      basis: 'all-chief-officers',
      underDelegationScheme: true,
      requiredApprovals: required,
      judgedUnder: { asAt: iso(date), rule: { category: 'financial', leadForceAloneUpToGbp: 250_000, aboveLimit: 'all-chief-officers' }, inForceSince: null },
    },
    occurredAt: on(date),
  });
const chiefs = PARTIES.map((party) => ({ party, role: 'chief-officer' as const }));
const approved = (decisionId: string, party: string, role: 'chief-officer' | 'policing-body', date: string) =>
  inDecision(decisionId)({ type: 'DecisionApproved', data: { party, role, approver: person(`${role}-${party}`) }, occurredAt: on(date) });

const raised = (id: string, addressedTo: string, date: string, responseDeadline: string | null = null) =>
  inRecommendation(id)({
    type: 'RecommendationRaised',
    data: {
      recommendationId: id,
      source: 'inspection-report',
      reference: `Report ${id}`,
      kind: 'recommendation',
      text: 'Track benefits',
      addressedTo,
      addresseeKind: 'force',
      collaborationId: null,
      owner: person('dcc'),
      dueDate: '2021-03-31',
      raisedBy: person('cm'),
      reportPublishedOn: responseDeadline ? date : null,
      responseDeadline,
    },
    occurredAt: on(date),
  });

describe('pendingForOffice: what awaited an office, from the log as at a date', () => {
  const given = [
    proposed('c-signed-before', 'Signed before the handover', PARTIES, '2015-01-05'),
    signed('c-signed-before', 'kent', 'chief-officer', '2015-02-02'),
    proposed('c-signed-after', 'Signed after the handover', PARTIES, '2015-03-02'),
    signed('c-signed-after', 'kent', 'chief-officer', '2015-07-01'),
    proposed('c-proposed-after', 'Proposed after the handover', PARTIES, '2015-06-15'),
    proposed('c-others', 'Not a party', ['essex', 'suffolk'], '2015-01-05'),
  ];

  it('lists an agreement signed after the handover date as pending at the handover, and not one proposed after it', () => {
    expect(pendingForOffice(given, 'kent', 'chief-officer', on('2015-06-01'))).toEqual([
      { kind: 'agreement-signature', collaborationId: 'c-signed-after', name: 'Signed after the handover', since: iso('2015-03-02') },
    ]);
  });

  it('answers for the office asked: the policing body had signed neither', () => {
    expect(pendingForOffice(given, 'kent', 'policing-body', on('2015-06-01')).map((i) => i.name)).toEqual(['Signed before the handover', 'Signed after the handover']);
  });

  it('at a later date, answers as the log then stood: the late signature is in, the later proposal pending', () => {
    expect(pendingForOffice(given, 'kent', 'chief-officer', on('2015-08-01')).map((i) => i.name)).toEqual(['Proposed after the handover']);
  });

  it('lists nothing for a force that left, nor in a terminated collaboration', () => {
    const left = [...given, inCollaboration('c-signed-after')({ type: 'PartyWithdrew', data: { party: 'kent' }, occurredAt: on('2015-05-01') })];
    expect(pendingForOffice(left, 'kent', 'chief-officer', on('2015-06-01'))).toEqual([]);
    const ended = [...given, inCollaboration('c-signed-after')({ type: 'CollaborationTerminated', data: { basis: 'lapsed-before-coming-into-force', reason: 'r', remainingParties: [] }, occurredAt: on('2015-05-01') })];
    expect(pendingForOffice(ended, 'kent', 'chief-officer', on('2015-06-01'))).toEqual([]);
  });

  it('lists a variation of an agreement in force that the office has not signed, until it is agreed', () => {
    const events = [
      proposed(ALLIANCE, 'Kent and Essex Alliance', PARTIES, '2014-01-06'),
      ...signedByAll(ALLIANCE, PARTIES, '2014-03-03'),
      variationProposed(ALLIANCE, 'v-1', 'Add digital forensics', '2016-01-04'),
      variationSigned(ALLIANCE, 'v-1', 'kent', 'chief-officer', '2016-01-11'),
      variationSigned(ALLIANCE, 'v-1', 'kent', 'policing-body', '2016-02-01'),
      inCollaboration(ALLIANCE)({ type: 'VariationAgreed', data: { variationId: 'v-1', signatures: [], terms: {} }, occurredAt: on('2016-03-01') }),
    ];
    const variation = { kind: 'variation-signature', collaborationId: ALLIANCE, collaborationName: 'Kent and Essex Alliance', variationId: 'v-1', name: 'Add digital forensics', since: iso('2016-01-04') };
    expect(pendingForOffice(events, 'kent', 'policing-body', on('2016-01-20'))).toEqual([variation]);
    expect(pendingForOffice(events, 'kent', 'chief-officer', on('2016-01-20'))).toEqual([]);
    expect(pendingForOffice(events, 'essex', 'chief-officer', on('2016-02-15'))).toEqual([variation]);
    expect(pendingForOffice(events, 'essex', 'chief-officer', on('2016-03-01'))).toEqual([]);
  });

  it('lists a decision awaiting the office’s approval, since the proposal or the escalation that first required it', () => {
    const events = [
      proposed(ALLIANCE, 'Kent and Essex Alliance', PARTIES, '2014-01-06'),
      ...signedByAll(ALLIANCE, PARTIES, '2014-03-03'),
      decisionProposed('d-1', 'Shared firearms range', chiefs, '2016-05-02'),
      approved('d-1', 'essex', 'chief-officer', '2016-05-09'),
      inDecision('d-1')({
        type: 'DecisionEscalated',
        data: { to: 'all-chief-officers-and-policing-bodies', reason: 'capital', automatic: false, requiredApprovals: PARTIES.flatMap((party) => [{ party, role: 'chief-officer' as const }, { party, role: 'policing-body' as const }]) },
        occurredAt: on('2016-05-16'),
      }),
      approved('d-1', 'kent', 'chief-officer', '2016-06-01'),
    ];
    const about = { collaborationId: ALLIANCE, collaborationName: 'Kent and Essex Alliance', decisionId: 'd-1', name: 'Shared firearms range' };
    expect(pendingForOffice(events, 'kent', 'chief-officer', on('2016-05-20'))).toEqual([{ kind: 'decision-approval', ...about, since: iso('2016-05-02') }]);
    expect(pendingForOffice(events, 'kent', 'policing-body', on('2016-05-10'))).toEqual([]);
    expect(pendingForOffice(events, 'kent', 'policing-body', on('2016-05-20'))).toEqual([{ kind: 'decision-approval', ...about, since: iso('2016-05-16') }]);
    expect(pendingForOffice(events, 'kent', 'chief-officer', on('2016-06-02'))).toEqual([]);
    expect(pendingForOffice(events, 'essex', 'chief-officer', on('2016-05-20'))).toEqual([]);
  });

  it('lists an urgent decision awaiting the office’s ratification, until it ratifies', () => {
    const events = [
      proposed(ALLIANCE, 'Kent and Essex Alliance', PARTIES, '2014-01-06'),
      ...signedByAll(ALLIANCE, PARTIES, '2014-03-03'),
      decisionProposed('d-2', 'Emergency custody contract', chiefs, '2017-01-02'),
      inDecision('d-2')({
        type: 'DecisionTakenUnderUrgency',
        data: { takenBy: { party: 'kent', role: 'chief-officer', person: person('cc-kent') }, justification: 'custody suite flooded', skippedApprovals: [{ party: 'essex', role: 'chief-officer' }] },
        occurredAt: on('2017-01-03'),
      }),
      inDecision('d-2')({ type: 'DecisionRatified', data: { party: 'essex', role: 'chief-officer', ratifier: person('cc-essex'), complete: true }, occurredAt: on('2017-02-06') }),
    ];
    expect(pendingForOffice(events, 'essex', 'chief-officer', on('2017-01-20'))).toEqual([
      { kind: 'ratification', collaborationId: ALLIANCE, collaborationName: 'Kent and Essex Alliance', decisionId: 'd-2', name: 'Emergency custody contract', since: iso('2017-01-03') },
    ]);
    expect(pendingForOffice(events, 'kent', 'chief-officer', on('2017-01-20'))).toEqual([]);
    expect(pendingForOffice(events, 'essex', 'chief-officer', on('2017-02-06'))).toEqual([]);
  });

  it('maps a recommendation to the office by what it may do: the chief officer implements; the policing body decides closure and publishes its s55 response', () => {
    const r = inRecommendation('r-1');
    const events = [
      raised('r-1', 'nottinghamshire', '2020-07-21', '2020-09-14'),
      r({ type: 'PolicingBodyResponsePublished', data: { response: 'r', by: person('pcc'), chiefOfficerComments: null, deadline: '2020-09-14', late: false }, occurredAt: on('2020-09-01') }),
      r({ type: 'DueDateRevised', data: { from: '2021-03-31', to: '2021-06-30', reason: 'slip' }, occurredAt: on('2021-02-01') }),
      r({ type: 'ClosureProposed', data: { note: 'done', by: person('dcc') }, occurredAt: on('2021-05-03') }),
      r({ type: 'ClosureAccepted', data: { note: 'agreed', by: person('pcc') }, occurredAt: on('2021-06-07') }),
      raised('r-other', 'derbyshire', '2020-07-21'),
    ];
    const about = { kind: 'recommendation-action', recommendationId: 'r-1', collaborationId: null, name: 'Report r-1' };
    expect(pendingForOffice(events, 'nottinghamshire', 'chief-officer', on('2020-08-03'))).toEqual([{ ...about, awaiting: 'implementation', dueDate: '2021-03-31', since: iso('2020-07-21') }]);
    expect(pendingForOffice(events, 'nottinghamshire', 'policing-body', on('2020-08-03'))).toEqual([{ ...about, awaiting: 's55-response', dueDate: '2021-03-31', since: iso('2020-07-21') }]);
    expect(pendingForOffice(events, 'nottinghamshire', 'policing-body', on('2020-10-01'))).toEqual([]);
    expect(pendingForOffice(events, 'nottinghamshire', 'policing-body', on('2021-05-10'))).toEqual([{ ...about, awaiting: 'closure-decision', dueDate: '2021-06-30', since: iso('2021-05-03') }]);
    expect(pendingForOffice(events, 'nottinghamshire', 'chief-officer', on('2021-05-10'))).toEqual([{ ...about, awaiting: 'implementation', dueDate: '2021-06-30', since: iso('2020-07-21') }]);
    expect(pendingForOffice(events, 'nottinghamshire', 'chief-officer', on('2021-06-07'))).toEqual([]);
  });

  it('lists items oldest first', () => {
    const events = [...given, raised('r-1', 'kent', '2015-02-01')];
    expect(pendingForOffice(events, 'kent', 'policing-body', on('2015-06-01')).map((i) => i.since)).toEqual([iso('2015-01-05'), iso('2015-03-02')]);
    expect(pendingForOffice(events, 'kent', 'chief-officer', on('2015-06-01')).map((i) => i.kind)).toEqual(['recommendation-action', 'agreement-signature']);
  });
});

describe('streamsConcerning: the streams the reader loads', () => {
  it('takes the force’s collaborations, their decisions and the recommendations addressed to it, nothing else', () => {
    const openings = [
      proposed(ALLIANCE, 'Kent and Essex Alliance', PARTIES, '2014-01-06'),
      proposed('c-others', 'Others', ['essex', 'suffolk'], '2014-01-06'),
      decisionProposed('d-1', 'Range', chiefs, '2016-05-02'),
      { ...decisionProposed('d-2', 'Other', chiefs, '2016-05-02'), data: { ...(decisionProposed('d-2', 'Other', chiefs, '2016-05-02').data as object), collaborationId: 'c-others' } },
      raised('r-1', 'kent', '2020-07-21'),
      raised('r-2', 'essex', '2020-07-21'),
    ];
    expect(streamsConcerning(openings, 'kent')).toEqual([`collaboration-${ALLIANCE}`, 'decision-d-1', 'recommendation-r-1']);
  });
});

describe('handovers recorded before pending items had dates', () => {
  it('reads a version 1 handover, its agreements listed without since, as recorded with since null', () => {
    const v1 = {
      forceCode: 'kent',
      office: 'chief-officer',
      outgoing: person('a'),
      incoming: person('b'),
      basis: 'acting',
      note: '',
      pending: [{ kind: 'agreement-signature', collaborationId: 'c-1', name: 'Alliance' }],
    };
    for (const type of ['OfficeHandedOver', 'ActingHolderDesignated', 'OfficeVacated'] as const) {
      const event = upcast<OfficeEvent>({ type, schemaVersion: 1, data: v1, occurredAt: on('2015-06-01') });
      // Handovers and acting designations also gained the policing body (null for the chief officer) in version 2.
      expect(event.data).toEqual({ ...v1, ...(type === 'OfficeVacated' ? {} : { body: null }), pending: [{ kind: 'agreement-signature', collaborationId: 'c-1', name: 'Alliance', since: null }] });
    }
  });
});
