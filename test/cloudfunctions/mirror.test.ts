/**
 * The action tests mirror the actions: `cloudfunctions/<fn>/src/actions/<file>.ts` is tested by
 * `test/cloudfunctions/<fn>/actions/<file>.test.ts`. A new action file without its test file fails here, and
 * so does a test file whose action was renamed or removed. Actions a router writes inline are tested in
 * `test/cloudfunctions/<fn>/router.test.ts`; every function has tests of its own.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CONTRACTS, ROUTERS, type FunctionName } from '../../scripts/local/functions';

const ROOT = join(__dirname, '../..');

/** The names in `dir` ending with `suffix`, without it (none if the folder does not exist). */
function named(dir: string, suffix: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(suffix))
    .map((name) => name.slice(0, -suffix.length))
    .sort();
}

/** Action files without a test file, and test files without an action file. */
function mirrorGaps(actions: string[], tests: string[]): { untested: string[]; orphaned: string[] } {
  return {
    untested: actions.filter((a) => !tests.includes(a)),
    orphaned: tests.filter((t) => !actions.includes(t)),
  };
}

const functions = readdirSync(join(ROOT, 'cloudfunctions'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && !d.name.startsWith('_') && existsSync(join(ROOT, 'cloudfunctions', d.name, 'src')))
  .map((d) => d.name)
  .sort();
const actionsOf = (fn: string) => named(join(ROOT, 'cloudfunctions', fn, 'src/actions'), '.ts');
const actionTestsOf = (fn: string) => named(join(ROOT, 'test/cloudfunctions', fn, 'actions'), '.test.ts');

describe('action tests mirror the action files', () => {
  it.each([
    ['every action tested', ['review', 'withdraw'], ['review', 'withdraw'], { untested: [], orphaned: [] }],
    ['a new action', ['review', 'withdraw'], ['review'], { untested: ['withdraw'], orphaned: [] }],
    ['a renamed action', ['decide'], ['review'], { untested: ['decide'], orphaned: ['review'] }],
  ])('the check sees %s', (_label, actions, tests, gaps) => {
    expect(mirrorGaps(actions, tests)).toEqual(gaps);
  });

  it('finds the functions and their action files', () => {
    expect(functions).toEqual(expect.arrayContaining(['account', 'admin', 'nomination']));
    expect(functions.flatMap(actionsOf).length).toBeGreaterThanOrEqual(19);
  });

  it.each(functions)('%s: each action file has its test file, and each test file its action file', (fn) => {
    expect({ fn, ...mirrorGaps(actionsOf(fn), actionTestsOf(fn)) }).toEqual({ fn, untested: [], orphaned: [] });
  });

  it.each(functions)('%s has tests of its own', (fn) => {
    const routerTest = existsSync(join(ROOT, 'test/cloudfunctions', fn, 'router.test.ts'));
    expect({ fn, tested: actionTestsOf(fn).length > 0 || routerTest }).toEqual({ fn, tested: true });
  });

  it('each function has a router for its contract, the one the harness types calls with', () => {
    expect(Object.keys(ROUTERS).sort()).toEqual(functions);
    for (const fn of Object.keys(CONTRACTS) as FunctionName[]) expect(ROUTERS[fn].name).toBe(CONTRACTS[fn].name);
  });
});
