/**
 * The mini-program's packages as app.json declares them: the main package
 * (`pages`) and every subpackage (`subpackages`, root + pages). The preview,
 * the size gate, the icon subsetting and the tests read the layout from here,
 * so a new `package-<area>/` only needs its app.json entry.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';

export interface WindowOptions {
  navigationBarTitleText?: string;
  navigationBarBackgroundColor?: string;
  navigationBarTextStyle?: 'black' | 'white';
  navigationStyle?: 'default' | 'custom';
  backgroundColor?: string;
}

export interface SubpackageJson {
  root: string;
  name?: string;
  pages: string[];
  independent?: boolean;
}

export interface AppJson {
  pages: string[];
  /** WeChat accepts both spellings. */
  subpackages?: SubpackageJson[];
  subPackages?: SubpackageJson[];
  preloadRule?: Record<string, { network?: 'all' | 'wifi'; packages: string[] }>;
  window?: WindowOptions;
  usingComponents?: Record<string, string>;
  tabBar?: { list: Array<{ pagePath: string; text: string; iconPath?: string; selectedIconPath?: string }> };
}

export interface MpPackage {
  /** `main`, or the subpackage's `name` (its root when unnamed). */
  name: string;
  /** Folder under the app root without slashes (`package-admin`); `null` for the main package. */
  root: string | null;
  /** App-root-relative routes, e.g. `package-admin/pages/admin/index`. */
  routes: string[];
}

export const MAIN = 'main';

export function readAppJson(appRoot: string): AppJson {
  return JSON.parse(readFileSync(join(appRoot, 'app.json'), 'utf8')) as AppJson;
}

const trimSlashes = (p: string): string => p.replace(/^\/+|\/+$/g, '');

export function subpackagesOf(app: AppJson): SubpackageJson[] {
  return [...(app.subpackages ?? []), ...(app.subPackages ?? [])];
}

/** The main package first, then the subpackages in app.json order. */
export function packagesOf(app: AppJson): MpPackage[] {
  const subs = subpackagesOf(app).map((s): MpPackage => {
    const root = trimSlashes(s.root);
    return { name: s.name ?? root, root, routes: s.pages.map((p) => posix.join(root, trimSlashes(p))) };
  });
  return [{ name: MAIN, root: null, routes: app.pages.map(trimSlashes) }, ...subs];
}

/** Every page route of the app: the main package's, then each subpackage's (the first is the launch page). */
export function appRoutes(app: AppJson): string[] {
  return packagesOf(app).flatMap((p) => p.routes);
}

/** The package an app-root-relative file path belongs to: a subpackage by its root folder, else the main package. */
export function packageOfPath(packages: MpPackage[], path: string): MpPackage {
  const rel = trimSlashes(path.replace(/\\/g, '/'));
  const sub = packages.find((p) => p.root !== null && (rel === p.root || rel.startsWith(`${p.root}/`)));
  return sub ?? (packages.find((p) => p.root === null) as MpPackage);
}

/**
 * Whether code or a component at `from` may use `to` (both app-root-relative): anything may use the main
 * package, a subpackage may use itself, and nothing else resolves on a phone (an independent subpackage
 * cannot even use the main package).
 */
export function mayReference(app: AppJson, from: string, to: string): boolean {
  const packages = packagesOf(app);
  const source = packageOfPath(packages, from);
  const target = packageOfPath(packages, to);
  if (source === target) return true;
  const independent = subpackagesOf(app).some((s) => s.independent === true && trimSlashes(s.root) === source.root);
  return target.root === null && !independent;
}

// ---------------------------------------------------------------- components and the files they pull in

const isComponent = (p: string): boolean => existsSync(`${p}.json`);

/** A usingComponents spec as WeChat resolves it: `/x` root-relative, `./x` relative, bare via miniprogram_npm upward. */
export function resolveSpec(appRoot: string, fromFile: string, spec: string): string | null {
  if (spec.startsWith('/')) return isComponent(join(appRoot, spec)) ? join(appRoot, spec) : null;
  const local = join(dirname(fromFile), spec);
  if (spec.startsWith('.')) return isComponent(local) ? local : null;
  for (let dir = dirname(fromFile); ; dir = dirname(dir)) {
    const base = join(dir, 'miniprogram_npm', spec);
    const found = [base, join(base, 'index')].find(isComponent);
    if (found) return found;
    // WeChat also accepts a plain relative path without `./`.
    if (dir === appRoot || dir === dirname(dir)) return isComponent(local) ? local : null;
  }
}

