import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Read model 7: each benefit against plan. */
@Entity({ name: 'rm_benefits' })
export class BenefitAgainstPlan {
  @PrimaryColumn({ type: 'uuid', name: 'benefit_id' })
  benefitId!: string;

  /** Indexed (benefits.v4): a collaboration's indicators read its benefits by it (a sequential scan of 24,000 rows at national scale). */
  @Index()
  @Column({ type: 'uuid', name: 'collaboration_id' })
  collaborationId!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  category!: string;

  @Column({ type: 'text' })
  unit!: string;

  @Column({ type: 'text', name: 'measure_kind' })
  measureKind!: string;

  @Column({ type: 'double precision' })
  baseline!: number;

  /** Each party's attribution share of the benefit, in percent (adding up to 100). */
  @Column({ type: 'jsonb', name: 'share_per_force' })
  sharePerForce!: Array<{ party: string; percent: number }>;

  @Column({ type: 'double precision', name: 'original_target' })
  originalTarget!: number;

  @Column({ type: 'double precision' })
  target!: number;

  @Column({ type: 'date', name: 'target_date' })
  targetDate!: string;

  @Column({ type: 'text' })
  status!: string;

  @Column({ type: 'text', nullable: true })
  outcome!: string | null;

  /** Month → current figure (a correction replaces the figure; the first stays in the log). */
  @Column({ type: 'jsonb' })
  measurements!: Record<string, number>;

  @Column({ type: 'int' })
  corrections!: number;

  @Column({ type: 'int', name: 'target_revisions' })
  targetRevisions!: number;

  @Column({ type: 'jsonb', name: 'event_positions' })
  eventPositions!: number[];
}
