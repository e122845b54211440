import { describe, expect, it } from '@jest/globals';
import { type DecisionLogEntry, type RegisterEntry, type SignatureCell, collaborationIndicators, pairIndicators } from '#read-models';

/** A worked example of the monthly indicators, from rows as the projections keep them (docs/indicators.md). */
const on = (date: string) => new Date(`${date}T00:00:00Z`);
const entry = { collaborationId: 'c1', name: 'Alliance', parties: ['essex', 'kent'], proposedAt: on('2016-01-01'), notices: [], agreedAppetites: [] } as unknown as RegisterEntry;
const cell = (party: string, role: string, signedAt: string, eventPosition: number) => ({ collaborationId: 'c1', party, role, signedAt: on(signedAt), eventPosition }) as SignatureCell;
const decision = (id: string, fields: Partial<DecisionLogEntry>) =>
  ({ decisionId: id, collaborationId: 'c1', escalations: 0, takenUnderDelegation: false, urgent: false, ratified: false, rejections: [], eventPositions: [], decidedAt: null, daysToDecide: null, ...fields }) as DecisionLogEntry;
const decisions = [
  // proposed and taken in March by the lead force alone, in 2 days
  decision('d1', { proposedAt: on('2016-03-01'), decidedAt: on('2016-03-03'), daysToDecide: 2, status: 'taken', takenUnderDelegation: true, eventPositions: [10, 11] }),
  // proposed in March, escalated, taken in April after 40 days
  decision('d2', { proposedAt: on('2016-03-10'), decidedAt: on('2016-04-19'), daysToDecide: 40, status: 'taken', escalations: 1, eventPositions: [12, 13, 20] }),
  // proposed in April, rejected by Kent in April after 6 days
  decision('d3', { proposedAt: on('2016-04-01'), decidedAt: on('2016-04-07'), daysToDecide: 6, status: 'rejected', rejections: [{ party: 'kent', role: 'chief-officer', approver: { personId: 'k', name: 'K' }, reason: 'r', at: '2016-04-07' }], eventPositions: [21, 22] }),
];

describe('governance indicators per month (a worked example)', () => {
  it('counts signatures and their mean days from the proposal in the month they were made', () => {
    const { months } = collaborationIndicators(entry, { signatures: [cell('essex', 'chief-officer', '2016-01-11', 1), cell('kent', 'chief-officer', '2016-01-21', 2)], decisions: [], tenures: [], benefits: [], recommendations: [], appetite: [] });
    expect(months).toEqual([expect.objectContaining({ month: '2016-01', signatures: { count: 2, meanDaysFromProposal: 15, events: [1, 2] } })]);
  });

  it('shares of decisions: escalated among those proposed in the month; lead-force-alone and urgent among those decided in it', () => {
    const { months } = collaborationIndicators(entry, { signatures: [], decisions, tenures: [], benefits: [], recommendations: [], appetite: [] });
    const march = months.find((m) => m.month === '2016-03')!.decisions;
    const april = months.find((m) => m.month === '2016-04')!.decisions;
    // March: d1 and d2 proposed (d2 escalated: 1 of 2); d1 decided (by the lead force alone: 1 of 1), in 2 days.
    expect(march).toMatchObject({ proposed: 2, decided: 1, meanDaysToDecide: 2, shareEscalated: 0.5, shareTakenByLeadForceAlone: 1, shareTakenUnderUrgency: 0 });
    // April: d3 proposed; d2 taken and d3 rejected: 1 decided, mean days (40 + 6) / 2 = 23, by the lead force alone 0 of 2; Kent rejected one.
    expect(april).toMatchObject({ proposed: 1, decided: 1, meanDaysToDecide: 23, shareEscalated: 0, shareTakenByLeadForceAlone: 0, rejectionsByParty: { kent: 1 }, decisionIds: ['d3', 'd2'], events: [12, 13, 20, 21, 22] });
  });

  it('between two forces: days each took to sign, and the decisions they shared, per month', () => {
    const view = pairIndicators('essex', 'kent', [entry], [cell('essex', 'chief-officer', '2016-01-11', 1), cell('kent', 'chief-officer', '2016-01-31', 2)], decisions);
    expect(view.months[0]).toMatchObject({ month: '2016-01', daysToSign: { essex: 10, kent: 30 }, signatureEvents: [1, 2] });
    expect(view.months.find((m) => m.month === '2016-04')!.decisions).toMatchObject({ proposed: 1, decided: 0, rejections: { essex: 0, kent: 1 } });
  });
});
