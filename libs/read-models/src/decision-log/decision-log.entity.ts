import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Approver, Person } from '#governance';
import { asNumber } from '../projection.js';

export type LoggedApproval = Approver & { approver: Person; at: Date | string };
export type LoggedRejection = LoggedApproval & { reason: string };

/** Read model 4: the decision log. */
@Entity({ name: 'rm_decisions' })
export class DecisionLogEntry {
  @PrimaryColumn({ type: 'uuid', name: 'decision_id' })
  decisionId!: string;

  /** Indexed (decision-log.v4): a collaboration's indicators and a pair's read its decisions by it (a sequential scan of 283,000 rows at national scale). */
  @Index()
  @Column({ type: 'uuid', name: 'collaboration_id' })
  collaborationId!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  category!: string;

  @Column({ type: 'numeric', name: 'value_gbp', transformer: asNumber })
  valueGbp!: number;

  @Column({ type: 'text', name: 'lead_force' })
  leadForce!: string;

  @Column({ type: 'text' })
  basis!: string;

  @Column({ type: 'text' })
  status!: string;

  @Column({ type: 'timestamptz', name: 'proposed_at' })
  proposedAt!: Date;

  @Column({ type: 'timestamptz', name: 'decided_at', nullable: true })
  decidedAt!: Date | null;

  @Column({ type: 'double precision', name: 'days_to_decide', nullable: true })
  daysToDecide!: number | null;

  @Column({ type: 'int' })
  escalations!: number;

  /** Escalations the delegation scheme required when the decision was proposed (DecisionEscalated, automatic). */
  @Column({ type: 'int', name: 'escalations_required' })
  escalationsRequired!: number;

  /** Escalations the proposer chose, beyond what the scheme required (DecisionEscalated, not automatic). */
  @Column({ type: 'int', name: 'escalations_chosen' })
  escalationsChosen!: number;

  @Column({ type: 'boolean', name: 'taken_under_delegation' })
  takenUnderDelegation!: boolean;

  @Column({ type: 'boolean' })
  urgent!: boolean;

  @Column({ type: 'boolean' })
  ratified!: boolean;

  @Column({ type: 'jsonb' })
  approvals!: LoggedApproval[];

  @Column({ type: 'jsonb' })
  rejections!: LoggedRejection[];

  /** Every event of the decision, by global position: the record behind each figure. */
  @Column({ type: 'jsonb', name: 'event_positions' })
  eventPositions!: number[];
}
