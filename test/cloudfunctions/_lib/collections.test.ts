/** The registry: unique names, `C` and the embedded indexes derived from it, and no collection in code it lacks. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { C, INDEXES, REGISTRY } from '../../../cloudfunctions/_lib/collections';

const ROOT = join(__dirname, '../../..');
const declared: string[] = REGISTRY.map((d) => d.name);

/** TypeScript sources of the code that runs against real data (the functions, the dev server, seed and benches). */
function sources(): Array<{ path: string; text: string }> {
  return ['cloudfunctions', 'scripts'].flatMap((dir) =>
    readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts') && !f.split('/').includes('node_modules'))
      .map((f) => join(dir, f))
      // Measures the store alone, on a synthetic collection of its own.
      .filter((path) => path !== 'scripts/bench/store.ts')
      .map((path) => ({ path, text: readFileSync(join(ROOT, path), 'utf8') })),
  );
}

/** Collection names code refers to: `C.name`, or a literal passed to `.collection(…)`. */
function namesUsed(text: string): string[] {
  const viaC = [...text.matchAll(/\bC\.([A-Za-z_$][\w$]*)/g)].map((m) => m[1]);
  const literal = [...text.matchAll(/\.collection(?:<[^>]*>)?\(\s*['"`]([^'"`]+)['"`]/g)].map((m) => m[1]);
  return [...viaC, ...literal];
}

describe('collection registry', () => {
  it('names each collection once', () => {
    expect(new Set(declared).size).toBe(declared.length);
  });

  it('C maps every declared name to itself', () => {
    expect(C).toEqual(Object.fromEntries(declared.map((n) => [n, n])));
  });

  it('gives the embedded store one index per field any declared index names', () => {
    expect(INDEXES.nominations).toEqual([
      'periodId',
      'unitId',
      'status',
      'districtId',
      'category',
      'politicalStatus',
      'education',
      'name',
      'youthOpenid',
      'eraseAfter',
    ]);
    expect(INDEXES.accounts).toEqual([]);
    expect(Object.keys(INDEXES)).toEqual(declared);
  });

  const uses = sources().flatMap(({ path, text }) => namesUsed(text).map((name) => ({ path, name })));

  it('declares every collection the code uses', () => {
    const undeclared = uses
      .filter((u) => !declared.includes(u.name))
      .map((u) => `${relative(ROOT, u.path)}: ${u.name}`);
    expect(undeclared).toEqual([]);
  });

  it('declares no collection the code never uses (it would be created empty in production)', () => {
    const used = new Set(uses.map((u) => u.name));
    expect(declared.filter((n) => !used.has(n))).toEqual([]);
  });
});
