import { REASON_MAX, REASON_MIN } from '../../../../../../miniprogram/core/contracts/common';
import { maskIdNumber } from '../../../../../../miniprogram/core/id-number';
import { ATTESTATION_LABELS, PERSONAL_INFO_CONSENT_VERSION } from '../../../../../../miniprogram/core/profile';
import { demoForm, demoIdNumber } from '../../../../../../scripts/local/seed';
import { FUNCTIONS } from '../../../../../../scripts/local/functions';
import {
  find,
  loadPage,
  openPage,
  tapButton,
  textOf,
  toastOf,
  useBridge,
  type SimNode,
} from '../../../../../support/cloud-bridge';
import { reasonDialog } from '../../../../support/reason-dialog';

const bridge = useBridge({ openid: 'dev-unit-admin' });
const DETAIL = loadPage('package-admin/pages/review/detail/index');
const LI_ID = demoIdNumber('330602', '1995-03-15', 123);
const LI_PHONE = '13800001234';

interface DetailData {
  canDecide: boolean;
}

async function openLi() {
  const [li] = await bridge.deps.store.collection('nominations').find({ youthOpenid: 'dev-youth-li' });
  // As the queue opens it: the id travels URL-encoded in the query.
  return openPage<DetailData>(DETAIL, bridge, { id: encodeURIComponent(li._id) });
}

const dialogOf = (page: SimNode<unknown>) => reasonDialog(page, '.reason-dialog', bridge);

describe('review detail', () => {
  it('shows the masked record, the deeds, the attested criteria and the history', async () => {
    const page = await openLi();
    const text = textOf(page);
    expect(text).toContain('李明');
    expect(text).toContain(maskIdNumber(LI_ID));
    expect(text).toContain('138****1234');
    expect(text).toContain('大学本科/学士');
    expect(text).toContain(ATTESTATION_LABELS.contribution);
    expect(text).toContain('牵头完成企业生产线数字化改造');
    expect(textOf(find(page, '.history'))).toContain('提交推荐');
    expect(text).not.toContain(LI_ID);
    expect(text).not.toContain(LI_PHONE);
  });

  it('reveals the full ID number only with a typed reason, and notes that the view is recorded', async () => {
    const page = await openLi();
    await tapButton(page, '.reveal-id', bridge);
    const dialog = dialogOf(page);
    expect(dialog.data).toMatchObject({ visible: true, title: '查看李明的完整身份证号' });
    expect(textOf(find(page, ['.reason-dialog', '.reason-note']))).toContain('本次查看将被记录（查看人、时间、理由）');

    await dialog.confirm();
    expect(dialog.errorText()).toBe('请填写查看理由（至少4个字）');
    // Issue 9 §16: a two-character reason ("核对") says nothing and is refused.
    await dialog.type('核对');
    await dialog.confirm();
    expect(dialog.errorText()).toBe('请填写查看理由（至少4个字）');
    expect(bridge.calls.map((c) => c.action)).not.toContain('reveal');

    await dialog.type('核对报名信息');
    await dialog.confirm();
    expect(dialog.data.visible).toBe(false);
    expect(textOf(page.querySelector('.revealed-id')!)).toBe(LI_ID);
    expect(textOf(page.querySelector('.audit-note')!)).toContain('本次查看已记录（审计）');
    // The phone stays masked until asked for separately.
    expect(textOf(page)).not.toContain(LI_PHONE);
    const audits = await bridge.deps.store
      .collection<{ _id: string; details?: Record<string, unknown> }>('audit')
      .find({});
    expect(audits.some((a) => a.details?.revealed === 'idNumber' && a.details?.reason === '核对报名信息')).toBe(true);
  });

  it('reveals the phone the same way', async () => {
    const page = await openLi();
    await tapButton(page, '.reveal-phone', bridge);
    await dialogOf(page).type('电话联系本人');
    await dialogOf(page).confirm();
    expect(textOf(page.querySelector('.revealed-phone')!)).toBe(LI_PHONE);
  });

  it('approves after confirmation; the decision buttons go away', async () => {
    const page = await openLi();
    expect(page.data.canDecide).toBe(true);
    await tapButton(page, '.approve', bridge);
    expect(bridge.modal).toHaveBeenCalledWith(expect.objectContaining({ title: '确认通过' }));
    expect(toastOf(page).message).toBe('已通过');
    expect(page.querySelector('.approve')).toBeUndefined();
    expect(textOf(find(page, '.history'))).toContain('审核通过');
  });

  it('returns with a required comment', async () => {
    const page = await openLi();
    await tapButton(page, '.return', bridge);
    await dialogOf(page).confirm();
    expect(dialogOf(page).errorText()).toBe('请填写退回修改的意见');
    await dialogOf(page).type('岗位请写全称');
    await dialogOf(page).confirm();
    expect(toastOf(page).message).toBe('已退回修改');
    const [doc] = await bridge.deps.store.collection('nominations').find({ youthOpenid: 'dev-youth-li' });
    expect(doc).toMatchObject({ status: 'returned' });
  });

  it('lets a district admin follow and reveal, but not decide', async () => {
    bridge.setOpenid('dev-district-admin');
    const page = await openLi();
    expect(page.querySelector('.approve')).toBeUndefined();
    expect(page.querySelector('.reveal-id')).toBeTruthy();
  });

  it('shows the unit admin that the number is contested, and offers no void (issue 8 §6)', async () => {
    const [li] = await bridge.deps.store.collection('nominations').find({ youthOpenid: 'dev-youth-li' });
    await bridge.deps.store
      .collection('nominations')
      .updateOne({ _id: li._id }, { $set: { contest: { count: 2, lastAt: bridge.now, unitIds: ['keqiao-tech'] } } });
    const page = await openLi();
    expect(textOf(find(page, '.contest-banner'))).toContain('该身份证号存在争议：本期另有2次推荐因号码重复被拒');
    expect(page.querySelector('.void')).toBeUndefined();
  });

  it('lets the district void the record with a reason, after saying what follows (issue 8 §6)', async () => {
    bridge.setOpenid('dev-district-admin');
    const page = await openLi();
    await tapButton(page, '.void', bridge);
    const dialog = dialogOf(page);
    expect(dialog.data).toMatchObject({ visible: true, title: '作废推荐记录（李明）' });
    expect(textOf(find(page, ['.reason-dialog', '.reason-note']))).toContain('该身份证号可由其所在单位重新推荐');
    await dialog.confirm();
    expect(bridge.calls.map((c) => c.action)).not.toContain('voidNomination');
    await dialog.type('经核实该身份证号被他人冒用');
    await dialog.confirm();
    expect(bridge.calls.map((c) => c.action)).toContain('voidNomination');
    const [doc] = await bridge.deps.store.collection('nominations').find({ youthOpenid: 'dev-youth-li' });
    expect(doc).toMatchObject({ status: 'voided' });
    expect(textOf(page)).toContain('已作废');
    expect(page.querySelector('.void')).toBeUndefined();
  });

  it('refuses someone outside the scope in Chinese', async () => {
    bridge.setOpenid('dev-youth-zhang');
    const page = await openLi();
    expect(textOf(find(page, ['.page-state', '.load-error']))).toBe('该对象不在您的管理范围内');
  });

  it('explains a missing record when opened without one', async () => {
    const page = await openPage<DetailData>(DETAIL, bridge, {});
    expect(textOf(find(page, ['.page-state', '.load-error']))).toBe('未找到该推荐记录');
  });

  it("shows today's eligibility verdict, as the README promises (issue 9 §16)", async () => {
    const page = await openLi();
    expect(textOf(find(page, '.eligibility'))).toContain('按今日核验：符合本期选培条件');
  });

  it("bounds the return reason by the contract, the same as the queue's dialog (issue 9 §16)", async () => {
    const page = await openLi();
    // A reveal first (its reason has its own bound), then 退回: the dialog takes the review comment's bound.
    await tapButton(page, '.reveal-id', bridge);
    await dialogOf(page).cancel();
    await tapButton(page, '.return', bridge);
    expect(dialogOf(page).data.maxlength).toBe(REASON_MAX);
    await dialogOf(page).type('岗位');
    await dialogOf(page).confirm();
    expect(dialogOf(page).errorText()).toBe(`请填写退回修改的意见（至少${REASON_MIN}个字）`);
  });
});

