import { describe, it } from '@jest/globals';
import type { AgreementSigned, OfficeEvent } from '#governance';
import { officeHoldersProjection, signatureMatrixProjection } from '#read-models';
import { inStream, projectionSpec } from '#testing';

const id = '6f1c2a5e-3b7d-4f0e-9a1b-2c3d4e5f6a7b';
const on = (date: string) => new Date(`${date}T09:00:00Z`);

describe('signature matrix projection: Given signatures, Then one cell per party and office', () => {
  const signed = (party: string, role: 'chief-officer' | 'policing-body', date: string): AgreementSigned => ({ type: 'AgreementSigned', data: { party, role, signatory: { personId: `${party}-${role}`, name: `${party} ${role}` } }, occurredAt: on(date) });
  it('records who signed and when, and keeps the first signature of a cell', () => {
    projectionSpec(signatureMatrixProjection)
      .given(inStream(`collaboration-${id}`, [signed('kent', 'chief-officer', '2015-02-01'), signed('kent', 'policing-body', '2015-02-03'), signed('kent', 'chief-officer', '2015-02-05')], 10))
      .then([
        { collaborationId: id, party: 'kent', role: 'chief-officer', signatoryPersonId: 'kent-chief-officer', signatoryName: 'kent chief-officer', signedAt: on('2015-02-01'), recordedAt: on('2015-02-01'), eventPosition: 10 },
        { collaborationId: id, party: 'kent', role: 'policing-body', signatoryPersonId: 'kent-policing-body', signatoryName: 'kent policing-body', signedAt: on('2015-02-03'), recordedAt: on('2015-02-03'), eventPosition: 11 },
      ]);
  });
});

describe('office holders projection: Given appointments and handovers, Then tenures', () => {
  const stream = 'office-kent-chief-officer';
  const alice = { personId: 'alice', name: 'Alice' };
  const bob = { personId: 'bob', name: 'Bob' };
  const pending = [{ kind: 'agreement-signature' as const, collaborationId: id, name: 'Alliance', since: '2015-01-05T00:00:00.000Z' }];
  const events: OfficeEvent[] = [
    { type: 'OfficeHolderAppointed', data: { forceCode: 'kent', office: 'chief-officer', holder: alice, basis: 'substantive', body: null }, occurredAt: on('2014-01-01') },
    { type: 'OfficeHandedOver', data: { forceCode: 'kent', office: 'chief-officer', outgoing: alice, incoming: bob, basis: 'acting', body: null, note: '', pending }, occurredAt: on('2015-06-01') },
    { type: 'OfficeVacated', data: { forceCode: 'kent', office: 'chief-officer', holder: bob, reason: 'retired', pending: [] }, occurredAt: on('2016-01-01') },
  ];
  const tenure = { officeStream: stream, forceCode: 'kent', office: 'chief-officer', pendingAtEnd: [] as typeof pending, endedByPosition: null };
  it('ends each tenure with how it ended and what was pending, and starts the next', () => {
    projectionSpec(officeHoldersProjection)
      .given(inStream(stream, events))
      .then([
        { ...tenure, sequence: 1, personId: 'alice', name: 'Alice', basis: 'substantive', heldFrom: on('2014-01-01'), heldTo: on('2015-06-01'), endedBy: 'handover', pendingAtEnd: pending, endedByPosition: 2 },
        { ...tenure, sequence: 2, personId: 'bob', name: 'Bob', basis: 'acting', heldFrom: on('2015-06-01'), heldTo: on('2016-01-01'), endedBy: 'vacancy', endedByPosition: 3 },
      ]);
  });
});
