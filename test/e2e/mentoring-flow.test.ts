/**
 * Mentoring end to end in the browser preview (issue 11): the city batch-matches the selected youths of 越城区 to
 * the mentor group, reviews the drafts and publishes them; 王导师 sees the mentees on the phone with why they were
 * paired and confirms 李明; both read the 师徒协议 to the end and sign it by hand on the canvas; the mentor sets
 * tasks, the youth reports, the mentor evaluates, the youth acknowledges and plans; and the city's health report
 * shows the pair on track. Real pages, real functions, embedded store.
 */
import { C, type AgreementDoc, type MenteeDoc, type NominationDoc } from '../../cloudfunctions/_lib/collections';
import { FUNCTIONS } from '../../scripts/local/functions';
import { addNominations } from '../support/nominees';
import { type Preview, screenshot, switchPersona, usePreview } from './support/preview';

jest.setTimeout(60_000);

describe('browser preview: batch matching → publication → the mentor confirms', () => {
  let names: string[] = [];
  const flow = usePreview(async (p) => {
    // Three selected youths of 越城区智造科技有限公司 who want to grow in finance: 李明 (who uses the app) and two more.
    const li = await p.deps.store.collection<NominationDoc>(C.nominations).findOne({ youthOpenid: 'dev-youth-li' });
    const review = { nominationId: li?._id, decision: 'approve', confirm: { onStaff: true, attestations: true } };
    const approved = await FUNCTIONS.nomination.handle(
      { action: 'review', data: review },
      { openid: 'dev-unit-admin' },
      p.deps,
    );
    if (!approved.ok) throw new Error(approved.error.code);
    const ids = [
      li?._id ?? '',
      ...(await addNominations(p.deps, 'yuecheng-tech', 2, { status: 'approved', seqStart: 70 })),
    ];
    const nominations = p.deps.store.collection<NominationDoc>(C.nominations);
    names = [];
    for (const id of ids) {
      const n = (await nominations.get(id)) as NominationDoc;
      names.push(n.name);
      await p.deps.store.collection<MenteeDoc>(C.mentees).insert({
        _id: id,
        periodId: n.periodId,
        openid: n.youthOpenid,
        sector: 'finance',
        goals: ['金融服务'],
        note: '',
        openMatchId: null,
        updatedAt: p.deps.clock(),
      });
    }
  });
  const { phone, title, modal, openMiniPage } = flow;
  let p: Preview;
  beforeAll(() => {
    p = flow.p;
  });

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

  it('王导师 sees the mentees from home and confirms 李明', async () => {
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

  /** Reads to the end, draws a signature on the canvas with the mouse (a finger on the phone) and signs. */
  async function signByHand(done: string, wave: number): Promise<void> {
    await title().filter({ hasText: '师徒协议' }).waitFor();
    await phone().getByText('自愿结为师徒').waitFor();
    await phone().getByText('我已阅读至协议末尾，同意上述全部条款').click({ force: true });
    const pad = phone().locator('wx-canvas canvas');
    await pad.scrollIntoViewIfNeeded();
    const box = await pad.boundingBox();
    if (!box) throw new Error('no signature pad');
    await p.page.mouse.move(box.x + 20, box.y + box.height / 2);
    await p.page.mouse.down();
    for (let i = 1; i <= 12; i += 1)
      await p.page.mouse.move(box.x + 20 + i * 15, box.y + box.height / 2 + (i % 2 ? wave : -wave));
    await p.page.mouse.up();
    await phone().getByText('确认签署', { exact: true }).click({ force: true });
    await modal().getByRole('button', { name: '确认签署' }).click();
    await phone().getByText(done).waitFor();
  }

  const agreementDoc = async (): Promise<AgreementDoc> =>
    (await p.deps.store
      .collection<AgreementDoc>(C.agreements)
      .findOne({ youthOpenid: 'dev-youth-li' })) as AgreementDoc;

  it('王导师 reads the 师徒协议 to the end and signs it by hand', async () => {
    const card = phone().locator('wx-view.mentee', { hasText: '李明' });
    await card.getByText('师徒协议与培养记录', { exact: true }).click({ force: true });
    await signByHand('已签署，等待对方签署', 18);
    const a = await agreementDoc();
    expect(a.status).toBe('signing');
    const png = await p.deps.files.get(a.signatures.mentor?.fileId ?? '');
    expect(png?.subarray(1, 4).toString('latin1')).toBe('PNG');
    await screenshot(p.page, 'mentoring-3-signed');
  });

  it('李明 signs too: the agreement is active and the first cycle open', async () => {
    await switchPersona(p.page, '李明');
    await openMiniPage('/package-mentor/pages/youth/index', '我的导师');
    await phone().getByText('师徒协议与培养记录', { exact: true }).click({ force: true });
    await signByHand('双方已签署，协议生效', 30); // everyone's hand is different
    await phone().getByText('下载 Word 版协议（含双方签名）').waitFor();
    const a = await agreementDoc();
    expect(a.status).toBe('active');
    expect(a.signatures.youth?.textHash).toBe(a.textHash);
    expect(a.signatures.mentor?.sha256).not.toBe(a.signatures.youth?.sha256);
  });

  async function loop(persona: string): Promise<void> {
    await switchPersona(p.page, persona);
    await openMiniPage(`/package-mentor/pages/loop/index?id=${(await agreementDoc())._id}`, '培养记录');
  }
  const submit = (label: string) => phone().getByText(label, { exact: true }).click({ force: true });

  it('the loop: the mentor sets tasks, the youth reports, the mentor evaluates, the youth acknowledges and plans', async () => {
    await loop('王导师');
    await phone().getByPlaceholder('学习任务，每行一项').fill('阅读《数字化改革案例选编》\n走访一家企业');
    await submit('提交：布置学习任务');
    await phone().getByText('学习任务：阅读《数字化改革案例选编》；走访一家企业').waitFor();

    await loop('李明');
    await phone()
      .getByPlaceholder('学习报告：完成情况与收获')
      .fill('读完案例选编，走访了一家印染企业，整理了三点体会。');
    await submit('提交：提交学习报告');
    await phone()
      .getByText(/学习报告：读完案例选编/)
      .waitFor();

    await loop('王导师');
    await phone().getByText('3 良好', { exact: true }).click({ force: true });
    await phone().getByPlaceholder('评语').fill('体会扎实，建议结合本职工作');
    await submit('提交：评价学习报告');
    await phone().getByText('导师评价：3 分，体会扎实，建议结合本职工作').waitFor();

    await loop('李明');
    await submit('已阅读，确认评价');
    await phone().getByPlaceholder('改进计划：下一步怎么做').fill('下月完成一份本单位数字化改进建议。');
    await submit('提交：制定改进计划');
    await modal().getByRole('button', { name: '提交' }).click();
    await phone().getByText('第 2 周期').waitFor();
    await phone()
      .getByText(/改进计划：下月完成一份本单位数字化改进建议/)
      .waitFor();
    await screenshot(p.page, 'mentoring-4-loop');
  });

  it('the city’s health report shows the pair on track', async () => {
    await switchPersona(p.page, '周部长');
    await openMiniPage('/package-admin/pages/admin/index', '管理工作台');
    await phone().getByText('结对健康度', { exact: true }).click({ force: true });
    await title().filter({ hasText: '结对健康度' }).waitFor();
    const pair = phone().locator('wx-view.pair', { hasText: '李明' });
    await pair.getByText('进展良好').waitFor();
    await phone()
      .getByText(/按时 100% · 沉寂 0 · 均分 3/)
      .waitFor();
    await screenshot(p.page, 'mentoring-5-health');
  });
});
