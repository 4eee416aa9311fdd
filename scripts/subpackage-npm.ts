/**
 * Library components that only subpackages render leave the main package.
 * `packNpmManually` writes TDesign into the main package's miniprogram_npm, and
 * every file there counts toward the main package, even t-tabs, which only
 * cadre pages use. WeChat resolves a bare usingComponents spec to the nearest
 * miniprogram_npm upward from the page, so a copy in
 * `<subpackage>/miniprogram_npm/` is what that subpackage's pages get, and the
 * main copy becomes an unused file that the upload (ignoreUploadUnusedFiles)
 * leaves out.
 *
 * What is copied: each such component with everything it references (its
 * child components, TDesign's common JS and styles, tslib), so the copy works
 * on its own. Components the main package renders are never copied: the
 * subpackage keeps using the main copy, with one instance of their state.
 */
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import {
  componentClosure,
  packageOfPath,
  packagesOf,
  reachableComponents,
  readAppJson,
  type MpPackage,
} from './mp-packages';

const NPM_DIR = 'miniprogram_npm';

export interface LocalNpm {
  pkg: MpPackage;
  /** The library components (relative to miniprogram_npm, e.g. `tdesign-miniprogram/tabs/tabs`) moved into it. */
  components: string[];
  /** How many files were copied. */
  files: number;
}

const toPosix = (p: string): string => p.split(sep).join('/');

/** Which library components only each subpackage renders (relative to miniprogram_npm). */
export function planSubpackageNpm(appRoot: string): Array<{ pkg: MpPackage; components: string[] }> {
  const app = readAppJson(appRoot);
  const npmRoot = join(appRoot, NPM_DIR);
  const isLibrary = (c: string): boolean => c.startsWith(`${npmRoot}${sep}`);
  const reach = (roots: string[]): string[] => reachableComponents(appRoot, roots, app.usingComponents);
  const [main, ...subs] = packagesOf(app);
  // Our components in the main package resolve library specs to the main copy, whoever uses them.
  const ownInMain = reach(subs.flatMap((s) => s.routes))
    .filter((c) => !isLibrary(c) && packageOfPath([main, ...subs], relative(appRoot, c)) === main)
    .map((c) => relative(appRoot, c));
  const inMain = new Set(reach([...main.routes, ...ownInMain]).filter(isLibrary));
  return subs
    .map((pkg) => ({ pkg, components: reach(pkg.routes).filter((c) => isLibrary(c) && !inMain.has(c)) }))
    .filter((p) => p.components.length > 0)
    .map(({ pkg, components }) => ({ pkg, components: components.map((c) => toPosix(relative(npmRoot, c))) }));
}

/** Regenerates every subpackage's miniprogram_npm (run after packing the library, like packNpm itself). */
export function localiseSubpackageNpm(appRoot: string): LocalNpm[] {
  const app = readAppJson(appRoot);
  for (const pkg of packagesOf(app))
    if (pkg.root !== null) rmSync(join(appRoot, pkg.root, NPM_DIR), { recursive: true, force: true });
  const npmRoot = join(appRoot, NPM_DIR);
  return planSubpackageNpm(appRoot).map(({ pkg, components }) => {
    const files = componentClosure(components.map((c) => join(npmRoot, c))).filter(
      (f) => f.startsWith(`${npmRoot}${sep}`) && !f.endsWith('.d.ts'),
    );
    for (const file of files) {
      const target = join(appRoot, pkg.root as string, NPM_DIR, relative(npmRoot, file));
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(file, target);
    }
    return { pkg, components, files: files.length };
  });
}
