/** 通知送达 (issue 10): per kind, delivered by WeChat / in the app only / failed; the city may run the sender. */
import type { WechatEmulator } from '../../../../../../scripts/local/wechat';
import { FUNCTIONS } from '../../../../../../scripts/local/functions';
import { find, loadPage, openPage, tapButton, textOf, useBridge } from '../../../../../support/cloud-bridge';

const bridge = useBridge({ openid: 'dev-district-admin' });
const STATS = loadPage('package-admin/pages/admin/notifications/index');

async function quotaChange(quota: number): Promise<void> {
  const res = await FUNCTIONS.admin.handle(
    { action: 'setQuota', data: { unitId: 'yuecheng-tech', quota, reason: '区县统筹调整' } },
    { openid: 'dev-district-admin' },
    bridge.deps,
  );
  expect(res.ok).toBe(true);
}

describe('通知送达', () => {
  it('shows each kind’s figures; a city admin sends what is pending and the figures follow', async () => {
    await FUNCTIONS.message.handle(
      { action: 'recordGrants', data: { results: [{ templateId: 'dev-tmpl-todo', result: 'accept' }] } },
      { openid: 'dev-unit-admin' },
      bridge.deps,
    );
    await quotaChange(3);
    await quotaChange(4);
    (bridge.deps.wechat as WechatEmulator).reset();
    const district = await openPage(STATS, bridge);
    expect(textOf(find(district, '.row--quota-changed'))).toContain('名额调整');
    expect(district.querySelector('.drain__button')).toBeUndefined();
    bridge.setOpenid('dev-city-admin');
    const city = await openPage(STATS, bridge);
    await tapButton(city, '.drain__button', bridge);
    const row = textOf(find(city, '.row--quota-changed'));
    expect(row).toContain('共 2 条');
    expect(row).toMatch(/1\s*微信送达\s*1\s*仅站内\s*0\s*失败\s*0\s*待发送/);
    expect((bridge.deps.wechat as WechatEmulator).delivered).toHaveLength(1);
  });

  it('is refused to a youth, with the reason', async () => {
    bridge.setOpenid('dev-youth-zhang');
    const page = await openPage(STATS, bridge);
    expect(textOf(page)).toContain('重新加载');
  });
});
