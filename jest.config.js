// TZ is fixed so that date handling is deterministic wherever the suite runs.
process.env.TZ = 'UTC';

const tsJest = ['ts-jest', { isolatedModules: true, tsconfig: 'tsconfig.json' }];

/** @type {import('jest').Config} */
module.exports = {
  // Global in jest 29: end-to-end and browser tests boot the whole app against a real database.
  testTimeout: 120000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      rootDir: '.',
      // test/architecture/ reads the source tree; it needs no app and no database.
      testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/architecture/**/*.spec.ts'],
      transform: { '^.+\\.ts$': tsJest },
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      rootDir: '.',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      transform: { '^.+\\.ts$': tsJest },
    },
    {
      // The scale path against running processes (.ci/scale-path starts them).
      displayName: 'scale',
      testEnvironment: 'node',
      rootDir: '.',
      testMatch: ['<rootDir>/test/**/*.scale-spec.ts'],
      transform: { '^.+\\.ts$': tsJest },
    },
    {
      // Workbooks printed by LibreOffice (soffice) and read back with poppler; CI installs both.
      displayName: 'office',
      testEnvironment: 'node',
      rootDir: '.',
      testMatch: ['<rootDir>/test/**/*.office-spec.ts'],
      transform: { '^.+\\.ts$': tsJest },
    },
    {
      displayName: 'browser',
      testEnvironment: 'node',
      rootDir: '.',
      testMatch: ['<rootDir>/test/**/*.browser-spec.ts'],
      transform: { '^.+\\.ts$': tsJest },
    },
  ],
};
