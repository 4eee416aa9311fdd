/**
 * The mini-program's packages as app.json declares them: the main package
 * (`pages`) and every subpackage (`subpackages`, root + pages). The preview,
 * the size gate, the icon subsetting and the tests read the layout from here,
 * so a new `package-<area>/` only needs its app.json entry.
 */
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';

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
