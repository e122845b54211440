/** Nest injection tokens of libs/integrity (symbols: the classes are built by factories from the configuration). */
export const SEALER = Symbol.for('governance-ledger.Sealer');
export const SEAL_KEYRING = Symbol.for('governance-ledger.SealKeyring');
export const PROOF_SERVICE = Symbol.for('governance-ledger.ProofService');
export const READ_ACCESS_LOG_WRITER = Symbol.for('governance-ledger.ReadAccessLog');
