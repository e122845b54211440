export const DATABASE_INFO = Symbol.for('governance-ledger.DatabaseInfo');

export interface DatabaseInfo {
  /** True when this process runs its own embedded PostgreSQL. */
  embedded: boolean;
}
