import { addYears, chineseDate } from '../../../../../miniprogram/core/china-time';
import { demoIdNumber, demoPeriod } from '../../../../../scripts/local/seed';
import { loadPage, openPage, tapButton, textOf, toastOf, typeInto, useBridge } from '../../../../support/cloud-bridge';

const bridge = useBridge({ openid: 'dev-youth-zhang' });
const FORM = loadPage('pages/nomination/form/index');

/** The fields of the page's data these tests read. */
interface FormData {
  loadError: string;
  form: { name: string; idNumber: string; phone: string; post: string; onStaff: boolean };
  view: { canSubmit: boolean; idNumber: { tip: string; status: string } };
}
const open = () => openPage<FormData>(FORM, bridge);

const dayBefore = (date: string): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

describe('nomination form', () => {
  it('explains in Chinese why an ID born before the cutoff is not eligible, and keeps submit disabled', async () => {
    const { cutoffBirthDate } = demoPeriod(bridge.now);
    const page = await open();
    await typeInto(page, '.field-id', demoIdNumber('330602', dayBefore(cutoffBirthDate), 12), bridge);

    expect(textOf(page)).toContain(`${chineseDate(cutoffBirthDate)}（含）以后出生方可参加本期选培`);
    expect(page.data.view.canSubmit).toBe(false);
    await tapButton(page, '.submit', bridge);
    expect(bridge.calls.map((c) => c.action)).not.toContain('submitSelf');
  });

  it('shows the birth date and sex derived from a valid ID number as the youth types', async () => {
    const { cutoffBirthDate } = demoPeriod(bridge.now);
    const page = await open();
    // The cutoff day itself is eligible; digit 17 odd = male.
    await typeInto(page, '.field-id', demoIdNumber('330602', cutoffBirthDate, 13), bridge);
    expect(textOf(page)).toContain(`出生日期：${chineseDate(cutoffBirthDate)}，性别：男`);

    await typeInto(page, '.field-id', '33060219980101', bridge);
    expect(textOf(page)).toContain('请输入18位身份证号（已输入14位）');

    await typeInto(page, '.field-id', demoIdNumber('330602', '1998-01-01', 12).slice(0, 17) + '0', bridge);
    expect(textOf(page)).toContain('身份证号校验位不正确，请核对最后一位');
  });

  it('flags a bad phone number and the on-staff requirement instantly', async () => {
    const page = await open();
    await typeInto(page, '.field-phone', '12345678901', bridge);
    expect(textOf(page)).toContain('手机号格式不正确');

    page.querySelector('.field-on-staff')!.querySelector('.t-switch')!.dispatchEvent('tap');
    await bridge.idle();
    expect(page.data.form.onStaff).toBe(false);
    expect(textOf(page)).toContain('须为本单位在编人员方可参加选培');

    // The whole row is a tap target too.
    page.querySelector('.on-staff-row')!.querySelector('.t-cell')!.dispatchEvent('tap');
    await bridge.idle();
    expect(page.data.form.onStaff).toBe(true);
    expect(textOf(page)).not.toContain('须为本单位在编人员方可参加选培');
  });

  it('submits after confirmation and goes to "my nomination"', async () => {
    const page = await open();
    await typeInto(page, '.field-name', '张晓青', bridge);
    await typeInto(page, '.field-id', demoIdNumber('330602', '1998-01-01', 24), bridge);
    await typeInto(page, '.field-phone', '13900001111', bridge);
    await typeInto(page, '.field-post', '工艺工程师', bridge);
    expect(page.data.view.canSubmit).toBe(true);

    await tapButton(page, '.submit', bridge);

    expect(bridge.modal).toHaveBeenCalledWith(expect.objectContaining({ title: '确认提交' }));
    expect(bridge.nav.redirectTo).toHaveBeenCalledWith({ url: '/pages/nomination/mine/index' });
    const saved = await bridge.deps.store.collection('nominations').find({ youthOpenid: 'dev-youth-zhang' });
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ status: 'submitted', name: '张晓青', post: '工艺工程师', onStaff: true });
  });

  it('does nothing when the youth cancels the confirmation', async () => {
    bridge.cancelModals();
    const page = await open();
    await typeInto(page, '.field-name', '张晓青', bridge);
    await typeInto(page, '.field-id', demoIdNumber('330602', '1998-01-01', 24), bridge);
    await typeInto(page, '.field-phone', '13900001111', bridge);
    await typeInto(page, '.field-post', '工艺工程师', bridge);
    await tapButton(page, '.submit', bridge);

    expect(bridge.calls.map((c) => c.action)).not.toContain('submitSelf');
    expect(bridge.nav.redirectTo).not.toHaveBeenCalled();
  });

  it('shows a server verdict under the field it concerns', async () => {
    const page = await open();
    // The city tightened the period's rules after the page loaded: the server is the authority (R2.5).
    const period = demoPeriod(bridge.now);
    const stricter = addYears(period.cutoffBirthDate, 10);
    await bridge.deps.store
      .collection('periods')
      .updateOne({ _id: period._id }, { $set: { cutoffBirthDate: stricter } });

    await typeInto(page, '.field-name', '张晓青', bridge);
    await typeInto(page, '.field-id', demoIdNumber('330602', dayBefore(stricter), 24), bridge);
    await typeInto(page, '.field-phone', '13900001111', bridge);
    await typeInto(page, '.field-post', '工艺工程师', bridge);
    await tapButton(page, '.submit', bridge);

    const message = `${chineseDate(stricter)}（含）以后出生方可参加本期选培`;
    expect(page.data.view.idNumber).toEqual({ tip: message, status: 'error' });
    expect(textOf(page.querySelector('.field-id')!.querySelector('.t-input__tips')!)).toBe(message);
    expect(toastOf(page)).toMatchObject({ visible: true, message });
    expect(page.data.view.canSubmit).toBe(false);
    expect(bridge.nav.redirectTo).not.toHaveBeenCalled();

    // Editing the field clears the server's verdict.
    await typeInto(page, '.field-id', demoIdNumber('330602', '2005-01-01', 24), bridge);
    expect(page.data.view.idNumber.status).toBe('success');
  });

  it('shows a form-level server error (someone already nominated with this ID) in Chinese', async () => {
    const page = await open();
    await typeInto(page, '.field-name', '李明', bridge);
    await typeInto(page, '.field-id', demoIdNumber('330602', '1995-03-15', 123), bridge);
    await typeInto(page, '.field-phone', '13800001234', bridge);
    await typeInto(page, '.field-post', '研发工程师', bridge);
    await tapButton(page, '.submit', bridge);

    expect(textOf(page.querySelector('.form-error')!)).toBe('本期已存在该人员的推荐，不能重复提交');
    expect(toastOf(page).message).toBe('本期已存在该人员的推荐，不能重复提交');
  });

  it('tells a youth who already has a nomination under review to view it instead', async () => {
    bridge.setOpenid('dev-youth-li');
    const page = await open();
    expect(textOf(page)).toContain('您本期已提交推荐（待审核），不能重复提交。');
    await tapButton(page, '.view-mine', bridge);
    expect(bridge.nav.redirectTo).toHaveBeenCalledWith({ url: '/pages/nomination/mine/index' });
  });

  it('prefills name and post and shows the reason when the unit returned the nomination', async () => {
    bridge.setOpenid('dev-unit-admin');
    const [li] = await bridge.deps.store.collection('nominations').find({ youthOpenid: 'dev-youth-li' });
    const { FUNCTIONS } = await import('../../../../../scripts/local/functions');
    await FUNCTIONS.nomination.handle(
      { action: 'review', data: { nominationId: li._id, decision: 'return', comment: '岗位请写全称' } },
      { openid: 'dev-unit-admin' },
      bridge.deps,
    );
    bridge.setOpenid('dev-youth-li');
    const page = await open();
    expect(textOf(page)).toContain('单位退回修改：岗位请写全称');
    expect(page.data.form).toMatchObject({ name: '李明', post: '研发工程师（工程师）', idNumber: '', phone: '' });
  });

  it('asks an unbound user to bind a unit first', async () => {
    bridge.setOpenid('dev-youth-new');
    const page = await open();
    expect(textOf(page)).toContain('请先绑定所在单位');
    await tapButton(page, '.bind-unit', bridge);
    expect(bridge.nav.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/pages/account/bind-unit/index' }),
    );
  });

  it('explains that the window has closed and keeps submit disabled', async () => {
    const deadline = new Date(Date.now() - 86_400_000);
    await bridge.deps.store
      .collection('periods')
      .updateOne({ _id: demoPeriod(bridge.now)._id }, { $set: { nominationDeadline: deadline.toISOString() } });
    const page = await open();
    const day = new Date(deadline.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    expect(textOf(page.querySelector('.closed')!)).toBe(`本期推荐已截止（截止时间：${chineseDate(day)}）`);
    await typeInto(page, '.field-name', '张晓青', bridge);
    await typeInto(page, '.field-id', demoIdNumber('330602', '1998-01-01', 24), bridge);
    await typeInto(page, '.field-phone', '13900001111', bridge);
    await typeInto(page, '.field-post', '工艺工程师', bridge);
    await tapButton(page, '.submit', bridge);
    expect(bridge.calls.map((c) => c.action)).not.toContain('submitSelf');
  });

  it('shows the network error and loads again on retry', async () => {
    bridge.setOffline(true);
    const page = await open();
    expect(textOf(page)).toContain('网络异常，请检查网络后重试');
    bridge.setOffline(false);
    await tapButton(page, '.retry', bridge);
    expect(page.data.loadError).toBe('');
    expect(page.querySelector('.field-id')).toBeTruthy();
  });
});
