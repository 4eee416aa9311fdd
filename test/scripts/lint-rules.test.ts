/**
 * The layer rules of the house style, proven: core/ may not touch wx, SDKs,
 * Node or the clock; only services/ calls wx.cloud; only a router imports
 * actions, and an action imports no other action.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');

type Case = [label: string, code: string, rule: string];
interface Probe {
  filePath: string;
  cases: Case[];
}

/** The config is ESM, so ESLint runs in its own process, once for every probe file. */
const LINT = `
import { ESLint } from 'eslint';
let input = '';
for await (const chunk of process.stdin) input += chunk;
const eslint = new ESLint();
const out = [];
for (const { filePath, code } of JSON.parse(input)) {
  const [report] = await eslint.lintText(code, { filePath });
  out.push(report.messages.map((m) => ({ line: m.line, ruleId: m.ruleId })));
}
process.stdout.write(JSON.stringify(out));
`;

/** Each case is one line of a file linted as if it lived at `filePath`; an empty rule means nothing may fire. */
const PROBES: Probe[] = [
  {
    filePath: 'miniprogram/core/__lint_probe__.ts',
    cases: [
      ['reads the clock', 'export const now = Date.now();', 'no-restricted-syntax'],
      ['creates today', 'export const today = new Date();', 'no-restricted-syntax'],
      ['uses randomness', 'export const r = Math.random();', 'no-restricted-syntax'],
      ['calls wx', "export const s = wx.getStorageSync('k');", 'no-restricted-globals'],
      ['calls wx.cloud', 'export const c = wx.cloud;', 'no-restricted-globals'],
      ['imports an SDK', "export * from '@cloudbase/node-sdk';", 'no-restricted-imports'],
      ['imports Node', "export { readFileSync } from 'node:fs';", 'no-restricted-imports'],
      ['imports a service', "export { call } from '../services/cloud';", 'no-restricted-imports'],
      ['(pure code that takes `now`)', 'export const later = (now: Date): Date => new Date(now.getTime() + 1000);', ''],
    ],
  },
  {
    filePath: 'miniprogram/pages/home/__lint_probe__.ts',
    cases: [
      ['calls the cloud', "export const c = wx.cloud.callFunction({ name: 'account' });", 'no-restricted-syntax'],
      ['reaches wx.cloud by key', "export const c = wx['cloud'];", 'no-restricted-syntax'],
      ['(other wx APIs)', "export const t = wx.showToast({ title: '好' });", ''],
      ['(calls through the service)', "export { call } from '../../services/cloud';", ''],
    ],
  },
  {
    filePath: 'miniprogram/services/__lint_probe__.ts',
    cases: [['(services call the cloud)', 'export const init = () => wx.cloud.init({ traceUser: true });', '']],
  },
  {
    filePath: 'cloudfunctions/nomination/src/actions/__lint_probe__.ts',
    cases: [
      ['imports a sibling action', "export { submitSelf } from './submit-self';", 'no-restricted-imports'],
      ['imports its own actions folder', "export { withdraw } from '../actions/withdraw';", 'no-restricted-imports'],
      [
        'imports another function’s action',
        "export { roster } from '../../../admin/src/actions/roster';",
        'no-restricted-imports',
      ],
      ['(a helper beside the router)', "export { toView } from '../view';", ''],
      ['(_lib)', "export { getOrg } from '../../../_lib/queries';", ''],
    ],
  },
  {
    filePath: 'cloudfunctions/nomination/src/__lint_probe__.ts',
    cases: [
      ['a helper imports an action', "export { withdraw } from './actions/withdraw';", 'no-restricted-imports'],
      ['(a helper imports a helper)', "export { keyOf } from './record';", ''],
    ],
  },
  {
    filePath: 'cloudfunctions/_lib/__lint_probe__.ts',
    cases: [
      ['_lib imports an action', "export { roster } from '../admin/src/actions/roster';", 'no-restricted-imports'],
    ],
  },
  {
    filePath: 'cloudfunctions/nomination/src/router.ts',
    cases: [
      ['(the router imports its actions)', "export { withdraw } from './actions/withdraw';", ''],
      [
        'the router imports another function’s',
        "export { roster } from '../../admin/src/actions/roster';",
        'no-restricted-imports',
      ],
    ],
  },
];

function lint(probes: Probe[]): Array<Array<{ line: number; ruleId: string | null }>> {
  const input = JSON.stringify(
    probes.map((p) => ({ filePath: p.filePath, code: p.cases.map((c) => c[1]).join('\n') })),
  );
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', LINT], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
  });
  return JSON.parse(out) as Array<Array<{ line: number; ruleId: string | null }>>;
}

const reports = lint(PROBES);

describe.each(PROBES.map((p, i) => [p.filePath, p.cases, reports[i]] as const))(
  'ESLint in %s',
  (_path, cases, messages) => {
    it.each(cases.map((c, i) => [...c, i + 1] as const))('%s → %s', (_label, _code, rule, line) => {
      const rules = messages.filter((m) => m.line === line).map((m) => m.ruleId);
      if (rule) expect(rules).toContain(rule);
      else expect(rules).toEqual([]);
    });
  },
);
