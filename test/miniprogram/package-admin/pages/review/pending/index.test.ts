import type { NominationDoc } from '../../../../../../cloudfunctions/_lib/collections';
import { FUNCTIONS } from '../../../../../../scripts/local/functions';
import { PERSONAL_INFO_CONSENT_VERSION } from '../../../../../../miniprogram/core/profile';
import { demoForm, demoIdNumber } from '../../../../../../scripts/local/seed';
import {
  find,
  hostText,
  loadPage,
  openPage,
  tapButton,
  textOf,
  toastOf,
  useBridge,
  type Bridge,
  type SimNode,
} from '../../../../../support/cloud-bridge';
import { reasonDialog } from '../../../../support/reason-dialog';
import { addNominations } from '../../../../../support/nominees';

const bridge = useBridge({ openid: 'dev-unit-admin' });
const PENDING = loadPage('package-admin/pages/review/pending/index');

interface QueueData {
  status: string;
  hasMore: boolean;
}
const open = () => openPage<QueueData>(PENDING, bridge);

/** Arrange through the real API: a youth binds to the unit, consents and nominates themself. */
async function nominate(b: Bridge, n: number): Promise<void> {
  const openid = `test-youth-${n}`;
  const name = `青年${'甲乙丙丁戊己庚辛壬癸'[n % 10]}${'一二三四五六七八九十'[Math.floor(n / 10)]}`;
  const meta = { openid };
  await FUNCTIONS.account.handle(
    { action: 'bindUnit', data: { unitId: 'yuecheng-tech', displayName: name } },
    meta,
    b.deps,
  );
  await FUNCTIONS.account.handle(
    {
      action: 'recordConsent',
      data: { purpose: 'personal_info', version: PERSONAL_INFO_CONSENT_VERSION, granted: true },
    },
    meta,
    b.deps,
  );
  const form = demoForm({
    name,
    idNumber: demoIdNumber('330602', '1998-01-01', 200 + n),
    phone: '13900000000',
    post: '技术员',
  });
  const res = await FUNCTIONS.nomination.handle({ action: 'submitSelf', data: form }, meta, b.deps);
  if (!res.ok) throw new Error(`arrange failed: ${res.error.code}`);
}

const dialogOf = (page: SimNode<unknown>) => reasonDialog(page, '.reason-dialog', bridge);
const cards = (page: SimNode<unknown>) => page.querySelectorAll('.item');

