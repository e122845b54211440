import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export interface Budget {
  totalGbp: number;
  contributions: Array<{ party: string; amountGbp: number }>;
}
export interface Notice {
  party: string;
  givenAt: string;
  effectiveOn: string;
  rescinded: boolean;
  /** The event that gave it. */
  position: number;
}
/** A party's withdrawal: when it took effect, and its event. */
export interface Withdrawal {
  party: string;
  at: string;
  position: number;
}
export interface AgreedAppetite {
  from: string;
  appetite: Array<{ category: string; level: string }>;
  position: number;
}

/**
 * Read model 1: the national register of collaborations, one row each, as it stands.
 * Indexed (register.v4) for its order, by proposal then id, so that a page reads its rows from the
 * index instead of sorting every row (10,000 of 1.5 kB at national scale), and for its parties
 * (GIN: a force's collaborations, a region's, a pair's, by `@>` and `?|`).
 */
@Entity({ name: 'rm_register' })
@Index(['proposedAt', 'collaborationId'])
export class RegisterEntry {
  @PrimaryColumn({ type: 'uuid', name: 'collaboration_id' })
  collaborationId!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  purpose!: string;

  @Column({ type: 'jsonb' })
  functions!: string[];

  @Index({ type: 'gin' })
  @Column({ type: 'jsonb' })
  parties!: string[];

  @Column({ type: 'jsonb', name: 'withdrawn_parties' })
  withdrawnParties!: string[];

  /** Each withdrawal with the date it took effect: tenures and shares stop counting a party from then. */
  @Column({ type: 'jsonb' })
  withdrawals!: Withdrawal[];

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

  /** Financial year → budget. */
  @Column({ type: 'jsonb' })
  budgets!: Record<string, Budget>;

  @Column({ type: 'int' })
  signatures!: number;

  /** Notices of withdrawal, with the event that gave each. */
  @Column({ type: 'jsonb' })
  notices!: Notice[];

  /** Every risk appetite the partners agreed, with the date it was agreed. */
  @Column({ type: 'jsonb', name: 'agreed_appetites' })
  agreedAppetites!: AgreedAppetite[];

  /** The publication and risk appetite the proposal sets: they apply once the agreement is made (terms.ts). */
  @Column({ type: 'jsonb', name: 'proposed_terms', nullable: true })
  proposedTerms!: { publication: { level: string; reason: string | null } | null; riskAppetite: { appetite: AgreedAppetite['appetite'] } | null } | null;
}
