import { mkdirSync } from 'node:fs';

// `npm test` writes Jest's JSON results here for .ci/run's summary line.
mkdirSync(new URL('./reports', import.meta.url), { recursive: true });

/** Jest 30 in native ESM with @swc/jest; see ../shared/stack-notes.md. `npm test` builds first. */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      keepClassNames: true,
      target: 'es2022',
    },
  },
];

export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1',
    '^#shared-kernel$': '<rootDir>/libs/shared-kernel/src/index.ts',
    '^#event-store$': '<rootDir>/libs/event-store/src/index.ts',
    '^#testing$': '<rootDir>/libs/testing/src/index.ts',
    '^#identity$': '<rootDir>/libs/identity/src/index.ts',
    '^#governance$': '<rootDir>/libs/governance/src/index.ts',
    '^#read-models$': '<rootDir>/libs/read-models/src/index.ts',
    '^#integrity$': '<rootDir>/libs/integrity/src/index.ts',
    '^#config$': '<rootDir>/libs/config/src/index.ts',
  },
  testMatch: ['<rootDir>/apps/**/*.spec.ts', '<rootDir>/libs/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  globalSetup: '<rootDir>/test/support/global-setup.js',
  globalTeardown: '<rootDir>/test/support/global-teardown.js',
  maxWorkers: 2,
  testTimeout: 60_000,
};
