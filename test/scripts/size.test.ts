/**
 * The size gate's arithmetic: compiled files attributed to packages by their root folder, and the budgets
 * (main 400 KB, each subpackage 1 MB). The real offline compile runs as `npm run size` at the end of `npm test`.
 */
import { packagesOf, type AppJson } from '../../scripts/mp-packages';
import {
  formatSizes,
  MAIN_PACKAGE_LIMIT,
  overBudget,
  sizesByPackage,
  SUBPACKAGE_LIMIT,
  type FileSize,
} from '../../scripts/size';

const KB = 1024;
const APP: AppJson = {
  pages: ['pages/home/index'],
  subpackages: [
    { root: 'package-admin', name: 'admin', pages: ['pages/admin/index'] },
    { root: 'package-notice/', pages: ['pages/notice/index'] },
  ],
};
const PACKAGES = packagesOf(APP);

describe('size gate', () => {
  it('attributes a file to the subpackage whose root folder holds it, everything else to the main package', () => {
    const files: FileSize[] = [
      ['app.js', 1],
      ['pages/home/index.js', 2],
      ['miniprogram_npm/tdesign-miniprogram/tabs/tabs.js', 4],
      ['@babel/runtime/helpers/typeof.js', 8],
      ['package-admin/pages/admin/index.js', 16],
      ['package-admin/miniprogram_npm/tdesign-miniprogram/tabs/tabs.js', 32],
      // A folder whose name only starts like a root is not in that subpackage.
      ['package-administration/x.js', 64],
      ['package-notice/pages/notice/index.wxml', 128],
    ];
    const sizes = sizesByPackage(files, PACKAGES);
    expect(sizes.map((s) => [s.name, s.root, s.bytes, s.files])).toEqual([
      ['main', null, 1 + 2 + 4 + 8 + 64, 5],
      ['admin', 'package-admin', 16 + 32, 2],
      ['package-notice', 'package-notice', 128, 1],
    ]);
    expect(sizes.map((s) => s.limit)).toEqual([MAIN_PACKAGE_LIMIT, SUBPACKAGE_LIMIT, SUBPACKAGE_LIMIT]);
    expect(sizes[0].largest).toEqual([
      ['package-administration/x.js', 64],
      ['@babel/runtime/helpers/typeof.js', 8],
      ['miniprogram_npm/tdesign-miniprogram/tabs/tabs.js', 4],
      ['pages/home/index.js', 2],
      ['app.js', 1],
    ]);
  });

  it('reads the subpackages under either spelling app.json accepts', () => {
    const app: AppJson = { pages: ['pages/a/index'], subPackages: [{ root: 'package-x', pages: ['pages/b/index'] }] };
    const sizes = sizesByPackage([['package-x/pages/b/index.js', 5]], packagesOf(app));
    expect(sizes.map((s) => [s.root, s.bytes])).toEqual([
      [null, 0],
      ['package-x', 5],
    ]);
  });

  it('budgets 400 KB for the main package and 1 MB for every subpackage', () => {
    expect(MAIN_PACKAGE_LIMIT).toBe(400 * KB);
    expect(SUBPACKAGE_LIMIT).toBe(1024 * KB);
  });

  it.each([
    ['all at their limits', 400 * KB, 1024 * KB, []],
    ['the main package one byte over', 400 * KB + 1, 10, ['主包超过 400.0 KB：400.0 KB']],
    ['a subpackage one byte over', 10, 1024 * KB + 1, ['分包 package-admin超过 1024.0 KB：1024.0 KB']],
  ])('passes or fails with %s', (_case, main, admin, expected) => {
    const sizes = sizesByPackage(
      [
        ['app.js', main],
        ['package-admin/a.js', admin],
      ],
      PACKAGES,
    );
    expect(overBudget(sizes)).toEqual(expected);
  });

  it('prints each package with its limit and largest files, then the total', () => {
    const text = formatSizes(
      sizesByPackage(
        [
          ['app.js', 2 * KB],
          ['package-admin/a.js', 3 * KB],
        ],
        PACKAGES,
      ),
    );
    expect(text.split('\n')).toEqual([
      '主包 main package: 2.0 KB in 1 files (limit 400.0 KB)',
      '      2.0 KB  app.js',
      '分包 subpackage package-admin/ (admin): 3.0 KB in 1 files (limit 1024.0 KB)',
      '      3.0 KB  package-admin/a.js',
      '分包 subpackage package-notice/ (package-notice): 0.0 KB in 0 files (limit 1024.0 KB)',
      '总计 all packages: 5.0 KB',
    ]);
  });
});
