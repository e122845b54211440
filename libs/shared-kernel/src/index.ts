export * from './errors.js';
export * from './problem-details.js';
export * from './clock.js';
export * from './ids.js';
export * from './principal.js';
export * from './problem-code.js';
export * from './rfc3339.js';
export * from './storable-json.js';
