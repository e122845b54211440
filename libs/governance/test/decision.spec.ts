import { describe, expect, it } from '@jest/globals';
import { type CollaborationAsAt, type DecisionCommand, type DecisionEvent, decisionDecider, upcast } from '#governance';
import type { Principal } from '#shared-kernel';
import { contextOf, spec } from '#testing';

const decision = spec(decisionDecider);
const on = (date: string) => new Date(`${date}T00:00:00Z`);
const manager: Principal = { personId: 'cm-essex', name: 'Seven Force programme manager', role: 'collaboration-manager', force: 'essex' };
const chief = (force: string): Principal => ({ personId: `cc-${force}`, name: `Chief Constable of ${force}`, role: 'chief-officer', force });
const body = (force: string): Principal => ({ personId: `pcc-${force}`, name: `PCC for ${force}`, role: 'policing-body', force });
const person = (p: Principal) => ({ personId: p.personId, name: p.name });
const PARTIES = ['essex', 'kent', 'suffolk'];
const withScheme = (rule: CollaborationAsAt['rule']): { collaboration: CollaborationAsAt } => ({ collaboration: { status: 'in-force', leadForce: 'essex', remainingParties: PARTIES, rule } });
const financialUpTo250k = { category: 'financial' as const, leadForceAloneUpToGbp: 250_000, aboveLimit: 'all-chief-officers' as const };

const propose = (valueGbp: number): DecisionCommand => ({
  kind: 'ProposeDecision',
  decisionId: 'd-1',
  collaborationId: 'c-7f',
  title: 'Procure a shared firearms training range',
  category: 'financial',
  valueGbp,
  rationale: 'Current contract ends',
  optionsConsidered: ['renew', 'procure jointly'],
  occurredAt: on('2016-05-01'),
});
const proposed = (valueGbp: number, basis: 'lead-force-alone' | 'all-chief-officers', required: Array<{ party: string; role: 'chief-officer' | 'policing-body' }>, rule: CollaborationAsAt['rule'] = financialUpTo250k): DecisionEvent => ({
  type: 'DecisionProposed',
  data: {
    decisionId: 'd-1',
    collaborationId: 'c-7f',
    title: 'Procure a shared firearms training range',
    category: 'financial',
    valueGbp,
    rationale: 'Current contract ends',
    optionsConsidered: ['renew', 'procure jointly'],
    proposer: person(manager),
    leadForce: 'essex',
    basis,
    underDelegationScheme: true,
    requiredApprovals: required,
    judgedUnder: { asAt: '2016-05-01T00:00:00.000Z', rule, inForceSince: null },
  },
  occurredAt: on('2016-05-01'),
});
const allChiefs = PARTIES.map((party) => ({ party, role: 'chief-officer' as const }));
const act = (kind: 'ApproveDecision' | 'RatifyDecision', p: Principal, date = '2016-05-10'): DecisionCommand => ({
  kind, decisionId: 'd-1', party: p.force!, role: p.role as 'chief-officer' | 'policing-body', signatory: person(p), occurredAt: on(date),
});
const approved = (p: Principal, date = '2016-05-10'): DecisionEvent => ({
  type: 'DecisionApproved', data: { party: p.force!, role: p.role as 'chief-officer', approver: person(p) }, occurredAt: on(date),
});
const held = (p: Principal) => ({ holderThen: person(p) });

