import { Column, Entity, PrimaryColumn } from 'typeorm';
import { asNumber } from '../projection.js';

/** Read model 3: the signature matrix, party × role: who signed, when, and when the ledger learned of it. */
@Entity({ name: 'rm_signatures' })
export class SignatureCell {
  @PrimaryColumn({ type: 'uuid', name: 'collaboration_id' })
  collaborationId!: string;

  @PrimaryColumn({ type: 'text' })
  party!: string;

  @PrimaryColumn({ type: 'text' })
  role!: string;

  @Column({ type: 'text', name: 'signatory_person_id' })
  signatoryPersonId!: string;

  @Column({ type: 'text', name: 'signatory_name' })
  signatoryName!: string;

  @Column({ type: 'timestamptz', name: 'signed_at' })
  signedAt!: Date;

  @Column({ type: 'timestamptz', name: 'recorded_at' })
  recordedAt!: Date;

  @Column({ type: 'bigint', name: 'event_position', transformer: asNumber })
  eventPosition!: number;
}
