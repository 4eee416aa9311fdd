/**
 * The cadres' flow end to end in the browser preview: the district raises a
 * unit's quota, the unit approves up to it and is refused beyond it with the
 * Chinese message, the list is filed (a two_new unit's list is filed by its
 * district, R4.4) and its stamped table uploaded as photos, then as a PDF
 * (R4.5), and the city downloads the summary table as Excel and Word
 * through the link the page shows. Real pages, real functions, embedded store.
 */
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import JSZip from 'jszip';
import type { FilingDoc } from '../../cloudfunctions/_lib/collections';
import { addNominations } from '../support/nominees';
import { type Preview, screenshot, switchPersona, usePreview } from './support/preview';

jest.setTimeout(60_000);

describe('browser preview: quota → approvals → filing → city export', () => {
  const flow = usePreview(async (p) => {
    // Four more youths of 陈管理员's unit wait for review, beside 李明 from the seed.
    await addNominations(p.deps, 'yuecheng-tech', 4);
    // Two youths of 越城区人民政府办公室 (a 机关 unit: 12 youths → quota 1, files its own list).
    await addNominations(p.deps, 'yuecheng-gov', 2, { seqStart: 50 });
  });
  const { phone, title, modal, openMiniPage, tapText } = flow;
  let p: Preview;
  beforeAll(() => {
    p = flow.p;
  });

  it('the district raises 越城区智造科技有限公司’s quota to 3 with a reason', async () => {
    await switchPersona(p.page, '赵书记');
    await openMiniPage('/package-admin/pages/admin/index', '管理工作台');
    await phone().getByText('已通过 0 / 目标 1000').waitFor();
    await tapText('名额管理');
    await title().filter({ hasText: '名额' }).waitFor();

    const card = phone().locator('wx-view.item', { hasText: '越城区智造科技有限公司' });
    await card.getByText('调整名额', { exact: true }).click({ force: true });
    const quota = phone().getByPlaceholder('0–500');
    await quota.waitFor();
    await quota.fill('3');
    await phone().getByPlaceholder('调整原因（必填，将通知单位并留档）').fill('两新组织青年人才集中，申请增加名额');
    await screenshot(p.page, 'cadre-1-quota-dialog');
    await phone().locator('wx-button', { hasText: '确定' }).last().click({ force: true });
    await card.getByText('已调整为 3 名（建议 1 名）：两新组织青年人才集中，申请增加名额').waitFor();
  });

  it('the unit approves up to the quota and is refused beyond it in Chinese', async () => {
    await switchPersona(p.page, '陈管理员');
    await openMiniPage('/package-admin/pages/review/pending/index', '推荐审核');
    await phone().getByText('共 5 条').waitFor();
    for (let left = 4; left >= 2; left -= 1) {
      await phone()
        .locator('wx-button', { hasText: /^通过$/ })
        .first()
        .click({ force: true });
      await modal().getByRole('button', { name: '通过' }).click();
      await phone().getByText(`共 ${left} 条`).waitFor();
    }
    await phone()
      .locator('wx-button', { hasText: /^通过$/ })
      .first()
      .click({ force: true });
    await modal().getByRole('button', { name: '通过' }).click();
    // Shown whole in a dialog, not cut in a toast (issue 9 §5).
    await modal().getByText('本单位名额已满（3名），如需增加请联系区县团委或团市委').waitFor();
    await screenshot(p.page, 'cadre-2-quota-full');
    await modal().getByRole('button', { name: '知道了' }).click();

    await openMiniPage('/package-admin/pages/admin/quotas/index', '名额');
    await phone().getByText('名额已用完').waitFor();
  });

  it('the unit’s 备案 page explains that its district files the two_new list', async () => {
    await openMiniPage('/package-admin/pages/admin/index', '管理工作台');
    await tapText('备案');
    await title().filter({ hasText: '备案' }).waitFor();
    await phone()
      .getByText(/两新组织和其他基层领域单位的名单由所在区县团委统一备案/)
      .waitFor();
  });

  it('the district files its 其他基层领域 list after confirming the lock', async () => {
    await switchPersona(p.page, '赵书记');
    await openMiniPage('/package-admin/pages/admin/filings/index', '备案');
    const own = phone().locator('filing-card.own');
    await own.getByText('越城区（两新组织及其他基层领域）').waitFor();
    await own.getByText('3 人').waitFor();
    await own.getByText('提交备案', { exact: true }).click({ force: true });
    await modal()
      .getByText(/备案后名单锁定/)
      .waitFor();
    await modal().getByRole('button', { name: '提交备案' }).click();
    await own.getByText('已备案', { exact: true }).waitFor();
    await own.getByText('上传盖章汇总表').waitFor();
    await screenshot(p.page, 'cadre-3-filed');
  });

  it('the district uploads the stamped table as two photos: each hashed in the page, a row-count mismatch flagged', async () => {
    const own = phone().locator('filing-card.own');
    const pngs = [7, 8].map((fill) =>
      Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(3000, fill)]),
    );
    const chooser = p.page.waitForEvent('filechooser');
    await own.getByText('拍照/选择照片', { exact: true }).click({ force: true });
    const photos = await chooser;
    expect(photos.isMultiple()).toBe(true);
    await photos.setFiles(pngs.map((buffer, i) => ({ name: `page${i + 1}.png`, mimeType: 'image/png', buffer })));
    const shas = pngs.map((png) => createHash('sha256').update(png).digest('hex'));
    await phone().getByText('第2页', { exact: true }).waitFor();
    for (const sha of shas)
      await phone()
        .getByText(`SHA-256 ${sha.slice(0, 16)}…`)
        .first()
        .waitFor();
    await phone().getByText('页数：2（每张照片一页）').waitFor();
    await phone().getByPlaceholder('盖章表上共几人').fill('2');
    await screenshot(p.page, 'cadre-3b-scan-photos');
    await phone().locator('wx-button', { hasText: '确认提交' }).click({ force: true });
    await own.getByText('盖章汇总表确认 2 行，系统备案 3 人，行数不一致，请核实').waitFor();
    await own.getByText('照片 2 张，2 页，确认 2 行').waitFor();
    await own.getByText(`SHA-256 ${shas[1].slice(0, 16)}…`).waitFor();
  });

  it('the district replaces it with the scanned PDF; the matching row count clears the flag', async () => {
    const own = phone().locator('filing-card.own');
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(4000, 0x20), Buffer.from('\n%%EOF\n')]);
    const chooser = p.page.waitForEvent('filechooser');
    // No force: the click waits until the closing dialog's overlay has faded and the button takes the tap.
    await own.getByText('上传PDF扫描件', { exact: true }).click();
    await (await chooser).setFiles({ name: '越城区汇总表（盖章）.pdf', mimeType: 'application/pdf', buffer: pdf });
    const sha = createHash('sha256').update(pdf).digest('hex');
    await phone().getByText('越城区汇总表（盖章）.pdf', { exact: true }).waitFor();
    await phone().getByPlaceholder('PDF 共几页').fill('1');
    await phone().getByPlaceholder('盖章表上共几人').fill('3');
    await phone().locator('wx-button', { hasText: '确认提交' }).click({ force: true });
    await own.getByText('PDF，1 页，确认 3 行').waitFor();
    await own.getByText(`SHA-256 ${sha.slice(0, 16)}…`).waitFor();
    expect(await own.getByText(/行数不一致/).count()).toBe(0);
    await own.getByText('PDF，1 页，确认 3 行').scrollIntoViewIfNeeded();
    await screenshot(p.page, 'cadre-3c-scan-pdf');

    // The dev file store kept the very bytes, and serves them back as a PDF.
    const filing = await p.deps.store.collection<FilingDoc>('filings').findOne({ kind: 'district', orgId: 'yuecheng' });
    const [stored] = filing?.scan?.files ?? [];
    expect(stored).toEqual({
      fileId: expect.stringMatching(/^local:\/\/uploads-[0-9a-f]{24}-[0-9a-f]{24}\.pdf$/),
      sha256: sha,
    });
    // Nothing is served without a signed link (issue 8 §10).
    expect((await fetch(`${p.url}/files/${stored.fileId.slice('local://'.length)}`)).status).toBe(403);

    // 查看盖章扫描件 (issue 9 §7): a short-lived link issued to this persona, downloaded and opened.
    const served = p.page.waitForResponse((r) => r.url().includes('/files/uploads-'));
    // No force: the tap waits until the closing upload dialog's overlay has gone and the button takes it.
    await own.locator('wx-button', { hasText: '查看盖章扫描件' }).click();
    const res = await served;
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('application/pdf');
    expect(res.headers()['content-disposition']).toMatch(/^attachment; filename="[^"]+"; filename\*=UTF-8''/);
    expect(decodeURIComponent(res.headers()['content-disposition'].split("UTF-8''")[1])).toMatch(
      /^盖章汇总表-越城区（两新组织及其他基层领域）-\d{8}\.pdf$/,
    );
    // The same signed link, fetched again while it lives, gives the very bytes the district picked.
    const again = await fetch(res.url());
    expect(Buffer.from(await again.arrayBuffer()).equals(pdf)).toBe(true);
  });

  it('a 机关 unit approves up to its quota of 1, is refused beyond it, and files its own list', async () => {
    await switchPersona(p.page, '孙主任');
    await openMiniPage('/package-admin/pages/review/pending/index', '推荐审核');
    await phone().getByText('共 2 条').waitFor();
    const approveFirst = async () => {
      await phone()
        .locator('wx-button', { hasText: /^通过$/ })
        .first()
        .click({ force: true });
      await modal().getByRole('button', { name: '通过' }).click();
    };
    await approveFirst();
    await phone().getByText('共 1 条').waitFor();
    await approveFirst();
    await modal().getByText('本单位名额已满（1名），如需增加请联系区县团委或团市委').waitFor();
    await modal().getByRole('button', { name: '知道了' }).click();

    await openMiniPage('/package-admin/pages/admin/filings/index', '备案');
    const own = phone().locator('filing-card.own');
    await own.getByText('越城区人民政府办公室').waitFor();
    await own.getByText('1 人').waitFor();
    await own.getByText('提交备案', { exact: true }).click({ force: true });
    await modal()
      .getByText(/备案后名单锁定/)
      .waitFor();
    await modal().getByRole('button', { name: '提交备案' }).click();
    await own.getByText('已备案', { exact: true }).waitFor();
  });

  it('the city generates the Excel and Word summary tables and the links download real files', async () => {
    await switchPersona(p.page, '周部长');
    await openMiniPage('/package-admin/pages/admin/index', '管理工作台');
    await tapText('导出汇总表');
    await title().filter({ hasText: '导出汇总表' }).waitFor();

    for (const [format, label, entry] of [
      ['xlsx', 'Excel', 'xl/workbook.xml'],
      ['docx', 'Word（打印盖章用）', 'word/document.xml'],
    ] as const) {
      await tapText(label);
      await tapText('生成汇总表');
      await phone().getByText('共 4 人').waitFor();
      const fileName = phone().getByText(new RegExp(`^好青年候选人汇总表-绍兴市-\\d{8}\\.${format}$`));
      await fileName.waitFor();
      const name = (await fileName.textContent())?.trim() ?? '';
      // No wall of percent-encoded URL on screen (issue 9 §10).
      expect(
        await phone()
          .getByText(/%E5|\/files\//)
          .count(),
      ).toBe(0);
      await screenshot(p.page, `cadre-4-export-${format}`);

      // 保存文件: the signed link, served with the real name in Content-Disposition, saved under that name.
      const served = p.page.waitForResponse((r) => r.url().includes('/files/exports-'));
      const download = p.page.waitForEvent('download');
      await phone().locator('wx-button', { hasText: '保存文件' }).click({ force: true });
      const res = await served;
      expect(res.status()).toBe(200);
      expect(res.headers()['content-disposition']).toBe(
        `attachment; filename="${name.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      );
      const saved = await download;
      expect(saved.suggestedFilename()).toBe(name);
      const bytes = readFileSync((await saved.path())!);
      expect(bytes.length).toBeGreaterThan(2000);
      expect(bytes.subarray(0, 4).toString('hex')).toBe('504b0304'); // a zip: Office Open XML
      const zip = await JSZip.loadAsync(bytes);
      expect(zip.file(entry)).not.toBeNull();
    }
    await phone().locator('wx-button', { hasText: '复制下载链接' }).waitFor();
  });

  it('the city dashboard counts the four approvals, the two_new ones per district and the filings', async () => {
    await openMiniPage('/package-admin/pages/admin/dashboard/index', '工作看板');
    await phone().getByText('绍兴市 · 选树进度').waitFor();
    await phone().getByText('/ 目标 1000 人').waitFor();
    await phone()
      .locator('wx-view', { hasText: /^越城区3 人$/ })
      .first()
      .waitFor();
    await phone().getByText('/ 36 已备案').waitFor();
    await screenshot(p.page, 'cadre-5-dashboard');
  });

  it('anyone sees the four in the public notice and can object to one', async () => {
    await switchPersona(p.page, '张晓青');
    await openMiniPage('/package-notice/pages/notice/index', '好青年公示');
    await phone().getByText('共 4 人').waitFor();
    await screenshot(p.page, 'cadre-6-notice');
    await phone().locator('wx-button', { hasText: '我有异议' }).first().click({ force: true });
    await title().filter({ hasText: '我有异议' }).waitFor();
    await phone().getByPlaceholder('必填，实名反映').fill('赵群众');
    await phone().getByPlaceholder('异议内容（至少10个字）').fill('据了解该同志并非本单位在编人员，请核实。');
    await tapText('提交异议');
    await phone().getByText('感谢您的监督').waitFor();
  });
});
