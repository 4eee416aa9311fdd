/**
 * Cultivation end to end in the browser preview (issue 13): one youth's year. 陈管理员 records a posting to a
 * task force and a talk with the unit's Party head for 李明 (a 好青年 of his unit); 李明 adds a training on his
 * phone; the unit confirms it, records his application to the Party, the League's 推优 and his becoming an
 * activist; 李明's timeline shows all of it. Real pages, real functions, embedded store.
 */
import { C, type MeasureDoc, type NominationDoc, type PartyRecordDoc } from '../../cloudfunctions/_lib/collections';
import { FUNCTIONS } from '../../scripts/local/functions';
import { drawnPixels } from './support/canvas';
import { type Preview, screenshot, switchPersona, usePreview } from './support/preview';

jest.setTimeout(90_000);

describe('browser preview: a 好青年’s year of cultivation and 推优入党', () => {
  let liId = '';
  const flow = usePreview(async (p) => {
    // 李明 is a 好青年 of 陈管理员's unit: his nomination of the seed, approved.
    const li = await p.deps.store.collection<NominationDoc>(C.nominations).findOne({ youthOpenid: 'dev-youth-li' });
    liId = li?._id ?? '';
    const approved = await FUNCTIONS.nomination.handle(
      {
        action: 'review',
        data: { nominationId: liId, decision: 'approve', confirm: { onStaff: true, attestations: true } },
      },
      { openid: 'dev-unit-admin' },
      p.deps,
    );
    if (!approved.ok) throw new Error(`arrange: ${approved.error.code}`);
  });
  const { phone, title, modal, openMiniPage, tapText } = flow;
  let p: Preview;
  beforeAll(() => {
    p = flow.p;
  });

  async function confirmModal(): Promise<void> {
    await modal().getByRole('button', { name: '确定' }).click();
  }

  it('the unit opens 李明 from the ledger and records a posting to a task force', async () => {
    await switchPersona(p.page, '陈管理员');
    await openMiniPage('/package-admin/pages/admin/index', '管理工作台');
    await tapText('培养台账');
    await title().filter({ hasText: '培养台账' }).waitFor();
    await phone().getByText('近六个月与单位负责人谈心交流：0 人（0%）').waitFor();
    await tapText('李明');
    await title().filter({ hasText: '培养记录' }).waitFor();
    await phone().getByText('暂无培养记录').waitFor();
    await tapText('登记培养措施');
    await phone().getByText('培养类型').waitFor();
    await tapText('重点工作专班');
    await phone().getByPlaceholder('如：数字化改革专班、青年干部培训班').fill('数字化改革专班');
    await phone().getByPlaceholder('文件号、证书编号（选填）').fill('越政办〔2026〕12号');
    await tapText('登记');
    await phone().getByText('重点工作专班 · 数字化改革专班').waitFor();
  });

  it('and a talk with the unit’s Party head', async () => {
    await tapText('登记培养措施');
    await phone().getByText('培养类型').waitFor();
    await tapText('谈心交流');
    await phone().getByPlaceholder('如：数字化改革专班、青年干部培训班').fill('季度谈心');
    await tapText('单位党组织负责人');
    await phone().getByPlaceholder('如：王书记').fill('王书记');
    await phone().getByPlaceholder('简要记录').fill('谈工作成长与下一步岗位锻炼方向');
    await tapText('登记');
    await phone().getByText('单位党组织负责人 王书记：谈工作成长与下一步岗位锻炼方向').waitFor();
    await phone().getByText('近六个月已与单位负责人谈心交流').waitFor();
  });

  it('李明 adds a training from home; it waits for the unit', async () => {
    await switchPersona(p.page, '李明');
    await openMiniPage('/pages/home/index', '好青年选培');
    await tapText('我的培养记录');
    await title().filter({ hasText: '培养记录' }).waitFor();
    await tapText('添加培养记录');
    await phone().getByText('培养类型').waitFor();
    await tapText('培训');
    await phone().getByPlaceholder('如：数字化改革专班、青年干部培训班').fill('青年干部能力提升班');
    await phone().getByPlaceholder('如：团市委').fill('团市委');
    await phone().getByPlaceholder('如：32').fill('32');
    await tapText('提交单位确认');
    await phone().getByText('培训 · 青年干部能力提升班').waitFor();
    await phone().getByText('待单位确认').waitFor();
  });

  it('the unit confirms it, records the application, 推优 and the activist stage', async () => {
    await switchPersona(p.page, '陈管理员');
    await openMiniPage(`/package-cultivation/pages/timeline/index?id=${liId}`, '培养记录');
    await tapText('确认');
    await phone().getByText('待单位确认').waitFor({ state: 'detached' });
    await tapText('登记入党申请');
    await confirmModal();
    await phone().getByText('当前阶段：入党申请人').waitFor();
    await phone().getByPlaceholder('如：柯桥农商银行团委').fill('智造科技团支部');
    await tapText('团组织推优');
    await confirmModal();
    await phone().getByText('当前阶段：已推优').waitFor();
    await tapText('确定为入党积极分子');
    await confirmModal();
    await phone().getByText('当前阶段：入党积极分子').waitFor();
    const record = await p.deps.store.collection<PartyRecordDoc>(C.partyRecords).get(liId);
    expect(record?.steps.map((s) => s.event)).toEqual(['apply', 'recommend', 'activate']);
    await screenshot(p.page, 'cultivation-1-unit');
  });

  it('李明’s timeline shows the year: posting, talk, confirmed training, and the Party steps', async () => {
    await switchPersona(p.page, '李明');
    await openMiniPage('/package-cultivation/pages/timeline/index', '培养记录');
    await phone().getByText('重点工作专班 · 数字化改革专班').waitFor();
    await phone().getByText('谈心交流 · 季度谈心').waitFor();
    await phone().getByText('培训 · 青年干部能力提升班').waitFor();
    await phone().getByText('主办：团市委 · 32学时').waitFor();
    await phone().getByText('当前阶段：入党积极分子').waitFor();
    await phone().getByText('推优团组织：智造科技团支部', { exact: false }).waitFor();
    await phone().getByText('确定为入党积极分子', { exact: true }).waitFor();
    expect(await phone().getByText('待单位确认').count()).toBe(0);
    const measures = await p.deps.store.collection<MeasureDoc>(C.measures).find({ nominationId: liId });
    expect(measures.map((m) => m.status)).toEqual(['confirmed', 'confirmed', 'confirmed']);
    await screenshot(p.page, 'cultivation-2-youth');
  });

  it('the unit reads its coverage and the Party pipeline drawn as charts, the numbers one tap away', async () => {
    await switchPersona(p.page, '陈管理员');
    await openMiniPage('/package-cultivation/pages/ledger/index', '培养台账');
    const talk = phone().locator('.talk-chart');
    await talk.getByText('近六个月与单位负责人谈心交流', { exact: true }).waitFor();
    // Not blank: the ring of the one 好青年 who talked is TDesign blue.
    const ring = await drawnPixels(talk.locator('canvas'));
    expect(ring.blue).toBeGreaterThan(500);
    await talk.getByText('查看数据', { exact: true }).click({ force: true });
    await talk.getByText('近六个月已谈心', { exact: true }).waitFor();
    await phone().locator('.measured-chart canvas').waitFor();
    await screenshot(p.page, 'cultivation-3-ledger-charts');
    await openMiniPage('/package-cultivation/pages/pipeline/index', '推优入党');
    const stages = phone().locator('.stage-chart');
    expect((await drawnPixels(stages.locator('canvas'))).blue).toBeGreaterThan(100);
    await stages.getByText('查看数据', { exact: true }).click({ force: true });
    await stages.getByText('入党积极分子', { exact: true }).waitFor();
  });
});
