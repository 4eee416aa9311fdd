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
import {
  assertNoPageErrors,
  openPreview,
  phonePage,
  screenshot,
  startPreview,
  switchPersona,
  type Preview,
} from './support/preview';

jest.setTimeout(40_000);

describe('browser preview: subscribe → submit → returned → message centre and WeChat', () => {
  let p: Preview;
  beforeAll(async () => {
    p = await startPreview({ drainEveryMs: 500 });
    await openPreview(p);
  });
  afterAll(async () => {
    await p?.close();
  });
  afterEach(() => assertNoPageErrors(p));

  const phone = () => phonePage(p.page);
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
      expect.objectContaining({ page: 'pages/nomination/mine/index' }),
    ]);
    expect(await notice.count()).toBe(1);
  });
});
