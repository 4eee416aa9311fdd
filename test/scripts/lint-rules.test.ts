/** The layer rule of the house style, proven: core/ may not touch wx, SDKs, Node or the clock. */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');

/** Lints `code` as if it were a file in miniprogram/core/ (the config is ESM, so ESLint runs in its own process). */
function lintAsCore(code: string): Array<{ line: number; ruleId: string | null }> {
  let out: string;
  try {
    out = execFileSync(
      process.execPath,
      [
        join(ROOT, 'node_modules/eslint/bin/eslint.js'),
        '--stdin',
        '--stdin-filename',
        'miniprogram/core/__lint_probe__.ts',
        '--format',
        'json',
      ],
      { cwd: ROOT, input: code, encoding: 'utf8' },
    );
  } catch (e) {
    // ESLint exits 1 when it finds problems; the report is still on stdout.
    out = (e as { stdout: string }).stdout;
  }
  const [report] = JSON.parse(out) as Array<{ messages: Array<{ line: number; ruleId: string | null }> }>;
  return report.messages;
}

const CASES: Array<[string, string, string]> = [
  ['reads the clock', 'export const now = Date.now();', 'no-restricted-syntax'],
  ['creates today', 'export const today = new Date();', 'no-restricted-syntax'],
  ['uses randomness', 'export const r = Math.random();', 'no-restricted-syntax'],
  ['calls wx', "export const s = wx.getStorageSync('k');", 'no-restricted-globals'],
  ['imports an SDK', "export * from '@cloudbase/node-sdk';", 'no-restricted-imports'],
  ['imports Node', "export { readFileSync } from 'node:fs';", 'no-restricted-imports'],
  ['imports a service', "export { call } from '../services/cloud';", 'no-restricted-imports'],
  ['(pure code that takes `now`)', 'export const later = (now: Date): Date => new Date(now.getTime() + 1000);', ''],
];

describe('core/ purity (ESLint)', () => {
  const messages = lintAsCore(CASES.map(([, code]) => code).join('\n'));

  it.each(CASES.map((c, i) => [...c, i + 1] as const))('%s → %s', (_label, _code, rule, line) => {
    const rules = messages.filter((m) => m.line === line).map((m) => m.ruleId);
    if (rule) expect(rules).toContain(rule);
    else expect(rules).toEqual([]);
  });
});
