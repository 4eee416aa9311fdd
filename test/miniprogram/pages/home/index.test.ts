import { timeLeft } from '../../../../miniprogram/core/china-time';
import { FUNCTIONS } from '../../../../scripts/local/functions';
import { demoPeriod } from '../../../../scripts/local/seed';
import { addNominations } from '../../../support/nominees';
import { find, loadPage, openPage, tapButton, textOf, useBridge } from '../../../support/cloud-bridge';

const bridge = useBridge({ openid: 'dev-youth-zhang' });
const HOME = loadPage('pages/home/index');

describe('home', () => {
  it('shows the period, its deadline in China time and the days left', async () => {
    const period = demoPeriod(bridge.now);
    const page = await openPage(HOME, bridge);
    const text = textOf(page);
    expect(text).toContain(period.name);
    // 23:59:59.999 on 31 July in China is still 31 July, although it is 15:59 UTC (the suite runs with TZ=UTC).
    expect(textOf(page.querySelector('.period__deadline')!)).toBe(`${period._id}年7月31日`);
    const left = timeLeft(new Date(), new Date(period.nominationDeadline));
    expect(text).toContain(left.days > 0 ? `距推荐截止还有 ${left.days} 天` : `距推荐截止还有 ${left.hours} 小时`);
  });

  it('offers self-nomination to a bound youth without a nomination', async () => {
    const page = await openPage(HOME, bridge);
    expect(textOf(page)).toContain('所在单位：越城区 · 越城区智造科技有限公司');
    expect(page.querySelector('.mine')).toBeUndefined();
    await tapButton(page, '.self-nominate', bridge);
    expect(bridge.nav.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/package-youth/pages/nomination/form/index' }),
    );
  });

  it('offers a youth without a nomination to claim a unit recommendation', async () => {
    const page = await openPage(HOME, bridge);
    await tapButton(page, '.claim-youth', bridge);
    expect(bridge.nav.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/package-youth/pages/nomination/claim/index' }),
    );
  });

  it('offers to continue a saved draft, and never asks for the personal-information consent at launch', async () => {
    await FUNCTIONS.nomination.handle(
      { action: 'saveDraft', data: { fields: { name: '张晓青' } } },
      { openid: 'dev-youth-zhang' },
      bridge.deps,
    );
    const page = await openPage(HOME, bridge);
    expect(textOf(find(page, ['.self-nominate', '.t-button']))).toBe('继续填写');
    expect(page.querySelector('.consent')).toBeUndefined();
    expect(bridge.calls.map((c) => c.action)).not.toContain('recordConsent');
  });

  it('leads a youth who has nominated to "my nomination" with its status', async () => {
    bridge.setOpenid('dev-youth-li');
    const page = await openPage(HOME, bridge);
    expect(textOf(page)).toContain('推荐状态：待审核');
    expect(page.querySelector('.self-nominate')).toBeUndefined();
    await tapButton(page, '.mine', bridge);
    expect(bridge.nav.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/package-youth/pages/nomination/mine/index' }),
    );
  });

  // Issue 9 §13: 更换所在单位 would be refused while a nomination runs; say why instead of offering it.
  it('does not offer a change of unit while a nomination is in the running, and says why', async () => {
    bridge.setOpenid('dev-youth-li');
    const page = await openPage(HOME, bridge);
    expect(page.querySelector('.rebind')).toBeUndefined();
    expect(textOf(page.querySelector('.rebind-note')!)).toContain('推荐进行中，暂不能更换所在单位');
  });

  it('offers a change of unit to a youth without a nomination', async () => {
    const page = await openPage(HOME, bridge);
    expect(page.querySelector('.rebind-note')).toBeUndefined();
    await tapButton(page, '.rebind', bridge);
    expect(bridge.nav.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/package-youth/pages/account/bind-unit/index' }),
    );
  });

  it('asks a first-time user to bind a unit or redeem an invitation', async () => {
    bridge.setOpenid('dev-youth-new');
    const page = await openPage(HOME, bridge);
    expect(textOf(page)).toContain('开始使用');
    expect(page.querySelector('.youth')).toBeUndefined();
    await tapButton(page, '.bind-unit', bridge);
    expect(bridge.nav.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/package-youth/pages/account/bind-unit/index' }),
    );
    await tapButton(page, '.invite', bridge);
    expect(bridge.nav.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/package-youth/pages/account/invite/index' }),
    );
    await tapButton(page, '.claim-new', bridge);
    expect(bridge.nav.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/package-youth/pages/nomination/claim/index' }),
    );
  });

  it('shows a unit admin the review entry with the pending count', async () => {
    bridge.setOpenid('dev-unit-admin');
    const page = await openPage(HOME, bridge);
    expect(textOf(page.querySelector('.pending-count')!)).toBe('待审核 1 条');
    expect(page.querySelector('.issue-invite')).toBeUndefined();
    await tapButton(page, '.review', bridge);
    expect(bridge.nav.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/package-admin/pages/review/pending/index' }),
    );
    await tapButton(page, '.unit-nominate', bridge);
    expect(bridge.nav.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/package-admin/pages/review/unit-nominate/index' }),
    );
  });

  it('leads cadres to the workbench, and everyone to the public notice', async () => {
    bridge.setOpenid('dev-district-admin');
    const page = await openPage(HOME, bridge);
    await tapButton(page, '.workbench', bridge);
    expect(bridge.nav.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/package-admin/pages/admin/index' }),
    );
    bridge.setOpenid('dev-youth-new');
    const visitor = await openPage(HOME, bridge);
    expect(visitor.querySelector('.workbench')).toBeUndefined();
    await tapButton(visitor, '.open-notice', bridge);
    expect(bridge.nav.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/package-notice/pages/notice/index' }),
    );
  });

  it('counts for a district only what it decides on: its units without an admin (issue 9 §2)', async () => {
    bridge.setOpenid('dev-district-admin');
    // 李明 at 智造科技, which has its own admin: the district only looks.
    expect(textOf((await openPage(HOME, bridge)).querySelector('.pending-count')!)).toBe('待审核 0 条');
    await addNominations(bridge.deps, 'yuecheng-social', 2, { seqStart: 700 }); // 青年志愿者协会: no admin
    expect(textOf((await openPage(HOME, bridge)).querySelector('.pending-count')!)).toBe('待审核 2 条');
  });

  it('gives city admins the review entry and the invitation entry, but not 组织推荐', async () => {
    bridge.setOpenid('dev-city-admin');
    const page = await openPage(HOME, bridge);
    // The city decides for none of them: every seeded unit is in a district (issue 9 §2).
    expect(textOf(page.querySelector('.pending-count')!)).toBe('待审核 0 条');
    expect(page.querySelector('.unit-nominate')).toBeUndefined();
    await tapButton(page, '.issue-invite', bridge);
    expect(bridge.nav.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/package-youth/pages/account/invite/index' }),
    );
  });

  it('opens the mentor’s own page from the mentor card (issue 11)', async () => {
    bridge.setOpenid('dev-mentor-wang');
    const page = await openPage(HOME, bridge);
    expect(textOf(page.querySelector('.mentor')!)).not.toContain('尚在建设中');
    expect(page.querySelector('.review')).toBeUndefined();
    await tapButton(page, '.mentor-entry', bridge);
    expect(bridge.nav.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/package-mentor/pages/mentor/index' }),
    );
  });

  it('offers a selected youth their mentor and goals, and no one else', async () => {
    bridge.setOpenid('dev-youth-li');
    const submitted = await openPage(HOME, bridge);
    expect(submitted.querySelector('.my-mentor')).toBeUndefined();
    const li = await bridge.deps.store.collection('nominations').findOne({ youthOpenid: 'dev-youth-li' });
    await FUNCTIONS.nomination.handle(
      {
        action: 'review',
        data: { nominationId: li?._id, decision: 'approve', confirm: { onStaff: true, attestations: true } },
      },
      { openid: 'dev-unit-admin' },
      bridge.deps,
    );
    const page = await openPage(HOME, bridge);
    await tapButton(page, '.my-mentor', bridge);
    expect(bridge.nav.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/package-mentor/pages/youth/index' }),
    );
  });

  it('says so when there is no current period', async () => {
    await bridge.deps.store
      .collection('periods')
      .updateOne({ _id: demoPeriod(bridge.now)._id }, { $set: { current: false } });
    const page = await openPage(HOME, bridge);
    expect(textOf(page.querySelector('.period')!)).toBe('当前没有进行中的选培期');
    expect(page.querySelector('.self-nominate')).toBeUndefined();
  });

  it('says the window has closed after the deadline and offers no self-nomination', async () => {
    const yesterday = new Date(Date.now() - 86_400_000).toISOString();
    await bridge.deps.store
      .collection('periods')
      .updateOne({ _id: demoPeriod(bridge.now)._id }, { $set: { nominationDeadline: yesterday } });
    const page = await openPage(HOME, bridge);
    expect(textOf(page.querySelector('.period__remaining')!)).toBe('本期推荐已截止');
    expect(textOf(page)).toContain('当前不在推荐时间内，暂不能提交自荐。');
    expect(page.querySelector('.self-nominate')).toBeUndefined();
  });

  it('shows the network error in Chinese and reloads on retry', async () => {
    bridge.setOffline(true);
    const page = await openPage(HOME, bridge);
    expect(textOf(page)).toContain('网络异常，请检查网络后重试');
    bridge.setOffline(false);
    await tapButton(page, ['.page-state', '.retry'], bridge);
    expect(page.querySelector('.self-nominate')).toBeTruthy();
  });

  it('refreshes when the user comes back to it; who they are stays the launch’s session', async () => {
    const page = await openPage(HOME, bridge);
    const before = bridge.calls.length;
    page.triggerPageLifeTime('show');
    await bridge.idle();
    const actions = bridge.calls.slice(before).map((c) => c.action);
    expect(actions).toEqual(expect.arrayContaining(['currentPeriod', 'getMine']));
    expect(actions).not.toContain('me');
  });
});
