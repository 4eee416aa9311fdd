/**
 * Ships only the TDesign icons the app can render. TDesign's icon.wxss holds a
 * `.t-icon-<name>:before` rule for each of its ~2,350 icons (105 KB, the largest
 * file of the main package); the glyphs come from a font on TDesign's CDN, so
 * the wxss is all there is to trim. The build rewrites the packed icon.wxss to
 * the names found in our templates and TypeScript and in the TDesign
 * components we render (their defaults such as t-cell's `chevron-right`).
 *
 * Finding names errs on the side of keeping: every quoted string that is an
 * icon name counts, and a quoted prefix ending in `-` (TDesign's checkbox
 * builds `'check-' + icon + '-filled'`) keeps every icon it can start.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import postcss from 'postcss';
import { appRoutes, componentClosure, reachableComponents, readAppJson } from './mp-packages';

export const ICON_WXSS = 'miniprogram_npm/tdesign-miniprogram/icon/icon.wxss';

const ICON_RULE = /^\.t-icon-([a-z0-9-]+):before$/;
const QUOTED = /(['"`])([a-z0-9][a-z0-9-]*)\1/g;
const SOURCE_EXT = /\.(ts|wxml|wxs)$/;

/** Every icon name an icon.wxss defines, in file order. */
export function iconNames(css: string): string[] {
  const names: string[] = [];
  postcss.parse(css).walkRules((rule) => {
    const m = ICON_RULE.exec(rule.selector);
    if (m) names.push(m[1]);
  });
  return names;
}

/** icon.wxss with only the `.t-icon-<name>:before` rules of `keep`; the font face and base rules stay. */
export function pruneIconCss(css: string, keep: ReadonlySet<string>): string {
  const root = postcss.parse(css);
  root.walkRules((rule) => {
    const m = ICON_RULE.exec(rule.selector);
    if (m && !keep.has(m[1])) rule.remove();
  });
  return root.toString();
}

/** The icon names a source text can ask for: quoted names, and every name a quoted `prefix-` can start. */
export function iconsIn(text: string, available: ReadonlySet<string>): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(QUOTED)) {
    const word = m[2];
    if (available.has(word)) found.add(word);
    if (word.endsWith('-')) for (const name of available) if (name.startsWith(word)) found.add(name);
  }
  return [...found];
}

// ---------------------------------------------------------------- what to scan

/** Our own sources: templates, wxs and TypeScript anywhere under the app root except miniprogram_npm. */
function ownSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    if (d.name === 'miniprogram_npm' || d.name.startsWith('.')) return [];
    const path = join(dir, d.name);
    if (d.isDirectory()) return ownSources(path);
    return SOURCE_EXT.test(d.name) && !d.name.endsWith('.d.ts') ? [path] : [];
  });
}

const isLibrary = (file: string): boolean => file.split(sep).includes('miniprogram_npm');
/** TDesign's own components: only they draw `t-icon`s (our kit's bundles, e.g. the chart, never do). */
const isTDesign = (file: string): boolean => file.split(sep).includes('tdesign-miniprogram');

/** The library files our pages render: each TDesign component's js (props and defaults), templates and wxs. */
function libraryFiles(appRoot: string): string[] {
  const app = readAppJson(appRoot);
  const components = reachableComponents(appRoot, appRoutes(app), app.usingComponents).filter(isLibrary);
  return componentClosure(components).filter((f) => isTDesign(f) && /\.(js|wxml|wxs)$/.test(f));
}

/** Icon name → the app-relative files that ask for it. */
export function usedIcons(appRoot: string, available: ReadonlySet<string>): Map<string, string[]> {
  const files = [...ownSources(appRoot), ...libraryFiles(appRoot)];
  const used = new Map<string, string[]>();
  for (const file of files) {
    for (const name of iconsIn(readFileSync(file, 'utf8'), available)) {
      used.set(name, [...(used.get(name) ?? []), relative(appRoot, file).split(sep).join('/')]);
    }
  }
  return new Map([...used].sort(([a], [b]) => a.localeCompare(b)));
}

/** The build step: rewrite the packed icon.wxss in place; returns the names kept and how many there were. */
export function subsetIcons(appRoot: string): { kept: string[]; total: number; bytes: [number, number] } {
  const file = join(appRoot, ICON_WXSS);
  const css = readFileSync(file, 'utf8');
  const all = iconNames(css);
  const kept = [...usedIcons(appRoot, new Set(all)).keys()];
  const out = pruneIconCss(css, new Set(kept));
  writeFileSync(file, out);
  return { kept, total: all.length, bytes: [Buffer.byteLength(css), Buffer.byteLength(out)] };
}
