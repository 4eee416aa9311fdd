/**
 * The walking skeleton, end to end in the browser preview: a youth opens the
 * self-nomination form, agrees to the personal-information rules, gets
 * instant Chinese feedback on a bad ID number and on age, fills the full form
 * by tapping choices and ticking the three criteria, and submits; the unit
 * admin sees the nomination with masked numbers only and approves it; the
 * youth is notified and sees the result. Runs the real pages, the real
 * functions and the embedded store; only the browser is headless.
 */
import { chineseDate } from '../../miniprogram/core/china-time';
import { ATTESTATION_LABELS } from '../../miniprogram/core/profile';
import { demoIdNumber, demoPeriod } from '../../scripts/local/seed';
import { type Preview, screenshot, switchPersona, usePreview } from './support/preview';

jest.setTimeout(30_000);

const ID_NUMBER = demoIdNumber('330602', '1996-05-20', 17);
const PHONE = '13800005678';
const DEEDS =
  '主持开发设备远程运维平台，使设备故障响应时间缩短百分之四十；带领青年突击队完成生产线数字化改造，获评区级青年岗位能手。';
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
  const flow = usePreview();
  const { phone, title, tapText } = flow;
  let p: Preview;
  beforeAll(() => {
    p = flow.p;
  });
  const idField = () => phone().getByPlaceholder('18位居民身份证号');

  it('the youth opens the self-nomination form from home and agrees to the personal-information rules', async () => {
    await switchPersona(p.page, '张晓青');
    await phone().getByText('所在单位：越城区 · 越城区智造科技有限公司').waitFor();
    await tapText('我要自荐');
    await title().filter({ hasText: '个人自荐' }).waitFor();
    const rules = phone().locator('.t-dialog', { hasText: '个人信息处理规则' });
    await rules.getByText('处理范围：').waitFor();
    await expect(idField().isDisabled()).resolves.toBe(true);
    await rules.getByText('同意', { exact: true }).click({ force: true });
    await rules.waitFor({ state: 'hidden' });
    await expect(idField().isEnabled()).resolves.toBe(true);
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

  it('fills the whole form by typing and tapping, and submits after confirmation', async () => {
    await idField().fill(ID_NUMBER);
    await phone().getByText('出生日期：1996年5月20日，性别：男').waitFor();
    await phone().getByPlaceholder('请输入真实姓名').fill('张晓青');
    await phone().getByPlaceholder('11位手机号').fill(PHONE);
    await tapText('大学本科');
    await tapText('学士');
    await tapText('共青团员');
    await phone().getByPlaceholder('必填，如：软件工程师').fill('软件工程师');
    await phone().getByPlaceholder('选填，如：工程师').fill('工程师');
    for (const label of Object.values(ATTESTATION_LABELS)) await tapText(label);
    await phone().locator('textarea').fill(DEEDS);
    await phone().getByText(`${DEEDS.length}/1500`).waitFor();
    await tapText('同意在公示和展示中使用我的事迹');
    await phone()
      .getByText(/^草稿已保存 \d\d:\d\d$/)
      .waitFor();
    await screenshot(p.page, 'skeleton-1-form');

    await phone().getByText('提交自荐', { exact: true }).click({ force: true });
    const dialog = p.page.getByRole('dialog');
    await dialog.getByText('确认提交', { exact: true }).waitFor();
    await dialog.getByRole('button', { name: '提交' }).click();
    await title().filter({ hasText: '我的推荐' }).waitFor();
    await phone().getByText('已提交，等待越城区智造科技有限公司管理员审核。').waitFor();
    await phone().locator('status-tag', { hasText: '待审核' }).waitFor();
    await phone().getByText(DEEDS).waitFor();
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
    // Approving is the reviewer's confirmation of on-staff status and the three criteria (R4.2).
    await dialog
      .getByText(
        '通过即确认：张晓青为本单位在编人员，且政治素质、道德品行、业绩贡献三项标准均经审核属实。通过后不可撤销。',
      )
      .waitFor();
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
    await phone().getByText('您的推荐已通过单位审核，等待越城区团委统一备案。').waitFor();
    await screenshot(p.page, 'skeleton-4-youth-result');
  });
});
