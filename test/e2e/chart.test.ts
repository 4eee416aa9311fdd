/**
 * The `<chart>` draws real pixels in the browser preview: on the city's 工作看板
 * the 两新 bars (TDesign blue) are on the canvas at the phone's pixel ratio, and
 * 查看数据 shows the same numbers as a table. Needs a built `.preview/`.
 */
import { FUNCTIONS } from '../../scripts/local/functions';
import { addNominations } from '../support/nominees';
import { drawnPixels } from './support/canvas';
import { screenshot, switchPersona, usePreview } from './support/preview';

jest.setTimeout(60_000);

describe('browser preview: charts', () => {
  const flow = usePreview(async (p) => {
    // A youth of a 两新 company in 越城区 approved by its admin (its quota is 1), so one bar has a length.
    for (const nominationId of await addNominations(p.deps, 'yuecheng-tech', 1, { seqStart: 70 })) {
      const data = { nominationId, decision: 'approve', confirm: { onStaff: true, attestations: true } };
      const res = await FUNCTIONS.nomination.handle({ action: 'review', data }, { openid: 'dev-unit-admin' }, p.deps);
      expect(res.ok ? 'ok' : res.error).toBe('ok');
    }
  });

  it('draws the two_new bars on the dashboard canvas, with the numbers one tap away', async () => {
    await switchPersona(flow.p.page, '周部长');
    await flow.openMiniPage('/package-admin/pages/admin/dashboard/index', '工作看板');
    const phone = flow.phone();
    const pixels = await drawnPixels(phone.locator('.two-new-chart canvas'));
    // Drawn at the preview phone's pixel ratio (2), and not blank: axis labels, grid and a blue bar.
    expect(pixels.width).toBe(Math.round(pixels.cssWidth * 2));
    expect(pixels.ink).toBeGreaterThan(2000);
    expect(pixels.blue).toBeGreaterThan(500);
    await phone.locator('.two-new-chart').getByText('查看数据').click({ force: true });
    await phone.locator('.two-new-chart').getByText('收起数据').waitFor();
    await phone.locator('.two-new-chart').getByText('越城区').last().waitFor();
    await phone.locator('.two-new-chart').scrollIntoViewIfNeeded();
    await screenshot(flow.p.page, 'chart-dashboard');
  });
});