describe('proposing a decision: approvals follow the delegation scheme in force that day', () => {
  it('records the options weighed: a decision with none is refused', () => {
    decision.given([]).when({ ...propose(180_000), optionsConsidered: [] } as DecisionCommand, contextOf(manager), withScheme(financialUpTo250k)).thenRefuses('NoOptionsConsidered');
  });

  it('within the lead force’s limit: the lead force’s chief officer alone', () => {
    decision.given([]).when(propose(180_000), contextOf(manager), withScheme(financialUpTo250k)).then([proposed(180_000, 'lead-force-alone', [{ party: 'essex', role: 'chief-officer' }])]);
  });

  it('above the limit: every party’s chief officer, escalated by rule with the reason', () => {
    decision
      .given([])
      .when(propose(900_000), contextOf(manager), withScheme(financialUpTo250k))
      .then([
        proposed(900_000, 'all-chief-officers', allChiefs),
        {
          type: 'DecisionEscalated',
          data: { to: 'all-chief-officers', reason: '£900000 exceeds the £250000 the lead force may decide alone on financial matters', requiredApprovals: allChiefs, automatic: true },
          occurredAt: on('2016-05-01'),
        },
      ]);
  });

  it('with no scheme for the category: every chief officer, flagged as outside any scheme', () => {
    const outcome = decisionDecider.decide(decisionDecider.initialState, propose(10), { ...contextOf(manager), facts: withScheme(null) });
    expect(outcome).toEqual([
      expect.objectContaining({ data: expect.objectContaining({ basis: 'all-chief-officers', underDelegationScheme: false, requiredApprovals: allChiefs }) }),
      expect.objectContaining({ type: 'DecisionEscalated', data: expect.objectContaining({ reason: 'no delegation scheme covers financial decisions', automatic: true }) }),
    ]);
  });

  it('refuses a decision for a collaboration that did not exist then, or has ended', () => {
    decision.given([]).when(propose(1), contextOf(manager), {}).thenRefuses('CollaborationNotFound', 'not-found');
    decision.given([]).when(propose(1), contextOf(manager), { collaboration: { status: 'terminated', leadForce: 'essex', remainingParties: PARTIES, rule: null } }).thenRefuses('CollaborationTerminated');
  });
});

describe('approving and rejecting', () => {
  const bigOne = proposed(900_000, 'all-chief-officers', allChiefs);

  it('is taken when the lead force alone approves a decision within delegation', () => {
    const small = proposed(180_000, 'lead-force-alone', [{ party: 'essex', role: 'chief-officer' }]);
    const outcome = decisionDecider.decide([small].reduce(decisionDecider.evolve, decisionDecider.initialState), act('ApproveDecision', chief('essex')), { ...contextOf(chief('essex')), facts: held(chief('essex')) });
    expect(outcome).toEqual([approved(chief('essex')), expect.objectContaining({ type: 'DecisionTaken', data: expect.objectContaining({ basis: 'lead-force-alone' }) })]);
  });

  it('waits for every chief officer above the limit', () => {
    decision.given([bigOne, approved(chief('essex'))]).when(act('ApproveDecision', chief('kent')), contextOf(chief('kent')), held(chief('kent'))).then([approved(chief('kent'))]);
  });

  it('is not taken once one required approver rejects it', () => {
    decision
      .given([bigOne, approved(chief('essex'))])
      .when({ kind: 'RejectDecision', decisionId: 'd-1', party: 'kent', role: 'chief-officer', signatory: person(chief('kent')), reason: 'Not affordable', occurredAt: on('2016-05-12') }, contextOf(chief('kent')), held(chief('kent')))
      .then([{ type: 'DecisionRejected', data: { party: 'kent', role: 'chief-officer', approver: person(chief('kent')), reason: 'Not affordable' }, occurredAt: on('2016-05-12') }]);
    const rejected: DecisionEvent = { type: 'DecisionRejected', data: { party: 'kent', role: 'chief-officer', approver: person(chief('kent')), reason: 'x' }, occurredAt: on('2016-05-12') };
    decision.given([bigOne, rejected]).when(act('ApproveDecision', chief('suffolk')), contextOf(chief('suffolk')), held(chief('suffolk'))).thenRefuses('DecisionNotOpen');
  });

  it.each([
    ['an approver the decision does not need', act('ApproveDecision', body('kent')), held(body('kent')), 'ApprovalNotRequired'],
    ['a second approval from the same office', act('ApproveDecision', chief('essex')), held(chief('essex')), 'AlreadyApproved'],
    ['an approver who did not hold the office that day', act('ApproveDecision', chief('kent')), { holderThen: { personId: 'someone-else', name: 'Other' } }, 'SignerNotOfficeHolder'],
  ] as Array<[string, DecisionCommand, { holderThen?: { personId: string; name: string } }, string]>)('refuses %s', (_case, command, facts, code) => {
    decision.given([bigOne, approved(chief('essex'))]).when(command, contextOf(chief('kent')), facts).thenRefuses(code);
  });

  it('refuses to act on a decision that does not exist', () => {
    decision.given([]).when(act('ApproveDecision', chief('kent')), contextOf(chief('kent')), held(chief('kent'))).thenRefuses('DecisionNotFound', 'not-found');
  });
});

