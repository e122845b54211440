import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PendingItem } from '#governance';
import { asNumber } from '../projection.js';

/** Read model 9: office holders, each tenure with how it ended and what was pending then. */
@Entity({ name: 'rm_office_tenures' })
export class OfficeTenure {
  @PrimaryColumn({ type: 'text', name: 'office_stream' })
  officeStream!: string;

  /** The version of the office's stream that began the tenure. */
  @PrimaryColumn({ type: 'int' })
  sequence!: number;

  @Column({ type: 'text', name: 'force_code' })
  forceCode!: string;

  @Column({ type: 'text' })
  office!: string;

  @Column({ type: 'text', name: 'person_id' })
  personId!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  basis!: string;

  @Column({ type: 'timestamptz', name: 'held_from' })
  heldFrom!: Date;

  @Column({ type: 'timestamptz', name: 'held_to', nullable: true })
  heldTo!: Date | null;

  @Column({ type: 'text', name: 'ended_by', nullable: true })
  endedBy!: string | null;

  @Column({ type: 'jsonb', name: 'pending_at_end' })
  pendingAtEnd!: PendingItem[];

  /** The global position of the event that ended the tenure (handover, acting designation, vacancy). */
  @Column({ type: 'bigint', name: 'ended_by_position', nullable: true, transformer: asNumber })
  endedByPosition!: number | null;
}
