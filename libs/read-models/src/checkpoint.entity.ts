import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Where each projection has read the log up to: saved in the same transaction as its rows. */
@Entity({ name: 'rm_checkpoints' })
export class ProjectionCheckpoint {
  @PrimaryColumn({ type: 'text' })
  projection!: string;

  @Column({ type: 'text', name: 'transaction_id' })
  transactionId!: string;

  @Column({ type: 'bigint' })
  position!: string;

  @Column({ type: 'bigint', name: 'events_applied', default: 0 })
  eventsApplied!: string;

  @Column({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;

  /** Set when a newer version of the projection took over its tables (blue-green): its runners stop. */
  @Column({ type: 'boolean', default: false })
  retired!: boolean;

  /**
   * Set while the process keeping the projection cannot apply the log's next page (positions, the
   * error, ISO dates), so that any process can report it; cleared by the next page applied.
   */
  @Column({ type: 'jsonb', nullable: true })
  failure!: { position: number; error: string; since: string; attempts: number; retryAt: string } | null;
}
