import base from './jest.config.js';

/**
 * The fast lane (`npm run test:unit`): decider, projection, policy and other pure specs — no
 * database, no build, no HTTP. Specs that need PostgreSQL are named *.db.spec.ts; end-to-end and
 * system specs live in test/. `npm test` runs everything.
 */
export default {
  ...base,
  testMatch: ['<rootDir>/libs/**/test/**/*.spec.ts', '<rootDir>/apps/**/test/**/*.spec.ts'],
  testPathIgnorePatterns: ['\\.db\\.spec\\.ts$', '\\.e2e\\.spec\\.ts$'],
  globalSetup: undefined,
  globalTeardown: undefined,
};
