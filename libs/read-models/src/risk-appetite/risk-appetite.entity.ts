import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { asNumber } from '../projection.js';

/** Read model 5's source: each force's declared appetite per remit and category, period by period. */
@Entity({ name: 'rm_appetite_periods' })
export class AppetitePeriod {
  /** The declaration or revision that began the period. */
  @PrimaryColumn({ type: 'bigint', name: 'event_position', transformer: asNumber })
  eventPosition!: number;

  @Index()
  @Column({ type: 'text', name: 'force_code' })
  forceCode!: string;

  @Column({ type: 'text' })
  remit!: string;

  @Column({ type: 'text' })
  category!: string;

  @Column({ type: 'text' })
  level!: string;

  @Column({ type: 'timestamptz', name: 'held_from' })
  heldFrom!: Date;

  @Column({ type: 'timestamptz', name: 'held_to', nullable: true })
  heldTo!: Date | null;
}
