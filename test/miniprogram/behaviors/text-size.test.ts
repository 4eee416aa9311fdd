/**
 * 适老化 (issue 9): every page reads WeChat's text size and scales its type. The rule is core-free view code
 * (lib/text-size.ts); the Behavior hands the scale to the page's root view, which app.wxss scales by.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appRoutes, readAppJson } from '../../../scripts/mp-packages';
import { textScale, textStyle } from '../../../miniprogram/lib/text-size';
import { loadPage, openPage, useBridge } from '../../support/cloud-bridge';

const MP = join(__dirname, '../../../miniprogram');
const bridge = useBridge({ openid: 'dev-youth-li' });
const ME = loadPage('pages/me/index');

describe('text size', () => {
  it.each([
    [undefined, 1],
    [14, 1],
    [17, 1],
    [21, 1.24],
    [26, 1.5],
    [40, 1.5],
    [Number.NaN, 1],
  ])('fontSizeSetting %p → scale %p', (setting, scale) => {
    expect(textScale(setting)).toBe(scale);
  });

  it.each(appRoutes(readAppJson(MP)).filter((r) => existsSync(join(MP, `${r}.ts`))))(
    '%s mixes in the text-size behaviour and scales its root view',
    (route) => {
      const ts = readFileSync(join(MP, `${route}.ts`), 'utf8');
      const wxml = readFileSync(join(MP, `${route}.wxml`), 'utf8');
      expect(ts).toMatch(/behaviors: \[textSize[,\]]/);
      expect(wxml.startsWith('<view class="page hq-text" style="{{textStyle}}">')).toBe(true);
    },
  );

  it('scales our type (--s) and every TDesign type token, composites included; nothing at the standard size', () => {
    expect(textStyle(1)).toBe('');
    const style = textStyle(1.5);
    expect(style).toContain('--s:1.5');
    expect(style).toContain('--td-font-size-body-medium:42rpx');
    expect(style).toContain('--td-font-body-medium:42rpx/66rpx var(--td-font-family)');
    expect(style).toContain('--td-font-mark-large:600 48rpx/72rpx var(--td-font-family)');
    expect(style).toContain('--td-font-size-base:42rpx');
    expect(style).toContain('--td-button-large-height:144rpx');
  });

  it('a page opened at the largest text size carries the scale on its root', async () => {
    // Whichever the base library offers: getAppBaseInfo, else the older getSystemInfoSync.
    const wx = (globalThis as unknown as { wx: Record<string, unknown> }).wx;
    const saved = { getAppBaseInfo: wx.getAppBaseInfo, getSystemInfoSync: wx.getSystemInfoSync };
    const real = (wx.getSystemInfoSync as () => object)();
    wx.getAppBaseInfo = () => ({ ...real, fontSizeSetting: 26 });
    const page = await openPage<{ textStyle: string }>(ME, bridge);
    expect(page.data.textStyle).toBe(textStyle(1.5));
    delete wx.getAppBaseInfo;
    wx.getSystemInfoSync = () => ({ ...real, fontSizeSetting: 21 });
    const older = await openPage<{ textStyle: string }>(ME, bridge);
    expect(older.data.textStyle).toBe(textStyle(1.24));
    Object.assign(wx, saved);
  });
});
