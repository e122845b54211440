export * from './access-policy.js';
export * from './access.decorators.js';
export * from './access.guard.js';
export * from './identity.module.js';
export * from './local-issuer.js';
export * from './token-verifier.js';
export * from './write-rate-limiter.js';
