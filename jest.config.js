/** Three projects: node (core, store, functions), jsdom (pages via miniprogram-simulate), e2e (browser preview). */
const tsJest = ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json' }];
const common = {
  rootDir: __dirname,
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: {
    '^.+\\.ts$': tsJest,
    '^.+\\.js$': ['babel-jest', { plugins: ['@babel/plugin-transform-modules-commonjs'] }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(tdesign-miniprogram|@qiun/ucharts)/)'],
  setupFiles: ['<rootDir>/test/support/setup-logs.ts'],
};
module.exports = {
  // A generous ceiling, not a speed check (speed is measured in `npm run bench`): on a loaded two-core machine a
  // page test that opens a store and renders twenty cards can take longer than jest's default of 5 s.
  testTimeout: 30_000,
  // A test that timed out may leave its server or store open when its set-up finishes later; CI must still end.
  forceExit: true,
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  projects: [
    {
      ...common,
      displayName: 'node',
      testEnvironment: 'node',
      testMatch: [
        '<rootDir>/test/core/**/*.test.ts',
        '<rootDir>/test/cloudfunctions/**/*.test.ts',
        '<rootDir>/test/scripts/**/*.test.ts',
      ],
    },
    {
      ...common,
      displayName: 'jsdom',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/test/miniprogram/**/*.test.ts'],
      moduleDirectories: ['node_modules', 'miniprogram_npm'],
      setupFiles: ['<rootDir>/test/support/setup-logs.ts', '<rootDir>/test/support/setup-wx.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
    },
  ],
};
