/**
 * Library components only subpackages render move into them (scripts/subpackage-npm.ts), and the library's
 * tslib is cut to the helpers it imports (scripts/tslib-subset.ts). Scratch apps with a tiny fake library.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { localiseSubpackageNpm, planSubpackageNpm } from '../../scripts/subpackage-npm';
import { usedTslibHelpers } from '../../scripts/tslib-subset';
import { scratchFolders, using } from '../support/scratch-app';

const scratch = scratchFolders('hqn-subnpm-');
const LIB = 'miniprogram_npm/ui';

/** A library component: four files, its js importing common code and tslib, its wxss the common style. */
function libComponent(name: string, children: Record<string, string> = {}): Record<string, string> {
  return {
    [`${LIB}/${name}/${name}.json`]: using(children),
    [`${LIB}/${name}/${name}.js`]: `import{__decorate}from"tslib";import{base}from"../common/base";import props from"./props";`,
    [`${LIB}/${name}/props.js`]: 'export default {};',
    [`${LIB}/${name}/${name}.wxml`]: '<wxs src="../common/utils.wxs" module="_"/><view/>',
    [`${LIB}/${name}/${name}.wxss`]: "@import '../common/style.wxss';.x{}",
  };
}

function app(): string {
  return scratch({
    'app.json': JSON.stringify({
      pages: ['pages/home/index'],
      subpackages: [
        { root: 'package-a', pages: ['pages/list/index'] },
        { root: 'package-b', pages: ['pages/view/index'] },
      ],
    }),
    'pages/home/index.json': using({ 'ui-button': 'ui/button/button' }),
    'package-a/pages/list/index.json': using({
      'ui-button': 'ui/button/button',
      'ui-tabs': 'ui/tabs/tabs',
      'ui-badge': 'ui/badge/badge',
      shared: '/components/state/index',
    }),
    'package-b/pages/view/index.json': using({ 'ui-badge': 'ui/badge/badge' }),
    // Our own component in the main package, used only by a subpackage: its library children stay in main.
    'components/state/index.json': using({ 'ui-empty': 'ui/empty/empty' }),
    ...libComponent('button'),
    ...libComponent('tabs', { 'ui-badge': '../badge/badge', 'ui-icon': '../icon/icon' }),
    ...libComponent('badge'),
    ...libComponent('icon'),
    ...libComponent('empty'),
    [`${LIB}/common/base.js`]: 'import{x}from"./deep";export const base=1;',
    [`${LIB}/common/deep.js`]: 'export const x=1;',
    [`${LIB}/common/unused.js`]: 'export const y=1;',
    [`${LIB}/common/utils.wxs`]: 'module.exports = {};',
    [`${LIB}/common/style.wxss`]: '.c{}',
    [`${LIB}/miniprogram_npm/tslib/index.js`]: 'exports.__decorate = function () {};',
  });
}

function tree(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(dir, join(d.parentPath, d.name)).split(sep).join('/'))
    .sort();
}

describe('library components only subpackages use', () => {
  it('go to each subpackage that renders them, never ones the main package renders', () => {
    const plan = planSubpackageNpm(app());
    expect(plan.map((p) => [p.pkg.root, p.components])).toEqual([
      ['package-a', ['ui/badge/badge', 'ui/icon/icon', 'ui/tabs/tabs']],
      ['package-b', ['ui/badge/badge']],
    ]);
  });

  it('are copied with everything they reference, so the copy works on its own', () => {
    const root = app();
    const [a, b] = localiseSubpackageNpm(root);
    expect(a.files).toBe(tree(join(root, 'package-a/miniprogram_npm')).length);
    expect(tree(join(root, 'package-a/miniprogram_npm'))).toEqual([
      'ui/badge/badge.js',
      'ui/badge/badge.json',
      'ui/badge/badge.wxml',
      'ui/badge/badge.wxss',
      'ui/badge/props.js',
      'ui/common/base.js',
      'ui/common/deep.js',
      'ui/common/style.wxss',
      'ui/common/utils.wxs',
      'ui/icon/icon.js',
      'ui/icon/icon.json',
      'ui/icon/icon.wxml',
      'ui/icon/icon.wxss',
      'ui/icon/props.js',
      'ui/miniprogram_npm/tslib/index.js',
      'ui/tabs/props.js',
      'ui/tabs/tabs.js',
      'ui/tabs/tabs.json',
      'ui/tabs/tabs.wxml',
      'ui/tabs/tabs.wxss',
    ]);
    expect(b.components).toEqual(['ui/badge/badge']);
    expect(tree(join(root, 'package-b/miniprogram_npm'))).toContain('ui/badge/badge.js');
    expect(tree(join(root, 'package-b/miniprogram_npm'))).not.toContain('ui/tabs/tabs.js');
  });

  it('are regenerated from scratch on every build, however the app changed', () => {
    const root = app();
    localiseSubpackageNpm(root);
    writeFileSync(join(root, 'package-a/miniprogram_npm/ui/stale.js'), '');
    writeFileSync(join(root, 'package-b/pages/view/index.json'), using({}));
    localiseSubpackageNpm(root);
    expect(tree(join(root, 'package-a/miniprogram_npm'))).not.toContain('ui/stale.js');
    expect(existsSync(join(root, 'package-b/miniprogram_npm'))).toBe(false);
    expect(readFileSync(join(root, 'package-a/miniprogram_npm/ui/tabs/tabs.js'), 'utf8')).toContain('tslib');
  });
});

describe('tslib subset', () => {
  it('collects the helpers the library imports by name, across files', () => {
    const root = scratch({
      'lib/a.js': 'import{__decorate}from"tslib";',
      'lib/b/b.js': 'import{__awaiter,__decorate}from"tslib";import x from"./x";',
      'lib/c.js': "import { __rest } from 'tslib';",
      'lib/miniprogram_npm/tslib/index.js': 'var __extends; require("tslib");',
    });
    expect(usedTslibHelpers(join(root, 'lib'))).toEqual(['__awaiter', '__decorate', '__rest']);
  });

  it('refuses to guess when a file uses tslib otherwise', () => {
    const root = scratch({ 'lib/a.js': 'import*as t from"tslib";' });
    expect(() => usedTslibHelpers(join(root, 'lib'))).toThrow('uses tslib other than by named import');
  });
});
