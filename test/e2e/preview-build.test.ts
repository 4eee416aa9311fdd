/**
 * The preview build itself: fast, deterministic, offline (no CDN font), pages
 * discovered from app.json with missing ones skipped, and the CSS transforms
 * that make TDesign look right at phone scale. Needs miniprogram_npm (npm run build).
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildPreview,
  prefixSelector,
  resolveComponent,
  rpxToPx,
  withGenericFamily,
} from '../../scripts/preview/build';
import { parseUrl } from '../../scripts/preview/runtime/url';
import { REPO } from './support/preview';

jest.setTimeout(30_000);

const MP = join(REPO, 'miniprogram');

function readOut(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f)).toString('base64')]));
}

describe('preview build', () => {
  const dirs: string[] = [];
  const tmp = (): string => {
    const d = mkdtempSync(join(tmpdir(), 'hqn-preview-'));
    dirs.push(d);
    return d;
  };

  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('builds the real app in well under 5 s, byte-for-byte the same twice', async () => {
    const a = tmp();
    const b = tmp();
    const started = Date.now();
    await buildPreview(a);
    expect(Date.now() - started).toBeLessThan(5000);
    await buildPreview(b);
    expect(readOut(a)).toEqual(readOut(b));
    expect(Object.keys(readOut(a)).sort()).toEqual([
      'app.js',
      'app.js.map',
      'index.html',
      'styles.css',
      't.woff',
      'templates.js',
    ]);
  });

  it('works offline and embeds no path of the machine it was built on', async () => {
    const out = tmp();
    await buildPreview(out);
    const css = readFileSync(join(out, 'styles.css'), 'utf8');
    expect(css).not.toMatch(/https?:\/\//);
    expect(css).toContain("url('t.woff') format('woff')");
    for (const f of ['app.js', 'templates.js', 'styles.css', 'index.html']) {
      expect(readFileSync(join(out, f), 'utf8')).not.toContain(REPO);
    }
  });

  it('skips a page listed in app.json whose files do not exist yet, with a warning', async () => {
    const app = tmp();
    symlinkSync(join(MP, 'miniprogram_npm'), join(app, 'miniprogram_npm'));
    mkdirSync(join(app, 'pages/ready'), { recursive: true });
    writeFileSync(join(app, 'app.json'), JSON.stringify({ pages: ['pages/ready/index', 'pages/later/index'] }));
    writeFileSync(join(app, 'app.wxss'), 'page { color: #333; }');
    const using = { 't-button': 'tdesign-miniprogram/button/button' };
    writeFileSync(
      join(app, 'pages/ready/index.json'),
      JSON.stringify({ navigationBarTitleText: '就绪', usingComponents: using }),
    );
    writeFileSync(join(app, 'pages/ready/index.wxml'), '<view class="box"><t-button>好</t-button></view>');
    writeFileSync(join(app, 'pages/ready/index.wxss'), '.box { padding: 32rpx; }');
    writeFileSync(join(app, 'pages/ready/index.ts'), 'Component({ methods: {} });');
    const warnings: string[] = [];
    const warn = jest.spyOn(console, 'warn').mockImplementation((msg: unknown) => void warnings.push(String(msg)));
    const out = tmp();
    try {
      await buildPreview(out, { appRoot: app });
    } finally {
      warn.mockRestore();
    }
    expect(warnings).toEqual([expect.stringContaining('pages/later/index')]);
    const js = readFileSync(join(out, 'app.js'), 'utf8');
    // The runtime is told about the skipped page, so navigating there explains instead of failing silently.
    expect(js.includes('missing:["pages/later/index"]')).toBe(true);
    const css = readFileSync(join(out, 'styles.css'), 'utf8');
    expect(css).toContain('.page-ready--box { padding: 16px; }');
    expect(css).toContain('.wx-page { color: #333; }');
  });

  /** A component or page folder in a scratch app: `<path>/index.{json,wxml,wxss,ts}`. */
  function writeComponent(app: string, path: string, wxml: string, using: Record<string, string> = {}): void {
    mkdirSync(join(app, path), { recursive: true });
    writeFileSync(join(app, path, 'index.json'), JSON.stringify({ component: true, usingComponents: using }));
    writeFileSync(join(app, path, 'index.wxml'), wxml);
    writeFileSync(join(app, path, 'index.wxss'), '.box { margin: 8rpx; }');
    writeFileSync(join(app, path, 'index.ts'), 'Component({ methods: {} });');
  }

  function subpackagedApp(homeUsing: Record<string, string>): string {
    const app = tmp();
    symlinkSync(join(MP, 'miniprogram_npm'), join(app, 'miniprogram_npm'));
    const subpackages = [{ root: 'package-area', name: 'area', pages: ['pages/list/index'] }];
    writeFileSync(join(app, 'app.json'), JSON.stringify({ pages: ['pages/home/index'], subpackages }));
    writeFileSync(join(app, 'app.wxss'), '');
    writeComponent(app, 'components/shared', '<view class="box">共用</view>');
    writeComponent(app, 'package-area/components/own', '<view class="box">分包</view>');
    writeComponent(app, 'pages/home', '<view class="box">首页</view>', homeUsing);
    writeComponent(app, 'package-area/pages/list', '<shared-x/><own-x/>', {
      'shared-x': '/components/shared/index',
      'own-x': '../../components/own/index',
    });
    return app;
  }

  it('builds the pages of every subpackage in app.json, under their root', async () => {
    const out = tmp();
    await buildPreview(out, { appRoot: subpackagedApp({}) });
    const js = readFileSync(join(out, 'app.js'), 'utf8');
    expect(js).toContain('route:"pages/home/index"');
    expect(js).toContain('route:"package-area/pages/list/index"');
    const css = readFileSync(join(out, 'styles.css'), 'utf8');
    expect(css).toContain('.page-list--box');
    expect(css).toContain('.own-x--box');
    expect(css).toContain('.shared-x--box');
  });

  it('refuses a main-package page that uses a subpackage component, as WeChat would', async () => {
    const app = subpackagedApp({ 'own-x': '/package-area/components/own/index' });
    await expect(buildPreview(tmp(), { appRoot: app })).rejects.toThrow(
      'pages/home/index uses <own-x> from package-area/components/own/index, which is in another package',
    );
  });

  it.each([
    ['.a .b', 't-x', '.t-x--a .t-x--b'],
    ['.a::after', 't-x', '.t-x--a::after'],
    ['view.a > .b-c', 'p', 'view.p--a > .p--b-c'],
    ['50.5%', 't-x', '50.5%'],
  ])('prefixes %s for <%s> as exparser isolates classes', (selector, prefix, expected) => {
    expect(prefixSelector(selector, prefix)).toBe(expected);
  });

  it.each([
    ['width: 750rpx', 'width: 375px'],
    ['margin: -32rpx 1.5rpx', 'margin: -16px 0.75px'],
    ['font-size: 28rpx;line-height: 44rpx', 'font-size: 14px;line-height: 22px'],
  ])('scales %s to the 375-px phone', (css, expected) => {
    expect(rpxToPx(css)).toBe(expected);
  });

  it.each([
    ['PingFang SC,Microsoft YaHei,Arial Regular', 'PingFang SC,Microsoft YaHei,Arial Regular,sans-serif'],
    ["'PingFang SC'", "'PingFang SC',sans-serif"],
    ['t', 't'],
    ['t!important', 't!important'],
    ['Consolas,monospace', 'Consolas,monospace'],
  ])('gives the font stack %s a generic fallback', (value, expected) => {
    expect(withGenericFamily(value)).toBe(expected);
  });

  it('resolves usingComponents like WeChat: bare specs via miniprogram_npm, root-relative and relative paths', () => {
    const page = join(MP, 'package-admin/pages/review/pending/index');
    // A library component the package has no copy of comes from the root's miniprogram_npm; one it has a copy of
    // (the build copies components only subpackages render, with what they render) from its own.
    expect(resolveComponent(MP, page, 'tdesign-miniprogram/search/search')).toBe(
      join(MP, 'miniprogram_npm/tdesign-miniprogram/search/search'),
    );
    expect(resolveComponent(MP, page, 'tdesign-miniprogram/tabs/tabs')).toBe(
      join(MP, 'package-admin/miniprogram_npm/tdesign-miniprogram/tabs/tabs'),
    );
    expect(resolveComponent(MP, page, '/components/nomination-card/index')).toBe(
      join(MP, 'components/nomination-card/index'),
    );
    expect(resolveComponent(MP, page, '../../../../components/nomination-card/index')).toBe(
      join(MP, 'components/nomination-card/index'),
    );
    expect(resolveComponent(MP, page, 'no-such-lib/x')).toBeNull();
  });

  it.each([
    [
      '/package-youth/pages/nomination/form/index?from=home&x=',
      'pages/home/index',
      'package-youth/pages/nomination/form/index',
      { from: 'home', x: '' },
    ],
    [
      '../mine/index?id=a%20b',
      'package-youth/pages/nomination/form/index',
      'package-youth/pages/nomination/mine/index',
      { id: 'a%20b' },
    ],
    ['index', 'pages/home/index', 'pages/home/index', {}],
  ])('navigates %s from %s', (url, from, route, query) => {
    expect(parseUrl(url, from)).toEqual({ route, query });
  });
});
