/**
 * Our components only subpackages render (`subpackage-kit/`, the chart) are bundled as a library into
 * `miniprogram_npm/hqn-kit/`, and from there copied into each subpackage that declares them, never counted in
 * the main package. A scratch app with a tiny kit component that imports a module of its own.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildSubpackageKit } from '../../scripts/subpackage-kit';
import { localiseSubpackageNpm, planSubpackageNpm } from '../../scripts/subpackage-npm';
import { scratchFolders, using } from '../support/scratch-app';

const scratch = scratchFolders('hqn-kit-');

function app(): string {
  return scratch({
    'app.json': JSON.stringify({
      pages: ['pages/home/index'],
      subpackages: [
        { root: 'package-a', pages: ['pages/board/index'] },
        { root: 'package-b', pages: ['pages/list/index'] },
      ],
    }),
    'pages/home/index.json': using({}),
    'package-a/pages/board/index.json': using({ chart: 'hqn-kit/chart/index' }),
    'package-b/pages/list/index.json': using({}),
    'subpackage-kit/chart/index.ts': "import { label } from './model';\nComponent({ data: { text: label(2) } });\n",
    'subpackage-kit/chart/model.ts': 'export const label = (n: number): string => `${n} 人`;\n',
    'subpackage-kit/chart/index.json': using({}),
    'subpackage-kit/chart/index.wxml': '<view>{{text}}</view>',
    'subpackage-kit/chart/index.wxss': '.chart{}',
  });
}

describe('the subpackage kit', () => {
  it('is bundled into miniprogram_npm/hqn-kit, its imports inlined', async () => {
    const root = app();
    const built = await buildSubpackageKit(root);
    expect(built.map((k) => k.name)).toEqual(['chart']);
    const js = readFileSync(join(root, 'miniprogram_npm/hqn-kit/chart/index.js'), 'utf8');
    expect(js).toContain('Component(');
    expect(js).not.toMatch(/require\(["']\.\/model["']\)/);
    for (const ext of ['json', 'wxml', 'wxss'])
      expect(existsSync(join(root, `miniprogram_npm/hqn-kit/chart/index.${ext}`))).toBe(true);
  });

  it('goes into the subpackages that declare it and nowhere else', async () => {
    const root = app();
    await buildSubpackageKit(root);
    expect(planSubpackageNpm(root).map((p) => [p.pkg.root, p.components])).toEqual([
      ['package-a', ['hqn-kit/chart/index']],
    ]);
    localiseSubpackageNpm(root);
    expect(existsSync(join(root, 'package-a/miniprogram_npm/hqn-kit/chart/index.js'))).toBe(true);
    expect(existsSync(join(root, 'package-b/miniprogram_npm'))).toBe(false);
  });

  it('is rebuilt from scratch: a removed kit component leaves no stale bundle', async () => {
    const root = app();
    await buildSubpackageKit(root);
    rmSync(join(root, 'subpackage-kit'), { recursive: true });
    expect(await buildSubpackageKit(root)).toEqual([]);
    expect(existsSync(join(root, 'miniprogram_npm/hqn-kit'))).toBe(false);
  });
});