/**
 * Every component (absolute, without extension) that `roots` (app-relative pages or components) reach through
 * usingComponents, npm ones included; app.json's global `appUsing` apply to the roots.
 */
export function reachableComponents(appRoot: string, roots: string[], appUsing: Record<string, string> = {}): string[] {
  const seen = new Set<string>();
  const visit = (file: string, extra: Record<string, string>): void => {
    if (seen.has(file) || !isComponent(file)) return;
    seen.add(file);
    const json = JSON.parse(readFileSync(`${file}.json`, 'utf8')) as { usingComponents?: Record<string, string> };
    for (const spec of Object.values({ ...extra, ...(json.usingComponents ?? {}) })) {
      const target = resolveSpec(appRoot, file, spec);
      if (target !== null) visit(target, {});
    }
  };
  for (const root of roots) visit(join(appRoot, root), appUsing);
  return [...seen].sort();
}

const JS_REF = /(?:\bfrom\s*|\bimport\s*|\brequire\(\s*)["']([^"']+)["']/g;
const TEMPLATE_REF = /<(?:import|include|wxs)\b[^>]*?\bsrc\s*=\s*["']([^"']+)["']/g;
const WXSS_REF = /@import\s+["']([^"']+)["']/g;
const WXS_REF = /\brequire\(\s*["']([^"']+)["']\s*\)/g;

function existingFile(base: string, suffixes: string[]): string | null {
  return [base, ...suffixes.map((s) => `${base}${s}`)].find((f) => existsSync(f) && statSync(f).isFile()) ?? null;
}

/** A bare JS import (`tslib`) the way the mini-program's require finds it: the nearest miniprogram_npm upward. */
function npmModule(fromFile: string, spec: string): string | null {
  for (let dir = dirname(fromFile); dir !== dirname(dir); dir = dirname(dir)) {
    const found = existingFile(join(dir, 'miniprogram_npm', spec), ['.js', '/index.js']);
    if (found) return found;
  }
  return null;
}

function jsonRefs(file: string, text: string): string[] {
  const json = JSON.parse(text) as { usingComponents?: Record<string, string> };
  return Object.values(json.usingComponents ?? {})
    .filter((spec) => spec.startsWith('.'))
    .flatMap((spec) => ['.js', '.json', '.wxml', '.wxss'].map((ext) => `${join(dirname(file), spec)}${ext}`))
    .filter((f) => existsSync(f));
}

/** The files one file of a library pulls in: JS imports, templates, wxs modules, styles, relative child components. */
export function referencedFiles(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const rel = (re: RegExp, suffixes: string[]): string[] =>
    [...text.matchAll(re)]
      .map((m) => (m[1].startsWith('.') ? existingFile(join(dirname(file), m[1]), suffixes) : null))
      .filter((f): f is string => f !== null);
  if (file.endsWith('.json')) return jsonRefs(file, text);
  if (file.endsWith('.wxml')) return rel(TEMPLATE_REF, ['.wxml', '.wxs']);
  if (file.endsWith('.wxss')) return rel(WXSS_REF, ['.wxss']);
  if (file.endsWith('.wxs')) return rel(WXS_REF, ['.wxs']);
  const bare = [...text.matchAll(JS_REF)].filter((m) => !m[1].startsWith('.')).map((m) => npmModule(file, m[1]));
  return [...rel(JS_REF, ['.js', '/index.js']), ...bare.filter((f): f is string => f !== null)];
}

/** Components' own four files and everything they reference, transitively (absolute paths, sorted). */
export function componentClosure(components: string[]): string[] {
  const queue = components.flatMap((c) => ['.js', '.json', '.wxml', '.wxss'].map((ext) => `${c}${ext}`));
  const seen = new Set<string>();
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    queue.push(...referencedFiles(file));
  }
  return [...seen].sort();
}
