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
}

/** Read model 1: the national register of collaborations. */
@Entity({ name: 'rm_register' })
export class RegisterEntry {
  @PrimaryColumn({ type: 'uuid', name: 'collaboration_id' })
  collaborationId!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  purpose!: string;

  @Column({ type: 'jsonb' })
  functions!: string[];

  @Column({ type: 'jsonb' })
  parties!: string[];

  @Column({ type: 'jsonb', name: 'withdrawn_parties', default: () => "'[]'" })
  withdrawnParties!: string[];

  @Column({ type: 'text', name: 'lead_force' })
  leadForce!: string;

  @Column({ type: 'text' })
  status!: string;

  @Column({ type: 'timestamptz', name: 'proposed_at' })
  proposedAt!: Date;

  @Column({ type: 'timestamptz', name: 'came_into_force_at', nullable: true })
  cameIntoForceAt!: Date | null;

  @Column({ type: 'timestamptz', name: 'terminated_at', nullable: true })
  terminatedAt!: Date | null;

  @Column({ type: 'text', name: 'publication_level', nullable: true })
  publicationLevel!: string | null;

  @Column({ type: 'text', name: 'publication_reason', nullable: true })
  publicationReason!: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  budgets!: Record<string, { totalGbp: number; contributions: Array<{ party: string; amountGbp: number }> }>;

  @Column({ type: 'int', name: 'signatures', default: 0 })
  signatures!: number;

  /** Notices of withdrawal, with the event that gave each. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  notices!: Array<{ party: string; givenAt: string; effectiveOn: string; rescinded: boolean; position: number }>;

  /** Every risk appetite the partners agreed, with the date it was agreed. */
  @Column({ type: 'jsonb', name: 'agreed_appetites', default: () => "'[]'" })
  agreedAppetites!: Array<{ from: string; appetite: Array<{ category: string; level: string }>; position: number }>;

  @Column({ type: 'bigint', name: 'last_position' })
  lastPosition!: string;
}

/** Read model 3: the signature matrix, party × role. */
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

  @Column({ type: 'bigint', name: 'event_position' })
  eventPosition!: string;
}

/** Read model 9: office holders, each tenure with what was pending when it ended. */
@Entity({ name: 'rm_office_tenures' })
export class OfficeTenure {
  @PrimaryColumn({ type: 'text', name: 'office_stream' })
  officeStream!: string;

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

  @Column({ type: 'jsonb', name: 'pending_at_end', default: () => "'[]'" })
  pendingAtEnd!: unknown[];

  /** The global position of the event that ended the tenure (handover, acting designation, vacancy). */
  @Column({ type: 'bigint', name: 'ended_by_position', nullable: true })
  endedByPosition!: string | null;
}

/** Read model 4: the decision log. */
@Entity({ name: 'rm_decisions' })
export class DecisionLogEntry {
  @PrimaryColumn({ type: 'uuid', name: 'decision_id' })
  decisionId!: string;

  @Column({ type: 'uuid', name: 'collaboration_id' })
  collaborationId!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  category!: string;

  @Column({ type: 'numeric', name: 'value_gbp' })
  valueGbp!: string;

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

  @Column({ type: 'int', name: 'escalations', default: 0 })
  escalations!: number;

  @Column({ type: 'boolean', name: 'taken_under_delegation', default: false })
  takenUnderDelegation!: boolean;

  @Column({ type: 'boolean', name: 'urgent', default: false })
  urgent!: boolean;

  @Column({ type: 'boolean', name: 'ratified', default: false })
  ratified!: boolean;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  approvals!: unknown[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  rejections!: unknown[];

  @Column({ type: 'jsonb', name: 'event_positions', default: () => "'[]'" })
  eventPositions!: number[];
}


/** Read model 7: each benefit against plan. */
@Entity({ name: 'rm_benefits' })
export class BenefitAgainstPlan {
  @PrimaryColumn({ type: 'uuid', name: 'benefit_id' })
  benefitId!: string;

  @Column({ type: 'uuid', name: 'collaboration_id' })
  collaborationId!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  category!: string;

  @Column({ type: 'text' })
  unit!: string;

  @Column({ type: 'double precision' })
  baseline!: number;

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

  /** Month → current figure (a correction replaces the figure, the first stays in the log). */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  measurements!: Record<string, number>;

  @Column({ type: 'int', name: 'corrections', default: 0 })
  corrections!: number;

  @Column({ type: 'int', name: 'target_revisions', default: 0 })
  targetRevisions!: number;

  @Column({ type: 'jsonb', name: 'event_positions', default: () => "'[]'" })
  eventPositions!: number[];
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

  @Column({ type: 'int', default: 0 })
  slips!: number;

  /** Each slip: when it was recorded as happening, and its event. */
  @Column({ type: 'jsonb', name: 'slip_events', default: () => "'[]'" })
  slipEvents!: Array<{ at: string; from: string; to: string; position: number }>;

  @Column({ type: 'int', name: 'evidence_items', default: 0 })
  evidenceItems!: number;

  @Column({ type: 'text' })
  status!: string;

  @Column({ type: 'timestamptz', name: 'closed_at', nullable: true })
  closedAt!: Date | null;

  @Column({ type: 'jsonb', name: 'event_positions', default: () => "'[]'" })
  eventPositions!: number[];
}

/** Read model 5's source: each force's declared appetite per remit and category, period by period. */
@Entity({ name: 'rm_appetite_periods' })
export class AppetitePeriod {
  @PrimaryColumn({ type: 'bigint', name: 'event_position' })
  eventPosition!: string;

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

export const READ_MODEL_ENTITIES = [AppetitePeriod, ProjectionCheckpoint, RegisterEntry, SignatureCell, OfficeTenure, DecisionLogEntry, BenefitAgainstPlan, RecommendationTrack];