describe('escalation, urgency and ratification', () => {
  const small = proposed(180_000, 'lead-force-alone', [{ party: 'essex', role: 'chief-officer' }]);
  const bigOne = proposed(900_000, 'all-chief-officers', allChiefs);

  it('escalates to every chief officer when the proposer asks, but never narrows', () => {
    decision
      .given([small])
      .when({ kind: 'EscalateDecision', decisionId: 'd-1', to: 'all-chief-officers', reason: 'Reputational risk', occurredAt: on('2016-05-02') }, contextOf(manager), withScheme(financialUpTo250k))
      .then([{ type: 'DecisionEscalated', data: { to: 'all-chief-officers', reason: 'Reputational risk', requiredApprovals: allChiefs, automatic: false }, occurredAt: on('2016-05-02') }]);
    decision
      .given([bigOne])
      .when({ kind: 'EscalateDecision', decisionId: 'd-1', to: 'all-chief-officers', reason: 'r', occurredAt: on('2016-05-02') }, contextOf(manager), withScheme(financialUpTo250k))
      .thenRefuses('NotAnEscalation');
  });

  it('lets the lead force’s chief officer take it under urgency, flagging the approvals it skipped', () => {
    const urgent: DecisionCommand = { kind: 'TakeDecisionUnderUrgency', decisionId: 'd-1', party: 'essex', role: 'chief-officer', signatory: person(chief('essex')), justification: 'Range closed', occurredAt: on('2016-05-03') };
    decision
      .given([bigOne])
      .when(urgent, contextOf(chief('essex')), held(chief('essex')))
      .then([
        {
          type: 'DecisionTakenUnderUrgency',
          data: { takenBy: { party: 'essex', role: 'chief-officer', person: person(chief('essex')) }, justification: 'Range closed', skippedApprovals: allChiefs.slice(1) },
          occurredAt: on('2016-05-03'),
        },
      ]);
    decision.given([bigOne]).when({ ...urgent, party: 'kent', signatory: person(chief('kent')) } as DecisionCommand, contextOf(chief('kent')), held(chief('kent'))).thenRefuses('OnlyLeadChiefOfficerActsUrgently');
    decision.given([small]).when(urgent, contextOf(chief('essex')), held(chief('essex'))).thenRefuses('NoUrgencyNeeded');
  });

  it('is ratified when every skipped approver has ratified it, and rescinded if one refuses', () => {
    const urgentTaken: DecisionEvent = {
      type: 'DecisionTakenUnderUrgency',
      data: { takenBy: { party: 'essex', role: 'chief-officer', person: person(chief('essex')) }, justification: 'Range closed', skippedApprovals: allChiefs.slice(1) },
      occurredAt: on('2016-05-03'),
    };
    const ratified = (p: Principal, complete: boolean): DecisionEvent => ({
      type: 'DecisionRatified', data: { party: p.force!, role: 'chief-officer', ratifier: person(p), complete }, occurredAt: on('2016-05-20'),
    });
    decision.given([bigOne, urgentTaken]).when(act('RatifyDecision', chief('kent'), '2016-05-20'), contextOf(chief('kent')), held(chief('kent'))).then([ratified(chief('kent'), false)]);
    decision.given([bigOne, urgentTaken, ratified(chief('kent'), false)]).when(act('RatifyDecision', chief('suffolk'), '2016-05-20'), contextOf(chief('suffolk')), held(chief('suffolk'))).then([ratified(chief('suffolk'), true)]);
    decision.given([bigOne, urgentTaken]).when(act('RatifyDecision', chief('essex'), '2016-05-20'), contextOf(chief('essex')), held(chief('essex'))).thenRefuses('NotASkippedApprover');
    decision.given([bigOne]).when(act('RatifyDecision', chief('kent')), contextOf(chief('kent')), held(chief('kent'))).thenRefuses('NotAwaitingRatification');
    decision
      .given([bigOne, urgentTaken])
      .when({ kind: 'RescindDecision', decisionId: 'd-1', party: 'suffolk', role: 'chief-officer', signatory: person(chief('suffolk')), reason: 'Not urgent', occurredAt: on('2016-05-21') }, contextOf(chief('suffolk')), held(chief('suffolk')))
      .then([{ type: 'DecisionRescinded', data: { by: person(chief('suffolk')), reason: 'Not urgent' }, occurredAt: on('2016-05-21') }]);
  });
});

