// ESLint flat config: typescript-eslint, complexity ≤ 10, and the purity rules of core/.
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
  { files: ['miniprogram/core/**/*.ts'], rules: coreBans },
  {
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', complexity: 'off' },
  },
);
