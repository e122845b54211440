import { Column, Entity, PrimaryColumn } from 'typeorm';

export interface Slip {
  /** When the slip happened (its occurred time). */
  at: string;
  from: string;
  to: string;
  position: number;
}

/** Read model 8: the recommendations tracker. */
@Entity({ name: 'rm_recommendations' })
export class RecommendationTrack {
  @PrimaryColumn({ type: 'uuid', name: 'recommendation_id' })
  recommendationId!: string;

  @Column({ type: 'text', name: 'addressed_to' })
  addressedTo!: string;

  @Column({ type: 'uuid', name: 'collaboration_id', nullable: true })
  collaborationId!: string | null;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'text' })
  source!: string;

  @Column({ type: 'text' })
  reference!: string;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'date', name: 'original_due_date' })
  originalDueDate!: string;

  @Column({ type: 'date', name: 'due_date' })
  dueDate!: string;

  @Column({ type: 'int' })
  slips!: number;

  /** Each slip: when it happened, and its event. */
  @Column({ type: 'jsonb', name: 'slip_events' })
  slipEvents!: Slip[];

  @Column({ type: 'int', name: 'evidence_items' })
  evidenceItems!: number;

  @Column({ type: 'text' })
  status!: string;

  @Column({ type: 'timestamptz', name: 'closed_at', nullable: true })
  closedAt!: Date | null;

  /** force or national-body (a recommendation to the NPCC, College of Policing, Home Office or APCC). */
  @Column({ type: 'text', name: 'addressee_kind', default: 'force' })
  addresseeKind!: string;

  /** The day the report was published: the s55 clock starts then. */
  @Column({ type: 'date', name: 'report_published_on', nullable: true })
  reportPublishedOn!: string | null;

  /** The last day for the policing body's response (Police Act 1996 s55(5A)); null when none applies. */
  @Column({ type: 'date', name: 'response_deadline', nullable: true })
  responseDeadline!: string | null;

  /** When the policing body's response was published. */
  @Column({ type: 'timestamptz', name: 'response_published_at', nullable: true })
  responsePublishedAt!: Date | null;

  /** Published after its deadline: recorded, and shown as late. Null until published. */
  @Column({ type: 'boolean', name: 'response_late', nullable: true })
  responseLate!: boolean | null;

  @Column({ type: 'jsonb', name: 'event_positions' })
  eventPositions!: number[];
}
