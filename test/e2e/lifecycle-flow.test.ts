/**
 * The youth database over time, end to end in the browser preview (issue 14, Proof): the city admin imports a
 * workbook with two bad rows, sees them, fixes them, uploads again and applies it; 张晓青 confirms her data for
 * the year; the city opens the next period and sees last period's selected youths as alumni (校友). Real pages,
 * real functions, embedded store.
 */
import {
  C,
  type NominationDoc,
  type OrgDoc,
  type PeriodDoc,
  type QuotaDoc,
} from '../../cloudfunctions/_lib/collections';
import { renderRows } from '../../cloudfunctions/registry/src/workbook';
import { addNominations } from '../support/nominees';
import { drawnPixels } from './support/canvas';
import { screenshot, switchPersona, usePreview } from './support/preview';

jest.setTimeout(90_000);

const GOOD = [
  ['越城区导入示范公司', '两新组织', '区县单位', '越城区', '', '45'],
  ['柯桥区导入示范公司', '国有企业', '区县单位', '柯桥区', '', '120'],
  ['绍兴市导入示范局', '机关事业单位', '市直单位', '', '', '30'],
];

describe('browser preview: Excel import → yearly confirmation → a new period with alumni', () => {
  const selected: string[] = [];
  const flow = usePreview(async (p) => {
    // Two youths of 越城区智造科技有限公司 selected in this period: next period's alumni.
    const ids = await addNominations(p.deps, 'yuecheng-tech', 2, { status: 'approved', seqStart: 60 });
    const nominations = p.deps.store.collection<NominationDoc>(C.nominations);
    for (const id of ids) selected.push(((await nominations.get(id)) as NominationDoc).name);
    // Their places, as approving them would have taken (the comparison counts selected youths by the counters).
    const period = (await p.deps.store.collection<PeriodDoc>(C.periods).findOne({ current: true })) as PeriodDoc;
    const quotas = p.deps.store.collection<QuotaDoc>(C.quotas);
    const counter = `${period._id}:yuecheng-tech`;
    if (await quotas.get(counter)) await quotas.updateOne({ _id: counter }, { $set: { used: 2, limit: 2 } });
    else
      await quotas.insert({
        _id: counter,
        periodId: period._id,
        unitId: 'yuecheng-tech',
        districtId: 'yuecheng',
        category: 'two_new',
        suggested: 1,
        override: 2,
        overrideReason: '演示',
        limit: 2,
        used: 2,
        updatedAt: new Date(),
      });
  });
  const { phone, title, modal, openMiniPage } = flow;

  async function choose(rows: string[][], name: string, label: string): Promise<void> {
    const chooser = flow.p.page.waitForEvent('filechooser');
    await phone().getByText(label, { exact: true }).click({ force: true });
    const buffer = await renderRows('orgs', rows);
    const mimeType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    await (await chooser).setFiles({ name, mimeType, buffer });
  }

  it('the city imports a workbook with two bad rows, fixes them, uploads again and applies it', async () => {
    await switchPersona(flow.p.page, '周部长');
    await openMiniPage('/package-admin/pages/admin/index', '管理工作台');
    await phone().getByText('导入单位与青年人数', { exact: true }).click({ force: true });
    await title().filter({ hasText: '数据导入' }).waitFor();
    const bad = [
      GOOD[0],
      ['柯桥区导入示范公司', '私营企业', '区县单位', '柯桥区', '', '120'],
      ['绍兴市导入示范局', '机关事业单位', '市直单位', '火星区', '', '30'],
    ];
    await choose(bad, '单位导入.xlsx', '选择 Excel 文件');
    await phone().getByText('发现 2 处错误，请修改后重新选择文件：').waitFor();
    await phone()
      .getByText(/第3行 · 单位类别/)
      .waitFor();
    await phone()
      .getByText(/第4行 · 所属区县：市直单位不填所属区县/)
      .waitFor();
    await screenshot(flow.p.page, 'lifecycle-1-errors');
    const orgs = flow.p.deps.store.collection<OrgDoc>(C.orgs);
    expect(await orgs.find({ name: '越城区导入示范公司' })).toEqual([]);

    await choose(GOOD, '单位导入（已改）.xlsx', '重新选择文件');
    await phone().getByText('新增 3 · 变更 0 · 不变 0').waitFor();
    await phone().getByText('全部导入', { exact: true }).click({ force: true });
    await modal().getByRole('button', { name: '导入' }).click();
    await phone().getByText('导入完成', { exact: true }).first().waitFor();
    expect(await orgs.find({ name: '柯桥区导入示范公司' })).toEqual([
      expect.objectContaining({ districtId: 'keqiao', category: 'soe', youthCount: 120 }),
    ]);
    await screenshot(flow.p.page, 'lifecycle-2-applied');
  });

  it('张晓青 is asked to confirm her data for the year and confirms it', async () => {
    await switchPersona(flow.p.page, '张晓青');
    await openMiniPage('/pages/me/index', '我的');
    await phone().getByText('我的数据与年度确认', { exact: true }).click({ force: true });
    await title().filter({ hasText: '我的数据' }).waitFor();
    await phone().getByText('已满一年未确认，请确认或更正您的单位、岗位和联系方式。').waitFor();
    await screenshot(flow.p.page, 'lifecycle-3-due');
    await phone().getByText('信息无误，确认', { exact: true }).click({ force: true });
    await phone().getByText('已确认，谢谢').waitFor();
    expect(await phone().getByText('已满一年未确认').count()).toBe(0);
  });

  it('the city opens the next period, sees what changes, and finds last period’s youths as alumni', async () => {
    await switchPersona(flow.p.page, '周部长');
    await openMiniPage('/package-data/pages/period/index', '开启新一期');
    await phone().getByText('预览与上一期的变化', { exact: true }).click({ force: true });
    await phone()
      .getByText(/与上一期相比/)
      .waitFor();
    await phone().locator('wx-text.diff-row__label', { hasText: '年龄计算基准日' }).waitFor();
    await phone().getByPlaceholder('开启原因（必填）').fill('新一期选培启动');
    await phone().getByText('开启新一期', { exact: true }).click({ force: true });
    await modal().getByRole('button', { name: '开启' }).click();
    await phone()
      .getByText(/上一期入选青年 2 人转为校友/)
      .waitFor();
    await screenshot(flow.p.page, 'lifecycle-4-opened');
    await openMiniPage('/package-data/pages/database/index', '青年库');
    await phone().getByText('校友', { exact: true }).click({ force: true });
    for (const name of selected) await phone().getByText(`${name} · 越城区智造科技有限公司`).waitFor();
    await phone()
      .getByText(/校友（往期入选）/)
      .first()
      .waitFor();
    await screenshot(flow.p.page, 'lifecycle-5-alumni');

    // 各期对比: both periods, drawn (the last one's two selected youths are a blue bar).
    await openMiniPage('/package-data/pages/compare/index', '各期对比');
    await phone().getByText('绍兴市 · 共 2 期').waitFor();
    const pixels = await drawnPixels(phone().locator('.selected-chart canvas'));
    expect(pixels.ink).toBeGreaterThan(2000);
    expect(pixels.blue).toBeGreaterThan(200);
    await phone()
      .getByText(/入选 2 人 · 两新组织 2 人/)
      .waitFor();
    await screenshot(flow.p.page, 'lifecycle-6-compare');
  });
});
