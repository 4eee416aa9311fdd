import { maskIdNumber } from '../../../../../miniprogram/core/id-number';
import { FUNCTIONS } from '../../../../../scripts/local/functions';
import { demoIdNumber, demoPeriod } from '../../../../../scripts/local/seed';
import { loadPage, openPage, tapButton, textOf, useBridge } from '../../../../support/cloud-bridge';

const bridge = useBridge({ openid: 'dev-youth-li' });
const MINE = loadPage('pages/nomination/mine/index');

describe('my nomination', () => {
  it('shows the status, masked numbers, post, unit and the history', async () => {
    const page = await openPage(MINE, bridge);
    const text = textOf(page);
    expect(text).toContain('待审核');
    expect(text).toContain(maskIdNumber(demoIdNumber('330602', '1995-03-15', 123)));
    expect(text).toContain('138****1234');
    expect(text).toContain('研发工程师（工程师）');
    expect(text).toContain('越城区智造科技有限公司');
    expect(text).toContain('个人自荐');
    expect(text).toContain('提交推荐');
    expect(text).not.toContain('13800001234');
    expect(page.querySelector('.resubmit')).toBeUndefined();
  });

  it('shows the return comment newest-first and offers to resubmit', async () => {
    const [li] = await bridge.deps.store.collection('nominations').find({ youthOpenid: 'dev-youth-li' });
    await FUNCTIONS.nomination.handle(
      { action: 'review', data: { nominationId: li._id, decision: 'return', comment: '请补充岗位全称' } },
      { openid: 'dev-unit-admin' },
      bridge.deps,
    );
    const page = await openPage<{ steps: Array<{ title: string }> }>(MINE, bridge);
    expect(textOf(page)).toContain('退回修改');
    expect(page.data.steps.map((s) => s.title)).toEqual(['退回修改', '提交推荐']);
    expect(textOf(page.querySelector('.timeline')!)).toContain('意见：请补充岗位全称');
    expect(textOf(page.querySelector('.timeline')!)).toContain('陈管理员');

    await tapButton(page, '.resubmit', bridge);
    expect(bridge.nav.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/pages/nomination/form/index' }),
    );
  });

  it('shows an empty state with a way to the form', async () => {
    bridge.setOpenid('dev-youth-zhang');
    const page = await openPage(MINE, bridge);
    expect(textOf(page)).toContain('本期您还没有提交推荐');
    await tapButton(page, '.nominate', bridge);
    expect(bridge.nav.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/pages/nomination/form/index' }),
    );
  });

  it('explains in Chinese when there is no current period', async () => {
    await bridge.deps.store
      .collection('periods')
      .updateOne({ _id: demoPeriod(bridge.now)._id }, { $set: { current: false } });
    const page = await openPage(MINE, bridge);
    expect(textOf(page)).toContain('当前没有进行中的选培期');
  });

  it('shows the network error and recovers on retry', async () => {
    bridge.setOffline(true);
    const page = await openPage(MINE, bridge);
    expect(textOf(page)).toContain('网络异常，请检查网络后重试');
    bridge.setOffline(false);
    await tapButton(page, '.retry', bridge);
    expect(textOf(page)).toContain('待审核');
  });
});
