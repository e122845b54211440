import { ApiProperty } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { OFFICES, type Office } from '#governance';
import type { RegisterEntry } from '../register/register.entity.js';
import { registerEntry } from '../register/register.queries.js';
import { SignatureCell } from './signature-matrix.entity.js';

export class SignatoryView {
  @ApiProperty() personId!: string;
  @ApiProperty() name!: string;
}

export class MatrixSignatureView {
  @ApiProperty({ type: SignatoryView }) signatory!: SignatoryView;
  @ApiProperty({ type: String, format: 'date-time', description: 'When it was signed (occurred time)' }) signedAt!: Date;
  @ApiProperty({ type: String, format: 'date-time', description: 'When the ledger learned of it' }) recordedAt!: Date;
  @ApiProperty() eventPosition!: number;
}

export class SignatureRowView {
  @ApiProperty() party!: string;
  @ApiProperty() withdrawn!: boolean;
  @ApiProperty({ type: MatrixSignatureView, nullable: true }) 'chief-officer'!: MatrixSignatureView | null;
  @ApiProperty({ type: MatrixSignatureView, nullable: true }) 'policing-body'!: MatrixSignatureView | null;
}

export class SignatureMatrixView {
  @ApiProperty({ format: 'uuid' }) collaborationId!: string;
  @ApiProperty() status!: string;
  @ApiProperty({ type: [SignatureRowView] }) matrix!: SignatureRowView[];
}

/** Party × office: a cell for each party's chief officer and policing body, empty until signed. */
export function signatureMatrix(entry: RegisterEntry, cells: readonly SignatureCell[]): SignatureMatrixView {
  const cellOf = (party: string, role: Office) => {
    const cell = cells.find((c) => c.party === party && c.role === role);
    return cell
      ? { signatory: { personId: cell.signatoryPersonId, name: cell.signatoryName }, signedAt: cell.signedAt, recordedAt: cell.recordedAt, eventPosition: cell.eventPosition }
      : null;
  };
  const matrix = entry.parties.map((party) => ({
    party,
    withdrawn: entry.withdrawnParties.includes(party),
    ...(Object.fromEntries(OFFICES.map((role) => [role, cellOf(party, role)])) as Record<Office, MatrixSignatureView | null>),
  }));
  return { collaborationId: entry.collaborationId, status: entry.status, matrix };
}

export async function signatureMatrixOf(db: DataSource, collaborationId: string): Promise<SignatureMatrixView> {
  const entry = await registerEntry(db, collaborationId);
  return signatureMatrix(entry, await db.getRepository(SignatureCell).findBy({ collaborationId }));
}