describe('review detail: a unit-entered record’s claim (issue 9)', () => {
  const as = (openid: string, fn: 'nomination' | 'account', action: string, data: Record<string, unknown>) =>
    FUNCTIONS[fn].handle({ action, data }, { openid }, bridge.deps);

  it('says it is unclaimed, reissues a code the youth then claims with, and says it is claimed', async () => {
    const idNumber = demoIdNumber('330602', '1996-05-20', 77);
    const form = demoForm({ name: '钱认领', idNumber, phone: '13900007777', post: '技术员' });
    const entered = await as('dev-unit-admin', 'nomination', 'nominateByUnit', {
      unitId: 'yuecheng-tech',
      form,
      consentObtained: true,
    });
    if (!entered.ok) throw new Error(entered.error.code);
    const { nomination } = entered.data as { nomination: { id: string } };
    const page = await openPage(DETAIL, bridge, { id: encodeURIComponent(nomination.id) });
    const card = find(page, '.claim-card');
    expect(textOf(card)).toContain('尚未认领');

    await tapButton(card, '.reissue', bridge);
    expect(bridge.modal).toHaveBeenCalledWith(expect.objectContaining({ title: '重新生成认领码' }));
    const code = textOf(find(card, '.new-code'));
    expect(code).toMatch(/^[A-Z0-9]{11}$/);

    const consent = { purpose: 'personal_info', version: PERSONAL_INFO_CONSENT_VERSION, granted: true };
    await as('test-youth-qian', 'account', 'recordConsent', consent);
    const claimed = await as('test-youth-qian', 'nomination', 'claim', { claimCode: code, idNumber });
    expect(claimed.ok).toBe(true);
    const again = await openPage(DETAIL, bridge, { id: encodeURIComponent(nomination.id) });
    expect(textOf(find(again, '.claim-card'))).toContain('本人已在小程序中认领此推荐');
    expect(find(again, '.claim-card').querySelector('.reissue')).toBeFalsy();
  });
});
