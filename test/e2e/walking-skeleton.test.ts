/**
 * The walking skeleton, end to end in the browser preview: a youth nominates
 * themself (with instant Chinese feedback on a bad ID number and on age), the
 * unit admin sees the nomination with masked numbers only and approves it, the
 * youth is notified and sees the result. Runs the real pages, the real
 * functions and the embedded store; only the browser is headless.
 */
import { chineseDate } from '../../miniprogram/core/china-time';
import { demoIdNumber, demoPeriod } from '../../scripts/local/seed';
import {
  assertNoPageErrors,
  openPreview,
  phonePage,
  screenshot,
  startPreview,
  switchPersona,
  type Preview,
} from './support/preview';

jest.setTimeout(30_000);

const ID_NUMBER = demoIdNumber('330602', '1996-05-20', 17);
const PHONE = '13800005678';
/** The same check digits with the last one wrong. */
const BAD_CHECK_DIGIT = `${ID_NUMBER.slice(0, 17)}${ID_NUMBER[17] === '1' ? '2' : '1'}`;

function bornBeforeCutoff(): { idNumber: string; reason: string } {
  const cutoff = demoPeriod(new Date()).cutoffBirthDate;
  const year = Number(cutoff.slice(0, 4)) - 1;
  return {
    idNumber: demoIdNumber('330602', `${year}-01-01`, 18),
    reason: `${chineseDate(cutoff)}（含）以后出生方可参加本期选培`,
  };
}

describe('browser preview: self-nomination → unit review → result', () => {
  let p: Preview;

  beforeAll(async () => {
    p = await startPreview();
    await openPreview(p);
  });

  afterAll(async () => {
    await p?.close();
  });

  afterEach(() => assertNoPageErrors(p));

  const phone = () => phonePage(p.page);
  const title = () => p.page.locator('#pv-title');
  const idField = () => phone().getByPlaceholder('18位居民身份证号');

  it('the youth opens the self-nomination form from home', async () => {
    await switchPersona(p.page, '张晓青');
    await phone().getByText('所在单位：越城区 · 越城区智造科技有限公司').waitFor();
    await phone().getByText('我要自荐', { exact: true }).click({ force: true });
    await title().filter({ hasText: '个人自荐' }).waitFor();
    await idField().waitFor();
  });

  it('explains a wrong check digit in Chinese', async () => {
    await idField().fill(BAD_CHECK_DIGIT);
    await phone().getByText('身份证号校验位不正确，请核对最后一位').waitFor();
  });

  it('explains the age limit of the period for someone born before the cutoff', async () => {
    const old = bornBeforeCutoff();
    await idField().fill(old.idNumber);
    await phone().getByText(old.reason).waitFor();
    await expect(phone().locator('wx-button', { hasText: '提交自荐' }).getAttribute('class')).resolves.toMatch(
      /disabled/,
    );
  });

  it('accepts a valid ID number and submits after confirmation', async () => {
    await idField().fill(ID_NUMBER);
    await phone().getByText('出生日期：1996年5月20日').waitFor();
    await phone().getByPlaceholder('请输入真实姓名').fill('张晓青');
    await phone().getByPlaceholder('11位手机号').fill(PHONE);
    await phone().getByPlaceholder('如：研发工程师（工程师）').fill('软件工程师');
    await screenshot(p.page, 'skeleton-1-form');
    await phone().getByText('提交自荐', { exact: true }).click({ force: true });
    const dialog = p.page.getByRole('dialog');
    await dialog.getByText('确认提交', { exact: true }).waitFor();
    await dialog.getByRole('button', { name: '提交' }).click();
    await title().filter({ hasText: '我的推荐' }).waitFor();
    await phone().getByText('待审核', { exact: true }).first().waitFor();
    await phone().getByText('推荐渠道：个人自荐').waitFor();
  });

  it('the unit admin sees the nomination with masked ID and phone only', async () => {
    await switchPersona(p.page, '陈管理员');
    await phone().getByText('待审核 2 条').waitFor(); // 李明 from the seed, and 张晓青
    await phone().locator('wx-button', { hasText: '推荐审核' }).click({ force: true });
    await title().filter({ hasText: '推荐审核' }).waitFor();
    const card = phone().locator('nomination-card', { hasText: '张晓青' });
    await card.getByText(`${ID_NUMBER.slice(0, 6)}********${ID_NUMBER.slice(-4)}`, { exact: true }).waitFor();
    await card.getByText(`${PHONE.slice(0, 3)}****${PHONE.slice(-4)}`, { exact: true }).waitFor();
    // Nowhere in the document, text or attributes, do the full numbers appear.
    const html = await p.page.content();
    expect(html.includes(ID_NUMBER)).toBe(false);
    expect(html.includes(PHONE)).toBe(false);
    await screenshot(p.page, 'skeleton-2-review');
  });

  it('approves after confirming, and the nomination leaves the pending list', async () => {
    const card = phone().locator('nomination-card', { hasText: '张晓青' });
    await card.getByText('通过', { exact: true }).click({ force: true });
    const dialog = p.page.getByRole('dialog');
    await dialog.getByText('确认通过张晓青的推荐吗？通过后不可撤销。').waitFor();
    await dialog.getByRole('button', { name: '通过' }).click();
    await card.waitFor({ state: 'detached' });
    await phone().locator('nomination-card', { hasText: '李明' }).waitFor();
    await phone().getByText('共 1 条').waitFor();
  });

  it('the outbox shows the result notification addressed to the youth', async () => {
    const notice = p.page.locator('#pv-outbox-list .pv-notice', { hasText: '发给：张晓青' });
    await notice.getByText('推荐审核结果', { exact: true }).waitFor();
    await notice.getByText('您的好青年推荐审核结果：已通过').waitFor();
    await screenshot(p.page, 'skeleton-3-approved');
  });

  it('the youth sees the approval', async () => {
    await switchPersona(p.page, '张晓青');
    await phone().getByText('推荐状态：已通过').waitFor();
    await phone().getByText('我的推荐', { exact: true }).click({ force: true });
    await title().filter({ hasText: '我的推荐' }).waitFor();
    await phone().locator('status-tag', { hasText: '已通过' }).waitFor();
    await screenshot(p.page, 'skeleton-4-youth-result');
  });
});