describe('dates that cannot lie: every act on a decision is dated on or after what it acts on', () => {
  const bigOne = proposed(900_000, 'all-chief-officers', allChiefs);
  const small = proposed(180_000, 'lead-force-alone', [{ party: 'essex', role: 'chief-officer' }]);
  const urgentTaken: DecisionEvent = {
    type: 'DecisionTakenUnderUrgency',
    data: { takenBy: { party: 'essex', role: 'chief-officer', person: person(chief('essex')) }, justification: 'Range closed', skippedApprovals: allChiefs.slice(1) },
    occurredAt: on('2016-05-03'),
  };

  it('refuses an approval dated before the proposal, naming both dates', () => {
    const refusal = decision.given([bigOne]).when(act('ApproveDecision', chief('kent'), '2016-04-26'), contextOf(chief('kent')), held(chief('kent'))).thenRefuses('ActPrecedesWhatItActsOn');
    expect(refusal.details).toEqual({ act: 'the approval', actOccurredAt: '2016-04-26T00:00:00.000Z', actsOn: 'the proposal', actsOnOccurredAt: '2016-05-01T00:00:00.000Z' });
  });

  it('refuses a rejection dated before the proposal', () => {
    decision
      .given([bigOne])
      .when({ kind: 'RejectDecision', decisionId: 'd-1', party: 'kent', role: 'chief-officer', signatory: person(chief('kent')), reason: 'r', occurredAt: on('2016-04-30') }, contextOf(chief('kent')), held(chief('kent')))
      .thenRefuses('ActPrecedesWhatItActsOn');
  });

  it('refuses an approval dated before the escalation that first required the approver', () => {
    const escalated: DecisionEvent = { type: 'DecisionEscalated', data: { to: 'all-chief-officers', reason: 'asked', requiredApprovals: allChiefs, automatic: false }, occurredAt: on('2016-05-20') };
    const refusal = decision.given([small, escalated]).when(act('ApproveDecision', chief('kent'), '2016-05-10'), contextOf(chief('kent')), held(chief('kent'))).thenRefuses('ActPrecedesWhatItActsOn');
    expect(refusal.details).toMatchObject({ actsOn: 'the escalation that required it', actsOnOccurredAt: '2016-05-20T00:00:00.000Z' });
    // The lead force's chief officer was required from the proposal: an approval between the two dates stands.
    decision.given([small, escalated]).when(act('ApproveDecision', chief('essex'), '2016-05-10'), contextOf(chief('essex')), held(chief('essex'))).then([approved(chief('essex'))]);
  });

  it('is taken on the date of its latest approval, not of the approval entered last', () => {
    // Kent's approval (later-dated) was entered first; Suffolk's, dated earlier, completes the set.
    const outcome = decisionDecider.decide(
      [bigOne, approved(chief('essex'), '2016-05-10'), approved(chief('kent'), '2016-07-17')].reduce(decisionDecider.evolve, decisionDecider.initialState),
      act('ApproveDecision', chief('suffolk'), '2016-05-22'),
      { ...contextOf(chief('suffolk')), facts: held(chief('suffolk')) },
    );
    expect(outcome).toEqual([approved(chief('suffolk'), '2016-05-22'), expect.objectContaining({ type: 'DecisionTaken', occurredAt: on('2016-07-17') })]);
  });

  it('refuses an escalation dated before the proposal or before an earlier escalation', () => {
    decision
      .given([small])
      .when({ kind: 'EscalateDecision', decisionId: 'd-1', to: 'all-chief-officers', reason: 'r', occurredAt: on('2016-04-01') }, contextOf(manager), withScheme(financialUpTo250k))
      .thenRefuses('ActPrecedesWhatItActsOn');
    const escalated: DecisionEvent = { type: 'DecisionEscalated', data: { to: 'all-chief-officers', reason: 'asked', requiredApprovals: allChiefs, automatic: false }, occurredAt: on('2016-05-20') };
    decision
      .given([small, escalated])
      .when({ kind: 'EscalateDecision', decisionId: 'd-1', to: 'all-chief-officers-and-policing-bodies', reason: 'r', occurredAt: on('2016-05-10') }, contextOf(manager), withScheme(financialUpTo250k))
      .thenRefuses('ActPrecedesWhatItActsOn');
  });

  it('refuses a decision under urgency dated before the proposal or an approval on record', () => {
    const urgent = (date: string): DecisionCommand => ({ kind: 'TakeDecisionUnderUrgency', decisionId: 'd-1', party: 'essex', role: 'chief-officer', signatory: person(chief('essex')), justification: 'j', occurredAt: on(date) });
    decision.given([bigOne]).when(urgent('2016-04-01'), contextOf(chief('essex')), held(chief('essex'))).thenRefuses('ActPrecedesWhatItActsOn');
    decision.given([bigOne, approved(chief('kent'), '2016-05-10')]).when(urgent('2016-05-05'), contextOf(chief('essex')), held(chief('essex'))).thenRefuses('ActPrecedesWhatItActsOn');
  });

  it('refuses a ratification or a rescission dated before the urgent decision', () => {
    decision.given([bigOne, urgentTaken]).when(act('RatifyDecision', chief('kent'), '2016-05-02'), contextOf(chief('kent')), held(chief('kent'))).thenRefuses('ActPrecedesWhatItActsOn');
    decision
      .given([bigOne, urgentTaken])
      .when({ kind: 'RescindDecision', decisionId: 'd-1', party: 'suffolk', role: 'chief-officer', signatory: person(chief('suffolk')), reason: 'r', occurredAt: on('2016-05-02') }, contextOf(chief('suffolk')), held(chief('suffolk')))
      .thenRefuses('ActPrecedesWhatItActsOn');
  });

  it('records the delegation rule it was judged under, as at its date, and since when that rule was in force', () => {
    const facts = { collaboration: { ...withScheme(financialUpTo250k).collaboration, ruleInForceSince: '2015-03-01T00:00:00.000Z' } };
    const outcome = decisionDecider.decide(decisionDecider.initialState, propose(180_000), { ...contextOf(manager), facts });
    expect(outcome).toEqual([
      expect.objectContaining({ data: expect.objectContaining({ judgedUnder: { asAt: '2016-05-01T00:00:00.000Z', rule: financialUpTo250k, inForceSince: '2015-03-01T00:00:00.000Z' } }) }),
    ]);
  });

  it('reads a version 1 proposal, which did not record it, as judged under a rule not recorded', () => {
    const { judgedUnder: _omitted, ...v1 } = (bigOne as Extract<DecisionEvent, { type: 'DecisionProposed' }>).data;
    expect(upcast({ type: 'DecisionProposed', schemaVersion: 1, data: v1, occurredAt: on('2016-05-01') }).data).toEqual({ ...v1, judgedUnder: null });
  });
});
