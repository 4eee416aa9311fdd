import { maskIdNumber } from '../../../../../../miniprogram/core/id-number';
import { ATTESTATION_LABELS } from '../../../../../../miniprogram/core/profile';
import { FUNCTIONS } from '../../../../../../scripts/local/functions';
import { demoForm, demoIdNumber, demoPeriod } from '../../../../../../scripts/local/seed';
import {
  find,
  loadPage,
  openPage,
  tapButton,
  textOf,
  useBridge,
  type SimNode,
} from '../../../../../support/cloud-bridge';

const bridge = useBridge({ openid: 'dev-youth-li' });
const MINE = loadPage('package-youth/pages/nomination/mine/index');
const LI_ID = demoIdNumber('330602', '1995-03-15', 123);

async function liNominationId(): Promise<string> {
  const [li] = await bridge.deps.store.collection('nominations').find({ youthOpenid: 'dev-youth-li' });
  return li._id;
}

/** The unit admin decides through the real API. */
async function review(decision: 'approve' | 'reject' | 'return', comment?: string): Promise<void> {
  const res = await FUNCTIONS.nomination.handle(
    {
      action: 'review',
      data: {
        nominationId: await liNominationId(),
        decision,
        ...(comment ? { comment } : {}),
        ...(decision === 'approve' ? { confirm: { onStaff: true, attestations: true } } : {}),
      },
    },
    { openid: 'dev-unit-admin' },
    bridge.deps,
  );
  if (!res.ok) throw new Error(`arrange failed: ${res.error.code}`);
}

const timelineText = (page: SimNode<unknown>) => textOf(find(page, '.history'));

