/**
 * Notifications end to end in the browser preview (issue 10): a youth submits and subscribes to the review
 * result from 我的推荐 (WeChat's dialog → 允许), the unit returns the nomination, the sender (run every
 * half second as `npm start` runs it) delivers the WeChat message once, and the youth finds the message in the
 * message centre behind the badge on home; the outbox panel shows it delivered.
 */
import { FUNCTIONS } from '../../scripts/local/functions';
import { demoIdNumber } from '../../scripts/local/seed';
import type { WechatEmulator } from '../../scripts/local/wechat';
import { nominationForm } from '../support/fixtures';
import { type Preview, screenshot, switchPersona, usePreview } from './support/preview';

jest.setTimeout(40_000);

describe('browser preview: subscribe → submit → returned → message centre and WeChat', () => {
  const flow = usePreview(undefined, { drainEveryMs: 500 });
  const { phone, openMiniPage } = flow;
  let p: Preview;
  beforeAll(() => {
    p = flow.p;
  });
  const as = (openid: string, fn: 'nomination' | 'account', action: string, data: unknown) =>
    FUNCTIONS[fn].handle({ action, data }, { openid }, p.deps);

  it('the youth submits and subscribes to the review result', async () => {
    const consent = await as('dev-youth-zhang', 'account', 'recordConsent', {
      purpose: 'personal_info',
      version: (await import('../../miniprogram/core/profile')).PERSONAL_INFO_CONSENT_VERSION,
      granted: true,
    });
    expect(consent.ok).toBe(true);
    const form = nominationForm({
      name: '张晓青',
      idNumber: demoIdNumber('330602', '1996-05-20', 17),
      phone: '13800005678',
    });
    expect((await as('dev-youth-zhang', 'nomination', 'submitSelf', form)).ok).toBe(true);
    await switchPersona(p.page, '张晓青');
    await phone().getByText('我的推荐', { exact: true }).click({ force: true });
    await phone().getByText('审核结果提醒').waitFor();
    await phone().getByText('订阅微信提醒', { exact: true }).click({ force: true });
    await p.page.locator('.pv-modal').getByText('允许', { exact: true }).click();
    await phone().getByText('已订阅：有结果时会通过微信通知您一次。').waitFor();
    expect(await p.deps.store.collection('grants').count({ openid: 'dev-youth-zhang', state: 'available' })).toBe(1);
  });

  it('the unit returns it; the youth sees the badge and the message; WeChat delivered it once', async () => {
    const [mine] = await p.deps.store.collection('nominations').find({ youthOpenid: 'dev-youth-zhang' });
    const res = await as('dev-unit-admin', 'nomination', 'review', {
      nominationId: mine._id,
      decision: 'return',
      comment: '请补充典型事迹',
    });
    expect(res.ok).toBe(true);
    const notice = p.page.locator('#pv-outbox-list .pv-notice', { hasText: '发给：张晓青' });
    await notice.getByText('微信已送达').waitFor({ timeout: 10_000 });
    await switchPersona(p.page, '李明');
    await switchPersona(p.page, '张晓青');
    await phone().locator('.unread-badge', { hasText: '1' }).waitFor();
    await screenshot(p.page, 'notify-1-home-badge');
    await phone().getByText('消息中心', { exact: true }).click({ force: true });
    await phone().getByText('您的好青年推荐审核结果：已退回修改（请补充典型事迹）').waitFor();
    await screenshot(p.page, 'notify-2-message-centre');
    await phone().locator('.message').first().click({ force: true });
    await phone().getByText('修改后重新提交').waitFor();
    const wechat = p.deps.wechat as WechatEmulator;
    await new Promise((r) => setTimeout(r, 1200)); // two more sender runs
    expect(wechat.delivered.filter((m) => m.touser === 'dev-youth-zhang')).toEqual([
      expect.objectContaining({ page: 'package-youth/pages/nomination/mine/index' }),
    ]);
    expect(await notice.count()).toBe(1);
  });

  // Issue 9 §1: an upheld objection used to flip the youth to 未通过 silently, and the objector never heard back.
  it('an upheld objection tells the youth and the objector', async () => {
    const [li] = await p.deps.store.collection('nominations').find({ youthOpenid: 'dev-youth-li' });
    const approve = { nominationId: li._id, decision: 'approve', confirm: { onStaff: true, attestations: true } };
    expect((await as('dev-unit-admin', 'nomination', 'review', approve)).ok).toBe(true);

    await switchPersona(p.page, '张晓青');
    await openMiniPage('/package-notice/pages/notice/index', '好青年公示');
    await phone().locator('wx-button', { hasText: '我有异议' }).first().click({ force: true });
    await phone().getByPlaceholder('必填，实名反映').fill('赵群众');
    await phone().getByPlaceholder('异议内容（至少10个字）').fill('据了解该同志并非本单位在编人员，请核实。');
    await phone().getByText('提交异议', { exact: true }).first().click({ force: true });
    await phone().getByText('感谢您的监督').waitFor();
    await phone().getByText('订阅微信提醒', { exact: true }).click({ force: true });
    await p.page.locator('.pv-modal').getByText('允许', { exact: true }).click();
    await phone().getByText('已订阅：有结果时会通过微信通知您一次。').waitFor();

    await switchPersona(p.page, '陈管理员');
    await openMiniPage('/package-admin/pages/admin/objections/index', '异议处理');
    await phone().getByText('成立', { exact: true }).first().click({ force: true });
    await phone().getByPlaceholder('核实情况说明（必填，留档备查）').fill('经核实该同志为劳务派遣人员');
    await phone().locator('wx-button', { hasText: '确定' }).last().click({ force: true });
    await p.page.locator('.pv-modal').getByText('确认成立', { exact: true }).click();
    await phone().getByText('暂无待处理的异议').waitFor();

    const toLi = p.page.locator('#pv-outbox-list .pv-notice', { hasText: '发给：李明' });
    await toLi.getByText('公示异议处理结果', { exact: true }).waitFor();
    await toLi.getByText('仅站内（消息中心）：未订阅').waitFor({ timeout: 10_000 });
    const toZhang = p.page.locator('#pv-outbox-list .pv-notice', { hasText: '您反映的公示异议已处理' });
    await toZhang.getByText('微信已送达').waitFor({ timeout: 10_000 });
    await screenshot(p.page, 'notify-3-objection-upheld');
    await switchPersona(p.page, '李明');
    await phone().getByText('消息中心', { exact: true }).click({ force: true });
    await phone()
      .getByText('经核实，关于您的公示异议成立，您本期的好青年推荐结果改为未通过（经核实该同志为劳务派遣人员）。')
      .waitFor();
  });
});
