import { describe, it } from '@jest/globals';
import type { CollaborationEvent } from '#governance';
import { type RegisterEntry, registerProjection } from '#read-models';
import { inStream, projectionSpec } from '#testing';

const id = '6f1c2a5e-3b7d-4f0e-9a1b-2c3d4e5f6a7b';
const on = (date: string) => new Date(`${date}T09:00:00Z`);
const proposed: CollaborationEvent = {
  type: 'CollaborationProposed',
  data: { collaborationId: id, name: 'Tri-force', purpose: 'Specialist operations', functions: ['firearms', 'dogs'], parties: ['avon-and-somerset', 'gloucestershire', 'wiltshire'], leadForce: 'gloucestershire', costSharing: 'NRE', noticePeriodMonths: 12, reviewDate: '2015-04-01', otherParties: [], delegationScheme: [], annualBudget: null, riskAppetite: null, publication: null, proposedBy: { personId: 'm', name: 'M' } },
  occurredAt: on('2012-01-09'),
};
const row = {
  collaborationId: id,
  name: 'Tri-force',
  purpose: 'Specialist operations',
  functions: ['firearms', 'dogs'],
  parties: ['avon-and-somerset', 'gloucestershire', 'wiltshire'],
  withdrawnParties: [] as string[],
  leadForce: 'gloucestershire',
  status: 'proposed',
  proposedAt: on('2012-01-09'),
  cameIntoForceAt: null,
  terminatedAt: null,
  publicationLevel: null,
  publicationReason: null,
  budgets: {},
  signatures: 0,
  notices: [] as Array<{ party: string; givenAt: string; effectiveOn: string; rescinded: boolean; position: number }>,
  agreedAppetites: [],
  proposedTerms: { publication: null, riskAppetite: null } as RegisterEntry['proposedTerms'],
  withdrawals: [] as Array<{ party: string; at: string; position: number }>,
};
const register = projectionSpec(registerProjection);
const stream = (...events: CollaborationEvent[]) => inStream(`collaboration-${id}`, [proposed, ...events]);

describe('register projection: Given events, Then rows', () => {
  it('enters a proposed collaboration with its terms', () => {
    register.given(stream()).then([row]);
  });

  it('counts signatures, and marks it in force when it comes into force', () => {
    const signed: CollaborationEvent = { type: 'AgreementSigned', data: { party: 'wiltshire', role: 'chief-officer', signatory: { personId: 'cc', name: 'CC' } }, occurredAt: on('2012-03-01') };
    register.given(stream(signed, signed, { type: 'AgreementCameIntoForce', data: { signatures: [] }, occurredAt: on('2012-03-02') })).then([{ ...row, signatures: 2, status: 'in-force', cameIntoForceAt: on('2012-03-02') }]);
  });

  it('changes the terms a variation changes, from its last signature (s23C(4)), and publishes and records the appetite the proposal set once in force', () => {
    const appetite = [{ category: 'operational' as const, level: 'cautious' as const }];
    const proposing: CollaborationEvent = { ...proposed, data: { ...(proposed.data as object), publication: { level: 'full', reason: null }, riskAppetite: { appetite, statement: 's' } } } as CollaborationEvent;
    register
      .given(
        inStream(`collaboration-${id}`, [
          proposing,
          { type: 'AgreementCameIntoForce', data: { signatures: [] }, occurredAt: on('2012-03-02') },
          { type: 'VariationAgreed', data: { variationId: 'v', signatures: [], terms: { functions: ['firearms'], leadForce: 'wiltshire' } }, occurredAt: on('2019-04-10') },
        ]),
      )
      .then([
        {
          ...row,
          status: 'in-force',
          cameIntoForceAt: on('2012-03-02'),
          functions: ['firearms'],
          leadForce: 'wiltshire',
          publicationLevel: 'full',
          publicationReason: null,
          agreedAppetites: [{ from: on('2012-03-02').toISOString(), appetite, position: 2 }],
          proposedTerms: { publication: { level: 'full', reason: null }, riskAppetite: { appetite, statement: 's' } } as RegisterEntry['proposedTerms'],
        },
      ]);
  });

  it('keeps each notice with the event that gave it, and marks a rescinded one', () => {
    const notice: CollaborationEvent = {
      type: 'WithdrawalNoticeGiven',
      data: { party: 'avon-and-somerset', reason: 'local control', effectiveOn: '2019-04-03', givenBy: { role: 'chief-officer', person: { personId: 'cc', name: 'CC' } } },
      occurredAt: on('2018-04-03'),
    };
    const rescinded: CollaborationEvent = { type: 'WithdrawalNoticeRescinded', data: { party: 'avon-and-somerset', reason: 'second thoughts' }, occurredAt: on('2018-05-01') };
    register.given(stream(notice, rescinded)).then([{ ...row, notices: [{ party: 'avon-and-somerset', givenAt: on('2018-04-03').toISOString(), effectiveOn: '2019-04-03', rescinded: true, position: 2 }] }]);
  });

  it('records withdrawals, a new lead force, budgets by year, publication and termination', () => {
    register
      .given(
        stream(
          { type: 'PartyWithdrew', data: { party: 'avon-and-somerset' }, occurredAt: on('2019-04-03') },
          { type: 'LeadForceChanged', data: { from: 'gloucestershire', to: 'wiltshire', reason: 'r' }, occurredAt: on('2019-05-01') },
          { type: 'AnnualBudgetSet', data: { financialYear: '2019/20', totalGbp: 10, contributions: [{ party: 'wiltshire', amountGbp: 10 }] }, occurredAt: on('2019-03-01') },
          { type: 'AgreementPublished', data: { level: 'redacted', reason: 'commercial' }, occurredAt: on('2019-06-01') },
          { type: 'CollaborationTerminated', data: { basis: 'agreement-of-all-parties', reason: 'r', remainingParties: ['gloucestershire', 'wiltshire'] }, occurredAt: on('2020-01-01') },
        ),
      )
      .then([
        {
          ...row,
          withdrawnParties: ['avon-and-somerset'],
          withdrawals: [{ party: 'avon-and-somerset', at: on('2019-04-03').toISOString(), position: 2 }],
          leadForce: 'wiltshire',
          budgets: { '2019/20': { totalGbp: 10, contributions: [{ party: 'wiltshire', amountGbp: 10 }] } },
          publicationLevel: 'redacted',
          publicationReason: 'commercial',
          status: 'terminated',
          terminatedAt: on('2020-01-01'),
        },
      ]);
  });

  it('ignores an event of a collaboration it never saw proposed', () => {
    register.given(inStream(`collaboration-${id}`, [{ type: 'PartyWithdrew', data: { party: 'wiltshire' }, occurredAt: on('2019-01-01') } as CollaborationEvent])).then([]);
  });
});
