// ESLint flat config: typescript-eslint, complexity ≤ 10, the purity rules of core/, and the boundaries between
// actions, functions and the phone's services.
import tseslint from 'typescript-eslint';

const coreBans = {
  'no-restricted-globals': [
    'error',
    { name: 'wx', message: 'core/ is pure: no wx (pass data in).' },
    { name: 'getApp', message: 'core/ is pure.' },
    { name: 'console', message: 'core/ does no I/O.' },
  ],
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        {
          group: ['@cloudbase/*', 'wx-server-sdk', 'node:*', 'fs', 'path', 'crypto'],
          message: 'core/ is pure: no SDKs or Node APIs.',
        },
        {
          group: ['**/services/*', '**/pages/*', '**/cloudfunctions/*'],
          message: 'core/ depends on nothing outside core/.',
        },
      ],
    },
  ],
  'no-restricted-syntax': [
    'error',
    {
      selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
      message: 'core/ never reads the clock: take `now`.',
    },
    {
      selector: "NewExpression[callee.name='Date'][arguments.length=0]",
      message: 'core/ never reads the clock: take `now`.',
    },
    {
      selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
      message: 'core/ is deterministic.',
    },
  ],
};

/** Any path through an `actions/` folder: the router is the only module that imports actions. */
const ACTIONS = {
  regex: '(^|/)actions(/|$)',
  message: 'Only router.ts imports actions; share code through a helper module.',
};

/** An action imports no other action, its own function's or another's: shared pieces live beside the router or in _lib. */
const actionBans = {
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        { regex: '^\\./', message: 'An action never imports another action: move the shared piece beside the router.' },
        ACTIONS,
      ],
    },
  ],
};

/** Calls to the cloud go through services/ only (cloud.ts, storage.ts), so local mode and tests can stand in for it. */
const wxCloudBans = {
  'no-restricted-syntax': [
    'error',
    {
      selector: "MemberExpression[object.name='wx'][property.name='cloud']",
      message: 'wx.cloud only in miniprogram/services/.',
    },
    {
      selector: "MemberExpression[object.name='wx'][property.value='cloud']",
      message: 'wx.cloud only in miniprogram/services/.',
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'miniprogram/**/miniprogram_npm/**',
      'miniprogram/**/*.js',
      'cloudfunctions/*/index.js',
      '.preview/**',
      '.preview-shots/**',
      '.data/**',
      'coverage/**',
      'jest.config.js',
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      complexity: ['error', 10],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
  },
  { files: ['cloudfunctions/*/src/actions/**/*.ts'], rules: actionBans },
  {
    files: ['cloudfunctions/**/*.ts'],
    ignores: ['cloudfunctions/*/src/actions/**', 'cloudfunctions/*/src/router.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [ACTIONS] }] },
  },
  {
    // The router imports its own actions (`./actions/…`), never another function's.
    files: ['cloudfunctions/*/src/router.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ ...ACTIONS, regex: '^\\.\\./.*(^|/)actions(/|$)' }] }] },
  },
  { files: ['miniprogram/**/*.ts'], ignores: ['miniprogram/services/**'], rules: wxCloudBans },
  // After the wx.cloud block: core/ bans `wx` altogether, and its own syntax list replaces that block's.
  { files: ['miniprogram/core/**/*.ts'], rules: coreBans },
  {
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', complexity: 'off' },
  },
);