describe('review queue', () => {
  it('lists the pending nomination of the unit with masked ID and phone', async () => {
    const page = await open();
    const text = textOf(page);
    expect(cards(page)).toHaveLength(1);
    expect(text).toContain('李明');
    expect(text).toContain('330602********123'); // region + last four only
    expect(text).toContain('138****1234');
    expect(text).toContain('年龄31岁（男）'); // the age, never the birth date beside the masked number
    expect(text).not.toContain('1995年3月15日');
    expect(text).toContain('研发工程师');
    expect(text).toContain('待审核');
    expect(text).not.toContain('13800001234');
    // Submitted "now" by the seed, shown in China time (UTC+8) although the suite runs in UTC.
    const china = new Date(bridge.now.getTime() + 8 * 3_600_000).toISOString();
    const [y, m, d] = china.slice(0, 10).split('-').map(Number);
    expect(text).toContain(`提交时间${y}年${m}月${d}日 ${china.slice(11, 16)}`);
  });

  it('approves after confirmation: the card leaves the list with a toast', async () => {
    const page = await open();
    await tapButton(page, '.approve', bridge);

    expect(bridge.modal).toHaveBeenCalledWith(expect.objectContaining({ title: '确认通过' }));
    expect(cards(page)).toHaveLength(0);
    expect(textOf(page)).toContain('暂无待审核的推荐');
    expect(toastOf(page)).toMatchObject({ visible: true, message: '已通过' });
    const [doc] = await bridge.deps.store.collection('nominations').find({ youthOpenid: 'dev-youth-li' });
    expect(doc).toMatchObject({ status: 'approved' });
  });

  it('offers 批量通过 where the caller decides on more than one', async () => {
    const one = await open();
    expect(one.querySelector('.batch')).toBeFalsy();
    await nominate(bridge, 1);
    const two = await open();
    expect(hostText(find(two, '.batch'), '.t-button')).toContain('批量通过');
  });

  it('searches the queue by name once the typing pauses', async () => {
    await nominate(bridge, 1);
    const page = await open();
    expect(textOf(page)).toContain('共 2 条');
    const input = find(page, ['.name-search', '.t-input__keyword']);
    input.dispatchEvent('input', { detail: { value: '李' } });
    await new Promise((resolve) => setTimeout(resolve, 350));
    await bridge.idle();
    expect(textOf(page)).toContain('共 1 条');
    expect(textOf(page)).toContain('李明');
    expect(textOf(page)).not.toContain('青年乙');
  });

  it('opens the detail page of a card', async () => {
    const page = await open();
    await tapButton(page, '.detail', bridge);
    const [li] = await bridge.deps.store.collection('nominations').find({ youthOpenid: 'dev-youth-li' });
    expect(bridge.nav.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: `/package-admin/pages/review/detail/index?id=${encodeURIComponent(li._id)}` }),
    );
  });

  it('refreshes the list when it shows again (a decision may have been taken on the detail page)', async () => {
    const page = await open();
    const [li] = await bridge.deps.store.collection('nominations').find({ youthOpenid: 'dev-youth-li' });
    await FUNCTIONS.nomination.handle(
      {
        action: 'review',
        data: { nominationId: li._id, decision: 'approve', confirm: { onStaff: true, attestations: true } },
      },
      { openid: 'dev-unit-admin' },
      bridge.deps,
    );
    page.triggerPageLifeTime('show');
    await bridge.idle();
    expect(cards(page)).toHaveLength(0);
  });

  it('does not approve when the admin cancels the confirmation', async () => {
    bridge.cancelModals();
    const page = await open();
    await tapButton(page, '.approve', bridge);
    expect(bridge.calls.map((c) => c.action)).not.toContain('review');
    expect(cards(page)).toHaveLength(1);
  });

  it('refuses to reject without a reason, then rejects with one', async () => {
    const page = await open();
    await tapButton(page, '.reject', bridge);
    const dialog = dialogOf(page);
    expect(dialog.data).toMatchObject({ visible: true, title: '不通过的原因（李明）' });

    await dialog.confirm();
    expect(dialog.errorText()).toBe('请填写不通过的原因');
    expect(bridge.calls.map((c) => c.action)).not.toContain('review');
    expect(dialog.data.visible).toBe(true);

    await dialog.type('不符合在编要求');
    await dialog.confirm();

    expect(dialog.data.visible).toBe(false);
    expect(cards(page)).toHaveLength(0);
    expect(toastOf(page).message).toBe('已标记为未通过');
    const [doc] = await bridge.deps.store
      .collection<{ _id: string; status: string; history: Array<{ comment: string | null }> }>('nominations')
      .find({ youthOpenid: 'dev-youth-li' });
    expect(doc.status).toBe('rejected');
    expect(doc.history.at(-1)?.comment).toBe('不符合在编要求');
  });

  it('returns for changes with a comment and the nomination shows under 退回修改', async () => {
    const page = await open();
    await tapButton(page, '.return', bridge);
    await dialogOf(page).type('岗位请写全称');
    await dialogOf(page).confirm();
    expect(toastOf(page).message).toBe('已退回修改');
    expect(cards(page)).toHaveLength(0);

    const tabs = find(page, '.tabs').querySelectorAll('.t-tabs__item');
    expect(tabs.map((t) => textOf(t))).toEqual(['待审核', '已通过', '未通过', '退回修改']);
    tabs[3].dispatchEvent('tap');
    await bridge.idle();
    expect(page.data.status).toBe('returned');
    expect(cards(page)).toHaveLength(1);
    expect(textOf(page)).toContain('退回修改');
    expect(page.querySelector('.approve')).toBeUndefined();
  });

  it('cancelling the reason dialog changes nothing', async () => {
    const page = await open();
    await tapButton(page, '.return', bridge);
    await dialogOf(page).cancel();
    expect(dialogOf(page).data.visible).toBe(false);
    expect(cards(page)).toHaveLength(1);
    expect(bridge.calls.map((c) => c.action)).not.toContain('review');
  });

  it('pages 20 at a time and loads more', async () => {
    for (let n = 1; n <= 24; n += 1) await nominate(bridge, n);
    const page = await open();
    expect(cards(page)).toHaveLength(20);
    expect(textOf(page)).toContain('共 25 条');

    await tapButton(page, '.load-more', bridge);
    expect(cards(page)).toHaveLength(25);
    expect(page.data.hasMore).toBe(false);
    expect(textOf(page)).toContain('没有更多了');
  });

  it('shows the Chinese message when a decision fails on the server', async () => {
    const page = await open();
    // Someone else decided meanwhile.
    const [li] = await bridge.deps.store.collection('nominations').find({ youthOpenid: 'dev-youth-li' });
    await FUNCTIONS.nomination.handle(
      {
        action: 'review',
        data: { nominationId: li._id, decision: 'approve', confirm: { onStaff: true, attestations: true } },
      },
      { openid: 'dev-unit-admin' },
      bridge.deps,
    );

    await tapButton(page, '.approve', bridge);
    expect(toastOf(page).message).toBe('该推荐的状态已变化，请刷新后重试');
    expect(cards(page)).toHaveLength(0); // reloaded
  });

  it('district admins follow a unit with its own admin, and the page says why there are no buttons', async () => {
    bridge.setOpenid('dev-district-admin');
    const page = await open();
    expect(cards(page)).toHaveLength(1);
    expect(page.querySelector('.approve')).toBeUndefined();
    expect(textOf(find(page, '.reviewer-note'))).toBe('本单位审核由单位管理员负责，区县和团市委仅可查看');
  });

  it('the district reviews for a unit without an admin, and the record says so (issue 9 §2)', async () => {
    const [id] = await addNominations(bridge.deps, 'yuecheng-social', 1, { seqStart: 500 }); // 青年志愿者协会
    bridge.setOpenid('dev-district-admin');
    const page = await open();
    const orphan = cards(page).find((c) => textOf(c).includes('越城区青年志愿者协会'))!;
    expect(textOf(orphan)).toContain('本单位尚无管理员账号，由区县团委代为审核');
    expect(textOf(orphan)).toContain('本单位名额1名，已通过0名，剩余1名');
    // The district decides only there: one 通过 on the page, the orphan's.
    expect(page.querySelectorAll('.approve')).toHaveLength(1);
    await tapButton(page, '.approve', bridge);
    expect(toastOf(page).message).toBe('已通过');
    const doc = await bridge.deps.store.collection<NominationDoc>('nominations').get(id);
    expect(doc).toMatchObject({ status: 'approved' });
    expect(doc!.history.at(-1)).toMatchObject({ actorName: '赵书记', onBehalf: 'district' });
  });

  it('a full quota is shown whole in a dialog, not cut in a toast (issue 9 §5)', async () => {
    await addNominations(bridge.deps, 'yuecheng-tech', 1, { seqStart: 600 });
    const page = await open();
    expect(textOf(cards(page)[0])).toContain('本单位名额1名，已通过0名，剩余1名');
    await tapButton(page, '.approve', bridge);
    expect(cards(page)).toHaveLength(1);
    expect(textOf(cards(page)[0])).toContain('剩余0名');
    await tapButton(page, '.approve', bridge);
    expect(bridge.modal).toHaveBeenLastCalledWith(
      expect.objectContaining({
        title: '名额已满',
        content: '本单位名额已满（1名），如需增加请联系区县团委或团市委',
        showCancel: false,
      }),
    );
  });

  it('shows the refusal in Chinese to someone without a reviewer role', async () => {
    bridge.setOpenid('dev-youth-zhang');
    const page = await open();
    expect(textOf(page)).toContain('您没有进行此操作的权限');
  });

  it('shows the network error and recovers on retry', async () => {
    bridge.setOffline(true);
    const page = await open();
    expect(textOf(page)).toContain('网络异常，请检查网络后重试');
    bridge.setOffline(false);
    await tapButton(page, ['.page-state', '.retry'], bridge);
    expect(cards(page)).toHaveLength(1);
  });
});
