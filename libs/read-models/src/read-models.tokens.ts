export const READ_MODEL_DATABASE = Symbol.for('governance-ledger.ReadModelDatabase');
