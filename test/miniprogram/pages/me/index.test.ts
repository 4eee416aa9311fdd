/** 我的 (issue 9): who I am, my nomination and who it waits for, and what I agreed to and when. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PERSONAL_INFO_CONSENT_VERSION } from '../../../../miniprogram/core/profile';
import { TAB_PAGES } from '../../../../miniprogram/lib/tabs';
import { loadPage, openPage, tapButton, textOf, useBridge } from '../../../support/cloud-bridge';

const bridge = useBridge({ openid: 'dev-youth-li' });
const ME = loadPage('pages/me/index');

describe('tab bar', () => {
  it('has 首页 and 我的 with text labels, and the app knows its tab pages', () => {
    const app = JSON.parse(readFileSync(join(__dirname, '../../../../miniprogram/app.json'), 'utf8')) as {
      tabBar: { list: Array<{ pagePath: string; text: string }> };
    };
    const tabs = app.tabBar.list.map((t) => [t.pagePath, t.text]);
    expect(tabs).toEqual(
      expect.arrayContaining([
        ['pages/home/index', '首页'],
        ['pages/me/index', '我的'],
      ]),
    );
    expect(tabs[0]).toEqual(['pages/home/index', '首页']);
    expect([...TAB_PAGES].sort()).toEqual(app.tabBar.list.map((t) => `/${t.pagePath}`).sort());
  });
});

describe('我的', () => {
  it('shows the profile with the masked phone, the nomination and the consent with its date', async () => {
    const page = await openPage(ME, bridge);
    const text = textOf(page);
    expect(textOf(page.querySelector('.profile')!)).toContain('李明');
    expect(text).toContain('越城区 · 越城区智造科技有限公司');
    expect(text).toContain('138****1234');
    expect(text).not.toContain('13800001234');
    expect(textOf(page.querySelector('.my-nomination')!)).toContain('待审核');
    expect(textOf(page.querySelector('.mine-next')!)).toBe('等待越城区智造科技有限公司管理员审核');
    await tapButton(page, '.open-mine', bridge);
    expect(bridge.nav.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/package-youth/pages/nomination/mine/index' }),
    );
  });

  it('says what the youth agreed to and when, in the app’s date style', async () => {
    const page = await openPage(ME, bridge);
    const consents = textOf(page.querySelector('.consents')!);
    expect(consents).toContain('个人信息处理规则');
    expect(consents).toMatch(/已同意 \d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d/);
    expect(consents).toContain(PERSONAL_INFO_CONSENT_VERSION);
    // The showcase consent given with the nomination (R8.1).
    expect(consents).toContain('公开展示典型事迹');
  });

  it('a youth without a nomination is offered to nominate, and sees no phone', async () => {
    bridge.setOpenid('dev-youth-zhang');
    const page = await openPage(ME, bridge);
    expect(textOf(page.querySelector('.profile')!)).toContain('张晓青');
    expect(textOf(page.querySelector('.my-nomination')!)).toContain('本期尚未提交推荐');
    expect(page.querySelector('.profile-phone')).toBeUndefined();
  });

  it('an unbound user is asked to bind a unit', async () => {
    bridge.setOpenid('dev-youth-new');
    const page = await openPage(ME, bridge);
    expect(textOf(page)).toContain('尚未绑定单位');
    await tapButton(page, '.bind-unit', bridge);
    expect(bridge.nav.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/package-youth/pages/account/bind-unit/index' }),
    );
  });

  it('a cadre sees their roles and no nomination section', async () => {
    bridge.setOpenid('dev-unit-admin');
    const page = await openPage(ME, bridge);
    expect(textOf(page.querySelector('.profile')!)).toContain('单位管理员 · 越城区智造科技有限公司');
    expect(page.querySelector('.my-nomination')).toBeUndefined();
  });

  it('shows the network error and recovers on retry', async () => {
    bridge.setOffline(true);
    const page = await openPage(ME, bridge);
    expect(textOf(page)).toContain('网络异常');
    bridge.setOffline(false);
    await tapButton(page, ['.page-state', '.retry'], bridge);
    expect(textOf(page)).toContain('李明');
  });
});
