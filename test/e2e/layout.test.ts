/**
 * Readable on a 375 px phone at every text size (issue 9 §14, 适老化): the home page, the review detail and the
 * filing page are opened at WeChat's standard and largest text size (the preview's switch sets fontSizeSetting),
 * screenshotted (.preview-shots/, gitignored), and checked: nothing scrolls sideways, no button's content overflows
 * it, no label is cut, and every tap target is at least 44 px in both directions.
 */
import type { Page } from 'playwright-core';
import type { NominationDoc } from '../../cloudfunctions/_lib/collections';
import { PREVIEW_TEXT_SIZES } from '../../miniprogram/lib/text-size';
import { addNominations } from '../support/nominees';
import {
  assertNoPageErrors,
  openPreview,
  phonePage,
  screenshot,
  startPreview,
  switchPersona,
  type Preview,
} from './support/preview';

jest.setTimeout(90_000);

const MIN_TARGET = 44;
const FONT_SIZE_KEY = 'hqn.preview.fontSizeSetting';

/** What a person taps: buttons, choice chips, switches, check boxes, tappable cells and tabs. */
const TAPPABLE = [
  'wx-button',
  '[class~="chips--chip"]',
  '[class*="--choice "]',
  '[class$="--choice"]',
  '[class*="--t-switch__body"]',
  '[class*="--t-checkbox__icon"]',
  '[class*="--t-cell--hover"]',
  '[class*="--t-tabs__item "]',
].join(',');

interface Problem {
  kind: string;
  what: string;
  detail: string;
}

/** Runs in the browser on the visible page of the phone. */
function layoutProblems({ tappable, minTarget }: { tappable: string; minTarget: number }): Problem[] {
  const root = document.querySelector('#pv-viewport > .wx-page:not([hidden])') as HTMLElement;
  const problems: Problem[] = [];
  const name = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40) || el.className;
  const shown = (el: Element) => {
    const r = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
  };
  if (root.scrollWidth > root.clientWidth + 1)
    problems.push({ kind: 'sideways', what: 'page', detail: `${root.scrollWidth} > ${root.clientWidth}` });
  for (const el of Array.from(root.querySelectorAll('*'))) {
    if (!shown(el)) continue;
    const r = el.getBoundingClientRect();
    const pageBox = root.getBoundingClientRect();
    if (r.right > pageBox.right + 1 && getComputedStyle(el).position !== 'fixed')
      problems.push({ kind: 'off-screen', what: name(el), detail: `right ${Math.round(r.right - pageBox.left)}` });
  }
  for (const button of Array.from(root.querySelectorAll('wx-button'))) {
    if (!shown(button)) continue;
    const box = button.getBoundingClientRect();
    const range = document.createRange();
    range.selectNodeContents(button);
    const text = range.getBoundingClientRect();
    const outside =
      text.width > 0 &&
      (text.left < box.left - 1 ||
        text.right > box.right + 1 ||
        text.top < box.top - 1 ||
        text.bottom > box.bottom + 1);
    if (outside || button.scrollWidth > button.clientWidth + 1 || button.scrollHeight > button.clientHeight + 1)
      problems.push({
        kind: 'button overflow',
        what: name(button),
        detail: `${Math.round(box.width)}×${Math.round(box.height)}`,
      });
  }
  for (const el of Array.from(root.querySelectorAll(tappable))) {
    // An element taps never reach (pointer-events: none) only shows a state; its row is the target.
    if (!shown(el) || getComputedStyle(el).pointerEvents === 'none') continue;
    const r = el.getBoundingClientRect();
    if (r.height < minTarget - 0.5 || r.width < minTarget - 0.5)
      problems.push({ kind: 'tap target', what: name(el), detail: `${Math.round(r.width)}×${Math.round(r.height)}` });
  }
  // Buttons stacked one above the other never touch.
  const buttons = Array.from(root.querySelectorAll('wx-button'))
    .filter(shown)
    .map((b) => ({ b, r: b.getBoundingClientRect() }));
  for (const a of buttons)
    for (const c of buttons) {
      if (a === c || c.r.top < a.r.bottom - 1) continue;
      const overlapX = Math.min(a.r.right, c.r.right) - Math.max(a.r.left, c.r.left) > 0;
      if (overlapX && c.r.top - a.r.bottom < 4 && c.r.top >= a.r.bottom - 1)
        problems.push({
          kind: 'buttons touch',
          what: `${name(a.b)} / ${name(c.b)}`,
          detail: `${Math.round(c.r.top - a.r.bottom)} px`,
        });
    }
  return problems;
}

async function checkLayout(page: Page): Promise<Problem[]> {
  await page.waitForTimeout(300); // transitions settle
  return page.evaluate(layoutProblems, { tappable: TAPPABLE, minTarget: MIN_TARGET });
}

describe.each(PREVIEW_TEXT_SIZES.filter((s) => s.key !== 'large').map((s) => [s.label, s] as const))(
  'layout at 375 px, text size %s',
  (_label, size) => {
    let p: Preview;
    let pendingId: string;

    beforeAll(async () => {
      p = await startPreview();
      await addNominations(p.deps, 'yuecheng-gov', 2, { seqStart: 60 });
      const [pending] = await p.deps.store
        .collection<NominationDoc>('nominations')
        .find({ unitId: 'yuecheng-tech', status: 'submitted' });
      pendingId = pending._id;
      await p.page.addInitScript(([key, value]) => localStorage.setItem(key, value), [
        FONT_SIZE_KEY,
        String(size.fontSizeSetting),
      ] as const);
      await p.page.setViewportSize({ width: 1280, height: 1000 });
      await openPreview(p);
    });

    afterAll(async () => {
      await p?.close();
    });

    afterEach(() => assertNoPageErrors(p));

    async function open(url: string, title: string, ready: string): Promise<void> {
      await p.page.evaluate((target) => {
        (globalThis as unknown as { wx: { reLaunch(o: { url: string }): void } }).wx.reLaunch({ url: target });
      }, url);
      await p.page.locator('#pv-title').filter({ hasText: title }).waitFor();
      await phonePage(p.page).getByText(ready).first().waitFor();
    }

    it('the switch shows the chosen size and the pages read it', async () => {
      await p.page.locator(`#pv-text-sizes [data-size="${size.key}"][aria-pressed="true"]`).waitFor();
      const scale = await phonePage(p.page)
        .locator('.hq-text')
        .first()
        .evaluate((el) => getComputedStyle(el).getPropertyValue('--s').trim());
      expect(Number(scale || 1)).toBe(size.key === 'standard' ? 1 : 1.5);
    });

    it.each([
      ['home of a unit admin', '陈管理员', '/pages/home/index', '好青年选培', '管理工作台'],
      ['home of a youth', '李明', '/pages/home/index', '好青年选培', '我的推荐'],
      ['review detail', '陈管理员', 'detail', '推荐详情', '查看完整身份证号'],
      [
        'filing page of a 机关 unit',
        '孙主任',
        '/package-admin/pages/admin/filings/index',
        '备案',
        '越城区人民政府办公室',
      ],
      ['我的', '李明', '/pages/me/index', '我的', '授权记录'],
    ])('%s', async (label, persona, url, title, ready) => {
      await switchPersona(p.page, persona);
      await open(url === 'detail' ? `/package-admin/pages/review/detail/index?id=${pendingId}` : url, title, ready);
      await screenshot(p.page, `layout-${size.key}-${label.replace(/\s+/g, '-')}`);
      expect(await checkLayout(p.page)).toEqual([]);
    });
  },
);
