/**
 * A command body the suite's load and the tests that need "any valid command" send: a recommendation
 * raised to Kent by its chief officer (one new stream, one event). Illustrative: no such audit or
 * recommendation is on the public record.
 */
export const ILLUSTRATIVE_RECOMMENDATION = {
  source: 'internal-audit',
  reference: 'Joint internal audit of the Kent and Essex Serious Crime Directorate (illustrative)',
  kind: 'recommendation',
  text: 'The collaboration board should track benefits against the business case each quarter.',
  addressedTo: 'kent',
  owner: { personId: 'dcc-kent', name: 'Deputy Chief Constable of Kent (illustrative)' },
  dueDate: '2027-03-31',
  occurredAt: '2026-11-01T00:00:00Z',
} as const;
