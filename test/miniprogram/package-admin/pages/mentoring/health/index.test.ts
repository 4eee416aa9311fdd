import { loadPage, openPage, tap, textOf, useBridge } from '../../../../../support/cloud-bridge';
import { activePair } from '../../../../package-mentor/support';

const bridge = useBridge({ openid: 'dev-city-admin' });
const HEALTH = loadPage('package-admin/pages/mentoring/health/index');

describe('结对健康度', () => {
  it('shows each mentor’s, unit’s and district’s figures and each pair’s health', async () => {
    await activePair(bridge);
    const page = await openPage(HEALTH, bridge);
    expect(textOf(page)).toContain('王导师');
    expect(textOf(page)).toContain('结对 1 · 履行中 1 · 按时 — · 沉寂 0 · 均分 —');
    expect(textOf(page)).toContain('李明 · 导师王导师');
    expect(textOf(page)).toContain('为时尚早');
    await tap(page, '.view-byUnit', bridge);
    expect(textOf(page)).toContain('越城区智造科技有限公司');
    await tap(page, '.view-byDistrict', bridge);
    expect(textOf(page)).toContain('越城区');
    // The covering admin opens the pair's agreement (text, signatures, the Word file).
    await tap(page, '.pair', bridge);
    expect(bridge.nav.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: expect.stringMatching(/^\/package-mentor\/pages\/agreement\/index\?id=.+/) }),
    );
  });

  it('says when there is nothing to report yet', async () => {
    const page = await openPage(HEALTH, bridge);
    expect(page.querySelector('.pair')).toBeUndefined();
    expect(textOf(page)).not.toContain('为时尚早');
  });
});
