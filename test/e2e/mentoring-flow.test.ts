/**
 * Mentoring end to end in the browser preview (issue 11): the city batch-matches the selected youths of 越城区 to
 * the mentor group, reviews the drafts and publishes them; 王导师 sees the mentees on the phone with why they were
 * paired, and confirms one. Real pages, real functions, embedded store.
 */
import { C, type MenteeDoc, type NominationDoc } from '../../cloudfunctions/_lib/collections';
import { addNominations } from '../support/nominees';
import {
  assertNoPageErrors,
  openPreview,
  phonePage,
  screenshot,
  startPreview,
  switchPersona,
  type Preview,
} from './support/preview';

jest.setTimeout(60_000);

describe('browser preview: batch matching → publication → the mentor confirms', () => {
  let p: Preview;
  let names: string[];

  beforeAll(async () => {
    p = await startPreview();
    // Three selected youths of 越城区智造科技有限公司 who want to grow in finance.
    const ids = await addNominations(p.deps, 'yuecheng-tech', 3, { status: 'approved', seqStart: 70 });
    const nominations = p.deps.store.collection<NominationDoc>(C.nominations);
    names = [];
    for (const id of ids) {
      const n = (await nominations.get(id)) as NominationDoc;
      names.push(n.name);
      await p.deps.store.collection<MenteeDoc>(C.mentees).insert({
        _id: id,
        periodId: n.periodId,
        openid: null,
        sector: 'finance',
        goals: ['金融服务'],
        note: '',
        openMatchId: null,
        updatedAt: p.deps.clock(),
      });
    }
    await openPreview(p);
  });

  afterAll(async () => {
    await p?.close();
  });

  afterEach(() => assertNoPageErrors(p));

  const phone = () => phonePage(p.page);
  const title = () => p.page.locator('#pv-title');
  const modal = () => p.page.getByRole('dialog');

  async function openMiniPage(url: string, pageTitle: string): Promise<void> {
    await p.page.evaluate((target) => {
      (globalThis as unknown as { wx: { reLaunch(o: { url: string }): void } }).wx.reLaunch({ url: target });
    }, url);
    await title().filter({ hasText: pageTitle }).waitFor();
  }

  it('the city batch-matches: every youth gets 王导师, the best fit, each explained', async () => {
    await switchPersona(p.page, '周部长');
    await openMiniPage('/package-admin/pages/admin/index', '管理工作台');
    await phone().getByText('结对管理', { exact: true }).click({ force: true });
    await title().filter({ hasText: '结对管理' }).waitFor();
    await phone().getByText('暂无结对草案，可点击“一键匹配”生成').waitFor();
    await phone().getByText('一键匹配', { exact: true }).click({ force: true });
    await modal().getByRole('button', { name: '开始匹配' }).click();
    await phone()
      .getByText(/已生成 3 条草案，总匹配分 270/)
      .waitFor();
    for (const name of names) await phone().getByText(`${name} · 越城区智造科技有限公司`).waitFor();
    await phone().getByText('导师：王导师 · 绍兴银行（90 分）').first().waitFor();
    await phone().getByText('同属金融系统 · 同在越城区 · 擅长金融服务').first().waitFor();
    await screenshot(p.page, 'mentoring-1-drafts');
  });

  it('publishes the drafts after a confirmation; both sides are notified', async () => {
    await phone().getByText('发布全部草案并通知', { exact: true }).click({ force: true });
    await modal()
      .getByText(/将发布全部 3 条草案/)
      .waitFor();
    await modal().getByRole('button', { name: '确认发布' }).click();
    await phone().getByText('已发布 3 条结对，已通知导师和青年').waitFor();
    await phone().getByText('暂无结对草案，可点击“一键匹配”生成').waitFor();
    expect(await p.deps.store.collection(C.outbox).count({ toOpenid: 'dev-mentor-wang', title: '新的结对青年' })).toBe(
      3,
    );
  });

  it('王导师 sees the mentees from home and confirms one', async () => {
    await switchPersona(p.page, '王导师');
    await openMiniPage('/pages/home/index', '好青年选培');
    await phone().getByText('我的结对青年', { exact: true }).click({ force: true });
    await title().filter({ hasText: '导师服务' }).waitFor();
    const card = phone().locator('wx-view.mentee', { hasText: names[0] });
    await card.getByText('待导师确认').waitFor();
    await card.getByText('发展目标：金融服务').waitFor();
    await card.getByText('确认结对', { exact: true }).click({ force: true });
    await modal().getByRole('button', { name: '确认结对' }).click();
    await card.getByText('结对中').waitFor();
    await phone().getByText('结对 3/3').waitFor();
    await screenshot(p.page, 'mentoring-2-mentor');
  });
});
