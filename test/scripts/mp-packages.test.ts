/**
 * The package layout of app.json, and the rules a phone enforces on it: a subpackage may use the main package
 * and itself, nothing else; every page a URL or a notification opens exists; preloading names real packages.
 * The jest page tests and the browser preview load every file from one tree, so only these checks would
 * notice a page that WeChat cannot load.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative, sep } from 'node:path';
import {
  appRoutes,
  mayReference,
  packageOfPath,
  packagesOf,
  readAppJson,
  resolveSpec,
  type AppJson,
} from '../../scripts/mp-packages';

const ROOT = join(__dirname, '../..');
const MP = join(ROOT, 'miniprogram');
const REAL = readAppJson(MP);

const APP: AppJson = {
  pages: ['pages/home/index', '/pages/mine/index'],
  subpackages: [
    { root: 'package-admin/', name: 'admin', pages: ['pages/admin/index'] },
    { root: 'package-notice', pages: ['pages/notice/index'] },
    { root: 'package-share', independent: true, pages: ['pages/card/index'] },
  ],
};

function filesUnder(dir: string, ext: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    if (d.name === 'miniprogram_npm' || d.name === 'node_modules' || d.name.startsWith('.')) return [];
    const path = join(dir, d.name);
    if (d.isDirectory()) return filesUnder(path, ext);
    return ext.test(d.name) && !d.name.endsWith('.d.ts') ? [path] : [];
  });
}

const rel = (file: string): string => relative(MP, file).split(sep).join('/');

describe('app.json packages', () => {
  it('lists the main package, then each subpackage with its routes under its root', () => {
    expect(packagesOf(APP)).toEqual([
      { name: 'main', root: null, routes: ['pages/home/index', 'pages/mine/index'] },
      { name: 'admin', root: 'package-admin', routes: ['package-admin/pages/admin/index'] },
      { name: 'package-notice', root: 'package-notice', routes: ['package-notice/pages/notice/index'] },
      { name: 'package-share', root: 'package-share', routes: ['package-share/pages/card/index'] },
    ]);
    expect(appRoutes(APP)[0]).toBe('pages/home/index');
  });

  it.each([
    ['app.js', null],
    ['miniprogram_npm/tdesign-miniprogram/tabs/tabs.js', null],
    ['package-admin', 'package-admin'],
    ['package-admin/miniprogram_npm/tdesign-miniprogram/tabs/tabs.js', 'package-admin'],
    ['/package-notice/pages/notice/index.json', 'package-notice'],
    ['package-admin2/x.js', null],
  ])('puts %s in package %s', (path, root) => {
    expect(packageOfPath(packagesOf(APP), path).root).toBe(root);
  });

  it.each([
    ['pages/home/index', 'components/card/index', true],
    ['package-admin/pages/admin/index', 'components/card/index', true],
    ['package-admin/pages/admin/index', 'package-admin/components/chips/index', true],
    ['pages/home/index', 'package-admin/components/chips/index', false],
    ['package-notice/pages/notice/index', 'package-admin/components/chips/index', false],
    ['package-share/pages/card/index', 'components/card/index', false],
    ['package-share/pages/card/index', 'package-share/components/x/index', true],
  ])('lets %s use %s: %s', (from, to, allowed) => {
    expect(mayReference(APP, from, to)).toBe(allowed);
  });
});

describe('the real mini-program', () => {
  it('has the files of every page of every package', () => {
    const missing = appRoutes(REAL).filter((r) => !['.json', '.wxml', '.ts'].every((e) => existsSync(join(MP, r + e))));
    expect(missing).toEqual([]);
  });

  it('keeps every component and import within what its package may use', () => {
    const problems: string[] = [];
    for (const file of filesUnder(MP, /\.json$/)) {
      const json = JSON.parse(readFileSync(file, 'utf8')) as { usingComponents?: Record<string, string> };
      for (const [tag, spec] of Object.entries(json.usingComponents ?? {})) {
        const target = resolveSpec(MP, file.replace(/\.json$/, ''), spec);
        if (target === null) problems.push(`${rel(file)}: <${tag}> ${spec} not found`);
        else if (!mayReference(REAL, rel(file), rel(target))) problems.push(`${rel(file)}: <${tag}> → ${rel(target)}`);
      }
    }
    for (const file of filesUnder(MP, /\.ts$/)) {
      for (const m of readFileSync(file, 'utf8').matchAll(/from\s+'(\.{1,2}\/[^']+)'/g)) {
        const target = rel(join(dirname(file), m[1]));
        if (!mayReference(REAL, rel(file), target)) problems.push(`${rel(file)} imports ${target}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('opens only pages that exist, from the mini-program and from notifications', () => {
    const routes = new Set(appRoutes(REAL));
    const ROUTE = /['"`]\/?((?:package-[a-z0-9-]+\/)?pages\/[a-z0-9/-]+\/index)(?=[?'"`])/g;
    const files = [...filesUnder(MP, /\.ts$/), ...filesUnder(join(ROOT, 'cloudfunctions'), /\.ts$/)];
    const used = files.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(ROUTE)].map((m) => m[1]));
    expect(used.length).toBeGreaterThan(10);
    expect(used.filter((r) => !routes.has(r))).toEqual([]);
  });

  it('preloads only subpackages that exist, from pages that exist', () => {
    const names = new Set(packagesOf(REAL).flatMap((p) => (p.root === null ? [] : [p.name, p.root])));
    const rules = Object.entries(REAL.preloadRule ?? {});
    expect(rules.length).toBeGreaterThan(0);
    for (const [page, rule] of rules) {
      expect(appRoutes(REAL)).toContain(posix.normalize(page));
      for (const pkg of rule.packages) expect(names).toContain(pkg);
    }
  });
});
