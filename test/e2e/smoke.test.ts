/**
 * The browser preview boots: the real home page renders in the phone frame for
 * every demo persona, the switcher lists them all, TDesign's styles and icon
 * font are applied, and nothing throws. Needs a built `.preview/` (npm run build).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PERSONAS } from '../../scripts/local/seed';
import { appRoutes, readAppJson } from '../../scripts/mp-packages';
import {
  assertNoPageErrors,
  iconsOnPage,
  personaButton,
  phonePage,
  REPO,
  screenshot,
  switchPersona,
  type Preview,
  usePreview,
} from './support/preview';

jest.setTimeout(30_000);

const MP = join(REPO, 'miniprogram');
/** Pages of every package in app.json whose files exist (the build skips the others with a warning). */
const BUILT_PAGES = appRoutes(readAppJson(MP))
  .filter((route) => existsSync(join(MP, `${route}.json`)))
  .map((route) => {
    const json = JSON.parse(readFileSync(join(MP, `${route}.json`), 'utf8')) as { navigationBarTitleText?: string };
    return [route, json.navigationBarTitleText ?? '好青年选培'] as const;
  });

/** What each role's home shows besides the greeting (pages/home/index.wxml). */
const ROLE_CARD: Record<string, string> = {
  youth: '个人自荐',
  mentor: '导师服务',
  unitAdmin: '推荐审核',
  districtAdmin: '推荐审核',
  cityAdmin: '推荐审核',
};

describe('browser preview: smoke', () => {
  const flow = usePreview();
  let p: Preview;
  beforeAll(() => {
    p = flow.p;
  });

  it('lists every persona with its role, and starts as the first one', async () => {
    const names = await p.page.locator('#pv-persona-list .pv-persona-name').allInnerTexts();
    expect(names).toEqual(PERSONAS.map((x) => x.name));
    await expect(personaButton(p.page, PERSONAS[0].name).getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(personaButton(p.page, '陈管理员').locator('.pv-role').innerText()).resolves.toBe('单位管理员');
  });

  it('renders the home page inside the phone frame with the app title', async () => {
    const phone = phonePage(p.page);
    await expect(p.page.locator('#pv-title').innerText()).resolves.toBe('好青年选培');
    await phone.getByText('百行百业——千名好青年', { exact: true }).waitFor();
    const frame = await p.page.locator('#pv-phone').boundingBox();
    const content = await phone.boundingBox();
    expect(frame).toMatchObject({ width: 375, height: 740 });
    // The page lives inside the screen, below the status and navigation bars.
    expect(content!.x).toBe(frame!.x);
    expect(content!.y).toBe(frame!.y + 68);
  });

  it.each(PERSONAS.map((x) => [x.name, x] as const))('renders the home page as %s', async (_name, persona) => {
    await switchPersona(p.page, persona.name);
    const phone = phonePage(p.page);
    if (persona.orgId) {
      await phone.getByText(`${persona.name}，您好`).waitFor();
      await phone.getByText(ROLE_CARD[persona.role], { exact: true }).first().waitFor();
    } else {
      await phone.getByText('开始使用', { exact: true }).waitFor();
      await phone.getByText('绑定所在单位', { exact: true }).waitFor();
    }
    await expect(p.page.evaluate(() => localStorage.getItem('hqn.devOpenid'))).resolves.toBe(
      JSON.stringify(persona.openid),
    );
  });

  it.each(['新用户', '周部长'])('opens every page of app.json as %s without errors', async (persona) => {
    await switchPersona(p.page, persona);
    const icons = new Map<string, boolean>();
    for (const [route, title] of BUILT_PAGES) {
      await p.page.evaluate(
        (url) => (window as unknown as { wx: { reLaunch(o: { url: string }): void } }).wx.reLaunch({ url }),
        `/${route}`,
      );
      await p.page.locator('#pv-title', { hasText: title }).waitFor();
      await p.page.waitForFunction(
        () => !document.querySelector('#pv-viewport > .wx-page:not([hidden])')?.textContent?.includes('加载中'),
      );
      // Role-appropriate refusals are fine; a server fault or a failed request is not.
      await expect(phonePage(p.page).innerText()).resolves.not.toMatch(/系统繁忙|网络异常/);
      assertNoPageErrors(p);
      for (const icon of await iconsOnPage(p.page)) icons.set(`${route}: ${icon.name}`, icon.glyph);
    }
    // The icons the pages show (search boxes, empty states, cell arrows) all have glyphs in the shipped subset.
    expect(icons.size).toBeGreaterThan(0);
    expect([...icons].filter(([, glyph]) => !glyph).map(([where]) => where)).toEqual([]);
  });

  it('keeps the open page in the address bar, so a reload reopens it', async () => {
    await switchPersona(p.page, '张晓青');
    await phonePage(p.page).getByText('我要自荐', { exact: true }).click({ force: true });
    await p.page.locator('#pv-title', { hasText: '个人自荐' }).waitFor();
    expect(new URL(p.page.url()).hash).toBe('#/package-youth/pages/nomination/form/index');
    await p.page.reload();
    await p.page.locator('html[data-preview-ready="true"]').waitFor();
    await expect(p.page.locator('#pv-title').innerText()).resolves.toBe('个人自荐');
    await p.page.locator('#pv-back').waitFor({ state: 'hidden' }); // a reload starts a new stack
  });

  it('applies TDesign styles, a sans-serif CJK font and the local icon font', async () => {
    await switchPersona(p.page, '张晓青');
    const button = phonePage(p.page).locator('wx-button', { hasText: '我要自荐' });
    await button.waitFor();
    const look = await button.evaluate((el) => {
      const s = getComputedStyle(el);
      return {
        background: s.backgroundColor,
        color: s.color,
        font: s.fontFamily,
        height: el.getBoundingClientRect().height,
      };
    });
    expect(look.background).toBe('rgb(0, 82, 217)'); // TDesign brand blue
    expect(look.color).toBe('rgb(255, 255, 255)');
    expect(look.font).toMatch(/sans-serif$/);
    expect(look.height).toBe(48); // size="large": 96rpx at 0.5 px per rpx
    const iconFaces = await p.page.evaluate(async () => (await document.fonts.load('16px t')).length);
    expect(iconFaces).toBeGreaterThan(0);
    await screenshot(p.page, 'smoke-home-youth');
  });
});
