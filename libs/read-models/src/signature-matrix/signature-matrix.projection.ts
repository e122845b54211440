import type { AgreementSigned } from '#governance';
import { type Projection, idFromStream } from '../projection.js';
import { SignatureCell } from './signature-matrix.entity.js';

/** 3. The signature matrix: a cell per party and office that signed. */
export const signatureMatrixProjection: Projection<SignatureCell, AgreementSigned> = {
  name: 'signature-matrix.v2',
  entity: SignatureCell,
  groupBy: 'collaborationId',
  eventTypes: ['AgreementSigned'],
  groupOf: (event) => idFromStream(event.streamId, 'collaboration'),
  evolve(cells, event) {
    const { party, role, signatory } = event.data;
    if (cells.some((c) => c.party === party && c.role === role)) return [...cells];
    const cell: SignatureCell = {
      collaborationId: idFromStream(event.streamId, 'collaboration'),
      party,
      role,
      signatoryPersonId: signatory.personId,
      signatoryName: signatory.name,
      signedAt: event.occurredAt,
      recordedAt: event.recordedAt,
      eventPosition: event.globalPosition,
    };
    return [...cells, cell];
  },
};