describe('my nomination', () => {
  it('待审核: the status, the masked record, the attested criteria, the deeds and the history', async () => {
    const page = await openPage(MINE, bridge);
    const text = textOf(page);
    // Issue 9: who reviews it and what it waits for, from the server.
    expect(textOf(page.querySelector('.status-banner')!)).toBe('已提交，等待越城区智造科技有限公司管理员审核。');
    expect(text).toContain('待审核');
    expect(text).toContain(maskIdNumber(LI_ID));
    expect(text).toContain('138****1234');
    expect(text).toContain('越城区智造科技有限公司');
    expect(text).toContain('个人自荐');
    expect(text).toContain('大学本科/学士');
    expect(text).toContain('共青团员');
    expect(text).toContain(ATTESTATION_LABELS.moral);
    expect(text).toContain(demoForm({ name: '', idNumber: '', phone: '', post: '' }).deeds);
    expect(text).toContain('同意在公示和展示中使用事迹');
    expect(timelineText(page)).toContain('提交推荐');
    // R9.1 only masked numbers ever reach the phone.
    expect(text).not.toContain(LI_ID);
    expect(text).not.toContain('13800001234');
    expect(page.querySelector('.resubmit')).toBeUndefined();
    expect(page.querySelector('.withdraw')).toBeTruthy();
  });

  it('退回修改: shows the comment and offers to resubmit', async () => {
    await review('return', '请补充岗位全称');
    const page = await openPage(MINE, bridge);
    expect(textOf(page.querySelector('.status-banner')!)).toBe('单位退回修改：请补充岗位全称');
    const timeline = timelineText(page);
    expect(timeline.indexOf('退回修改')).toBeLessThan(timeline.indexOf('提交推荐')); // newest first
    expect(timeline).toContain('意见：请补充岗位全称');
    expect(timeline).toContain('陈管理员');

    await tapButton(page, '.resubmit', bridge);
    expect(bridge.nav.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/package-youth/pages/nomination/form/index' }),
    );
    expect(page.querySelector('.withdraw')).toBeTruthy();
  });

  it('已通过: says so and still allows withdrawal', async () => {
    await review('approve');
    const page = await openPage(MINE, bridge);
    expect(textOf(page.querySelector('.status-banner')!)).toBe('您的推荐已通过单位审核，等待越城区团委统一备案。');
    expect(textOf(page)).toContain('已通过');
    expect(page.querySelector('.withdraw')).toBeTruthy();
  });

  // Issue 9 §13: a filed list is locked; the page says so instead of offering a withdrawal that will be refused.
  it('已通过 in a filed list: explains the lock instead of offering 撤回推荐', async () => {
    await review('approve');
    const res = await FUNCTIONS.admin.handle(
      { action: 'file', data: { filingId: `${demoPeriod(bridge.now)._id}:district:yuecheng` } },
      { openid: 'dev-district-admin' },
      bridge.deps,
    );
    if (!res.ok) throw new Error(`arrange failed: ${res.error.code}`);
    const page = await openPage(MINE, bridge);
    expect(page.querySelector('.withdraw')).toBeUndefined();
    expect(textOf(page.querySelector('.withdraw-unavailable')!)).toContain('名单已备案锁定');
  });

  // Issue 9 §17: 职务/岗位 appears once (the record's full position line), not again on the card.
  it('shows the position once', async () => {
    const page = await openPage(MINE, bridge);
    const text = textOf(page);
    expect(text.split('职务').length - 1).toBe(1);
  });

  it('未通过: shows the reason and offers no withdrawal', async () => {
    await review('reject', '不符合在编要求');
    const page = await openPage(MINE, bridge);
    expect(textOf(page.querySelector('.status-banner')!)).toBe('未通过审核。原因：不符合在编要求');
    expect(page.querySelector('.withdraw')).toBeUndefined();
    expect(page.querySelector('.resubmit')).toBeUndefined();
  });

  it('草稿: a draft without a nomination offers to continue', async () => {
    bridge.setOpenid('dev-youth-zhang');
    await FUNCTIONS.nomination.handle(
      { action: 'saveDraft', data: { fields: { name: '张晓青', education: 'master' } } },
      { openid: 'dev-youth-zhang' },
      bridge.deps,
    );
    const page = await openPage(MINE, bridge);
    expect(textOf(page)).toContain('草稿');
    expect(textOf(page)).toContain('您有尚未提交的草稿');
    await tapButton(page, '.continue', bridge);
    expect(bridge.nav.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/package-youth/pages/nomination/form/index' }),
    );
  });

  it('shows an empty state with the ways to the form and to claiming a unit recommendation', async () => {
    bridge.setOpenid('dev-youth-zhang');
    const page = await openPage(MINE, bridge);
    expect(textOf(page)).toContain('本期您还没有提交推荐');
    await tapButton(page, '.nominate', bridge);
    expect(bridge.nav.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/package-youth/pages/nomination/form/index' }),
    );
    await tapButton(page, '.claim', bridge);
    expect(bridge.nav.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/package-youth/pages/nomination/claim/index' }),
    );
  });

  it('withdraws after a confirmation that explains the consequences, then goes home', async () => {
    const page = await openPage(MINE, bridge);
    await tapButton(page, '.withdraw', bridge);

    const [[modal]] = bridge.modal.mock.calls as Array<[{ title: string; content: string }]>;
    expect(modal.title).toBe('撤回推荐');
    expect(modal.content).toContain('从单位、区县和团市委的所有名单和统计中移除');
    expect(modal.content).toContain('保留期满后删除');
    expect(bridge.nav.reLaunch).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/home/index' }));
    const [doc] = await bridge.deps.store
      .collection<{ _id: string; status: string; eraseAfter: unknown }>('nominations')
      .find({ youthOpenid: 'dev-youth-li' });
    expect(doc).toMatchObject({ status: 'withdrawn' });
    expect(doc.eraseAfter).toBeInstanceOf(Date);
  });

  it('withdraws the consent after a confirmation that says what follows (PIPL art. 47)', async () => {
    const page = await openPage(MINE, bridge);
    await tapButton(page, '.withdraw-consent', bridge);
    const [[modal]] = bridge.modal.mock.calls as Array<[{ title: string; content: string }]>;
    expect(modal.title).toBe('撤回个人信息处理授权');
    expect(modal.content).toContain('停止处理您的身份证号和手机号');
    expect(modal.content).toContain('立即撤回');
    expect(bridge.calls.map((c) => c.action)).toContain('withdrawConsent');
    const [doc] = await bridge.deps.store.collection('nominations').find({ youthOpenid: 'dev-youth-li' });
    expect(doc).toMatchObject({ status: 'withdrawn', consentWithdrawnAt: expect.any(Date) });
    // The consent is no longer on record: the entry is gone.
    expect(page.querySelector('.withdraw-consent')).toBeUndefined();
  });

  it('keeps the consent when the youth cancels its withdrawal', async () => {
    bridge.cancelModals();
    const page = await openPage(MINE, bridge);
    await tapButton(page, '.withdraw-consent', bridge);
    expect(bridge.calls.map((c) => c.action)).not.toContain('withdrawConsent');
    expect(page.querySelector('.withdraw-consent')).toBeTruthy();
  });

  it('keeps the nomination when the youth cancels the withdrawal', async () => {
    bridge.cancelModals();
    const page = await openPage(MINE, bridge);
    await tapButton(page, '.withdraw', bridge);
    expect(bridge.calls.map((c) => c.action)).not.toContain('withdraw');
    expect(bridge.nav.reLaunch).not.toHaveBeenCalled();
    const [doc] = await bridge.deps.store.collection('nominations').find({ youthOpenid: 'dev-youth-li' });
    expect(doc).toMatchObject({ status: 'submitted' });
  });

  it('shows the Chinese message when the withdrawal fails, and reloads', async () => {
    const page = await openPage(MINE, bridge);
    await review('reject', '材料不实'); // decided meanwhile: a rejected record cannot be withdrawn
    await tapButton(page, '.withdraw', bridge);
    // Whole, in a dialog, not cut in a toast (issue 9 §5).
    expect(bridge.modal).toHaveBeenLastCalledWith(
      expect.objectContaining({ title: '未能撤回', content: '该推荐的状态已变化，请刷新后重试' }),
    );
    expect(textOf(page.querySelector('.status-banner')!)).toBe('未通过审核。原因：材料不实');
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
    await tapButton(page, ['.page-state', '.retry'], bridge);
    expect(textOf(page)).toContain('待审核');
  });
});

describe('mine: the review-result subscription after submitting (issue 10)', () => {
  it('a submitted nomination offers it; 允许 records one grant of the review-result template', async () => {
    const wx = (globalThis as unknown as { wx: Record<string, unknown> }).wx;
    wx.requestSubscribeMessage = (o: { tmplIds: string[]; success(r: Record<string, string>): void }) =>
      o.success({ errMsg: 'requestSubscribeMessage:ok', ...Object.fromEntries(o.tmplIds.map((id) => [id, 'accept'])) });
    const page = await openPage(MINE, bridge);
    expect(textOf(find(page, '.subscribe-result'))).toContain('审核结果提醒');
    await tapButton(page, ['.subscribe-result', '.subscribe__button'], bridge);
    expect(textOf(find(page, '.subscribe-result'))).toContain('已订阅');
    expect(await bridge.deps.store.collection('grants').find({ openid: 'dev-youth-li' })).toEqual([
      expect.objectContaining({ template: 'reviewResult', templateId: 'dev-tmpl-review-result', state: 'available' }),
    ]);
  });

  it('is not offered once the nomination is decided', async () => {
    await review('approve');
    const page = await openPage(MINE, bridge);
    expect(page.querySelector('.subscribe-result')).toBeUndefined();
  });
});
