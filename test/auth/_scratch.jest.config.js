process.env.TZ = 'UTC';
module.exports = {
  testEnvironment: 'node',
  rootDir: '../..',
  testMatch: ['<rootDir>/test/auth/**/*.e2e-spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true, tsconfig: 'tsconfig.json' }] },
  moduleNameMapper: { '^\\.\\./support/app$': '<rootDir>/test/auth/_scratch-app.ts' },
  testTimeout: 120000,
};
