/** 消息中心 (issue 10): the list, its empty state, opening a message, 全部已读, and the badge on home. */
import { FUNCTIONS } from '../../../../scripts/local/functions';
import { find, loadPage, openPage, tap, tapButton, textOf, useBridge } from '../../../support/cloud-bridge';

const bridge = useBridge({ openid: 'dev-unit-admin' });
const MESSAGES = loadPage('pages/messages/index');
const HOME = loadPage('pages/home/index');

/** The district changes 陈管理员's quota `n` times: each change is one message to them. */
async function quotaChanges(n: number): Promise<void> {
  for (let i = 0; i < n; i += 1) {
    const res = await FUNCTIONS.admin.handle(
      { action: 'setQuota', data: { unitId: 'yuecheng-tech', quota: 3 + i, reason: '区县统筹调整' } },
      { openid: 'dev-district-admin' },
      bridge.deps,
    );
    expect(res.ok).toBe(true);
  }
}

describe('消息中心', () => {
  it('says so when there is nothing yet', async () => {
    const page = await openPage(MESSAGES, bridge);
    expect(textOf(page)).toContain('暂无消息');
    expect(textOf(page)).toContain('没有未读消息');
  });

  it('lists the messages newest first with their unread mark; tapping one marks it read and opens its page', async () => {
    await quotaChanges(2);
    const page = await openPage(MESSAGES, bridge);
    expect(textOf(page)).toContain('2 条未读');
    const first = find(page, '.message');
    expect(textOf(first)).toContain('本单位名额已调整');
    expect(textOf(first)).toContain('本期名额调整为4名：区县统筹调整');
    expect(textOf(first)).toContain('未读');
    await tap(page, '.message', bridge);
    expect(bridge.calls.map((c) => c.action)).toContain('markRead');
    expect(bridge.nav.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/package-admin/pages/admin/quotas/index' }),
    );
    expect(textOf(page)).toContain('1 条未读');
    expect(page.querySelectorAll('.message--read')).toHaveLength(1);
  });

  it('全部已读 clears every unread mark, and home’s badge follows', async () => {
    await quotaChanges(3);
    const home = await openPage(HOME, bridge);
    expect(textOf(find(home, '.unread-badge'))).toBe('3');
    const page = await openPage(MESSAGES, bridge);
    await tapButton(page, '.mark-all', bridge);
    expect(textOf(page)).toContain('没有未读消息');
    expect(page.querySelectorAll('.message--read')).toHaveLength(3);
    const again = await openPage(HOME, bridge);
    expect(again.querySelector('.unread-badge')).toBeUndefined();
    expect(textOf(again)).toContain('暂无未读');
  });

  it('shows the error with 重新加载 when the list cannot be read', async () => {
    bridge.setOffline(true);
    const page = await openPage(MESSAGES, bridge);
    expect(textOf(page)).toContain('重新加载');
    bridge.setOffline(false);
  });
});
