/**
 * The `<chart>` draws real pixels in the browser preview: on the city's 工作看板
 * the 两新 bars (TDesign blue) are on the canvas at the phone's pixel ratio, and
 * 查看数据 shows the same numbers as a table. Needs a built `.preview/`.
 */
import { FUNCTIONS } from '../../scripts/local/functions';
import { addNominations } from '../support/nominees';
import { canvasPixels } from './support/canvas';
import {
  assertNoPageErrors,
  openPreview,
  phonePage,
  screenshot,
  startPreview,
  switchPersona,
  type Preview,
} from './support/preview';

jest.setTimeout(60_000);

describe('browser preview: charts', () => {
  let p: Preview;

  beforeAll(async () => {
    p = await startPreview();
    // A youth of a 两新 company in 越城区 approved by its admin (its quota is 1), so one bar has a length.
    for (const nominationId of await addNominations(p.deps, 'yuecheng-tech', 1, { seqStart: 70 })) {
      const data = { nominationId, decision: 'approve', confirm: { onStaff: true, attestations: true } };
      const res = await FUNCTIONS.nomination.handle({ action: 'review', data }, { openid: 'dev-unit-admin' }, p.deps);
      expect(res.ok ? 'ok' : res.error).toBe('ok');
    }
    await openPreview(p);
  });

  afterAll(async () => {
    await p?.close();
  });

  afterEach(() => assertNoPageErrors(p));

  it('draws the two_new bars on the dashboard canvas, with the numbers one tap away', async () => {
    await switchPersona(p.page, '周部长');
    await p.page.evaluate(() => {
      (globalThis as unknown as { wx: { reLaunch(o: { url: string }): void } }).wx.reLaunch({
        url: '/package-admin/pages/admin/dashboard/index',
      });
    });
    const phone = phonePage(p.page);
    const canvas = phone.locator('.two-new-chart canvas');
    const pixels = await canvasPixels(canvas);
    // Drawn at the preview phone's pixel ratio (2), and not blank: axis labels, grid and a blue bar.
    expect(pixels.width).toBe(Math.round(pixels.cssWidth * 2));
    expect(pixels.ink).toBeGreaterThan(2000);
    expect(pixels.blue).toBeGreaterThan(500);
    await phone.locator('.two-new-chart').getByText('查看数据').click({ force: true });
    await phone.locator('.two-new-chart').getByText('收起数据').waitFor();
    await phone.locator('.two-new-chart').getByText('越城区').last().waitFor();
    await phone.locator('.two-new-chart').scrollIntoViewIfNeeded();
    await screenshot(p.page, 'chart-dashboard');
  });
});
