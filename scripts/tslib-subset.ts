/**
 * TDesign ships all of tslib (11 KB in the main package) and imports three of
 * its helpers. As with zod/mini, the build replaces the packed copy with a
 * bundle of only the helpers TDesign's files import, taken from tslib's own
 * ES module (devDependency pinned to the version packNpm's copy matches).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

/** The packed tslib that TDesign's files resolve `tslib` to. */
export const TSLIB_INDEX = 'miniprogram_npm/tdesign-miniprogram/miniprogram_npm/tslib/index.js';

const NAMED_IMPORT = /import\s*\{([^}]*)\}\s*from\s*["']tslib["']/g;
const ANY_USE = /["']tslib["']/g;

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return d.name === 'miniprogram_npm' ? [] : jsFiles(path);
    return d.name.endsWith('.js') ? [path] : [];
  });
}

/**
 * The tslib helpers the library's files import by name. Any other use of tslib (a namespace import, a
 * require) throws: the subset could then miss a helper, so the build must stop rather than guess.
 */
export function usedTslibHelpers(libDir: string): string[] {
  const used = new Set<string>();
  for (const file of jsFiles(libDir)) {
    const text = readFileSync(file, 'utf8');
    const named = [...text.matchAll(NAMED_IMPORT)];
    if (named.length !== [...text.matchAll(ANY_USE)].length) {
      throw new Error(`${file} uses tslib other than by named import; cannot subset tslib`);
    }
    for (const m of named) for (const name of m[1].split(',')) if (name.trim()) used.add(name.trim());
  }
  return [...used].sort();
}

/** Overwrites the packed tslib with a CommonJS bundle of just those helpers; returns their names. */
export async function bundleTslibSubset(appRoot: string): Promise<string[]> {
  const names = usedTslibHelpers(join(appRoot, 'miniprogram_npm/tdesign-miniprogram'));
  await build({
    stdin: {
      contents: `export { ${names.join(', ')} } from 'tslib/tslib.es6.mjs';`,
      resolveDir: appRoot,
      loader: 'js',
    },
    bundle: true,
    format: 'cjs',
    platform: 'neutral',
    target: 'es2018',
    minify: true,
    outfile: join(appRoot, TSLIB_INDEX),
    logLevel: 'warning',
  });
  return names;
}
