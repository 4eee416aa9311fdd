import { createHash } from 'node:crypto';
import {
  find,
  hostText,
  loadPage,
  openPage,
  type PageComponent,
  tapButton,
  textOf,
  toastOf,
  typeInto,
  useBridge,
} from '../../../../../support/cloud-bridge';
import { uploadPrefix } from '../../../../../../cloudfunctions/_lib/uploads';
import { addNominations } from '../../../../../support/nominees';
import { reasonDialog } from '../../../../support/reason-dialog';
import {
  approve,
  arrange,
  chipLabels,
  CITY_ADMIN,
  DISTRICT_ADMIN,
  object,
  tapChip,
  tapNth,
  unitAdminOf,
} from '../support';

const bridge = useBridge({ openid: 'dev-unit-admin' });
const FILINGS = loadPage('package-admin/pages/admin/filings/index');

interface FilingItem {
  id: string;
  name: string;
  state: string;
  approvedRows: number;
  rowMismatch: boolean;
  reopenReason: string | null;
  scan: {
    kind: string;
    files: Array<{ fileId: string; sha256: string }>;
    pageCount: number;
    confirmedRows: number;
  } | null;
}
interface FilingsData {
  own: FilingItem[];
  items: FilingItem[];
  total: number;
  hasMore: boolean;
  remindResult: string;
}
const open = () => openPage<FilingsData>(FILINGS, bridge);

/** A self-filing unit (party_gov) with its own admin and `approved` approved youths. */
async function govUnit(approved: number): Promise<{ admin: string; ids: string[] }> {
  const admin = await unitAdminOf(bridge, 'yuecheng-market'); // 20 youths → quota 1
  if (approved > 1)
    await arrange(bridge, DISTRICT_ADMIN, 'admin', 'setQuota', {
      unitId: 'yuecheng-market',
      quota: approved,
      reason: '测试调整',
    });
  const ids = await addNominations(bridge.deps, 'yuecheng-market', Math.max(approved, 1) + 1, { seqStart: 300 });
  for (const id of ids.slice(0, approved)) await approve(bridge, id, admin);
  bridge.setOpenid(admin);
  return { admin, ids };
}

/** The unit files its list through the real action (arrange, not under test here). */
async function fileGovUnit(): Promise<void> {
  const { admin } = await govUnit(1);
  const filingId = (await arrange<{ items: FilingItem[] }>(bridge, admin, 'admin', 'filings', {})).items[0].id;
  await arrange(bridge, admin, 'admin', 'file', { filingId });
}

const wxGlobal = () => (globalThis as unknown as { wx: Record<string, unknown> }).wx;
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
/** Distinct bytes for each page, so each has its own hash. */
const JPEG_MAGIC = [0xff, 0xd8, 0xff];
const pageBytes = (seed: number, length = 5000) =>
  Uint8Array.from({ length }, (_, i) => JPEG_MAGIC[i] ?? (i * 37 + seed) % 256);
const PDF = Uint8Array.from(Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(3000, 0x20)]));

/** The phone's file reader and cloud storage: `files` by temp path; each upload gets the next file id. */
function stubStorage(files: Record<string, Uint8Array>): jest.Mock {
  const wx = wxGlobal();
  wx.getFileSystemManager = () => ({
    readFile: (o: { filePath: string; success: (r: { data: ArrayBuffer }) => void; fail: () => void }) =>
      files[o.filePath] ? o.success({ data: Uint8Array.from(files[o.filePath]).buffer }) : o.fail(),
  });
  // Stored where the function will look for it (the bridge's file store), under the path the page chose.
  const upload = jest.fn(async (o: { cloudPath: string; filePath: string }) => {
    const { fileId } = await bridge.deps.files.put(o.cloudPath, Buffer.from(files[o.filePath]), '');
    return { fileID: fileId };
  });
  (wx.cloud as Record<string, unknown>).uploadFile = upload;
  return upload;
}

/** The photo picker answers with these pages (in order); sizes may be overridden to test the limit. */
function stubPhotos(pages: Array<{ path: string; bytes: Uint8Array; size?: number }>): {
  upload: jest.Mock;
  picker: jest.Mock;
} {
  const picker = jest.fn((o: { success: (r: unknown) => void }) =>
    o.success({ tempFiles: pages.map((p) => ({ tempFilePath: p.path, size: p.size ?? p.bytes.length })) }),
  );
  wxGlobal().chooseMedia = picker;
  return { upload: stubStorage(Object.fromEntries(pages.map((p) => [p.path, p.bytes]))), picker };
}

/** A PDF chosen from a WeChat chat. */
function stubPdf(bytes: Uint8Array, size = bytes.length): { upload: jest.Mock; picker: jest.Mock } {
  const path = 'wxfile://tmp/msgfile.pdf';
  const picker = jest.fn((o: { success: (r: unknown) => void }) =>
    o.success({ tempFiles: [{ path, size, name: '越城区市场监督管理局汇总表.pdf', type: 'file', time: 0 }] }),
  );
  wxGlobal().chooseMessageFile = picker;
  return { upload: stubStorage({ [path]: bytes }), picker };
}

/** The dialog's list: name (or 第N页), size and short hash of each file. */
function fileRows(page: PageComponent<FilingsData>): string[][] {
  const scan = find(page, '.scan-upload');
  const [names, sizes, hashes] = ['.scan-file-name', '.scan-file-size', '.scan-hash'].map((part) =>
    scan.querySelectorAll(part).map((node) => textOf(node)),
  );
  return names.map((name, i) => [name, sizes[i], hashes[i]]);
}
const confirmScan = (page: PageComponent<FilingsData>) =>
  tapButton(page, ['.scan-upload', '.scan-dialog', '.t-dialog__button--confirm'], bridge);
const attachScanCalls = () => bridge.calls.filter((c) => c.action === 'attachScan');

describe('filings: a self-filing unit', () => {
  it('an empty list is filed only with the declaration 本单位本期无推荐人选 and its reason (issue 9 §4)', async () => {
    bridge.setOpenid('dev-unit-admin-gov'); // 孙主任: nothing approved yet
    const page = await open();
    expect(page.data.own[0]).toMatchObject({ approvedRows: 0, state: 'open' });
    await tapButton(page, '.file', bridge);
    const dialog = reasonDialog(page, '.empty-dialog', bridge);
    expect(dialog.data).toMatchObject({ visible: true, title: '本单位本期无推荐人选' });
    await dialog.confirm();
    expect(dialog.errorText()).toBe('请填写无推荐人选的原因');
    expect(bridge.calls.filter((c) => c.action === 'file')).toHaveLength(0);
    await dialog.type('本单位青年均不符合本期年龄条件');
    await dialog.confirm();
    expect(page.data.own[0].state).toBe('filed');
    expect(textOf(page)).toContain('备案声明本单位本期无推荐人选：本单位青年均不符合本期年龄条件');
  });

  it('shows the unit filing card with its approved rows', async () => {
    await govUnit(1);
    const page = await open();
    expect(page.data.own).toHaveLength(1);
    expect(page.data.own[0]).toMatchObject({ name: '越城区市场监督管理局', state: 'open', approvedRows: 1 });
    const text = textOf(page);
    expect(text).toContain('本单位备案');
    expect(text).toContain('未备案');
    expect(text).toContain('已通过人数1 人');
    expect(page.querySelector('.remind-late')).toBeUndefined();
  });

  it('files after a confirmation that explains the lock; the list is then locked', async () => {
    const { admin, ids } = await govUnit(1);
    const page = await open();
    await tapButton(page, '.file', bridge);
    expect(bridge.modal).toHaveBeenCalledWith(
      expect.objectContaining({
        title: '确认提交备案',
        content: expect.stringContaining('备案后名单锁定'),
        confirmText: '提交备案',
      }),
    );
    expect(page.data.own[0]).toMatchObject({ state: 'filed', approvedRows: 1 });
    expect(toastOf(page).message).toBe('已备案，名单已锁定');
    expect(textOf(page)).toContain('已备案');
    expect(textOf(page)).toContain('备案人');
    expect(page.querySelector('.file')).toBeUndefined();
    expect(textOf(find(page, ['.scan-upload', '.scan-title']))).toBe('上传盖章汇总表');
    expect(hostText(find(page, ['.scan-upload', '.pick-pdf']), '.t-button')).toBe('上传PDF扫描件');
    expect(hostText(find(page, ['.scan-upload', '.pick-photos']), '.t-button')).toBe('拍照/选择照片');

    // Locked: the unit cannot approve into a filed list (the quota would also stop it; raise it first).
    await arrange(bridge, DISTRICT_ADMIN, 'admin', 'setQuota', {
      unitId: 'yuecheng-market',
      quota: 5,
      reason: '测试调整',
    });
    await expect(approve(bridge, ids[1], admin)).rejects.toThrow('FILING.LOCKED');
  });

  it('does not file when the admin cancels', async () => {
    await govUnit(1);
    bridge.cancelModals();
    const page = await open();
    await tapButton(page, '.file', bridge);
    expect(bridge.calls.map((c) => c.action)).not.toContain('file');
    expect(page.data.own[0].state).toBe('open');
  });

  it('refuses to file while objections are pending, in Chinese', async () => {
    const { ids } = await govUnit(1);
    await object(bridge, ids[0]);
    const page = await open();
    expect(textOf(page)).toContain('有 1 条公示异议待处理，处理完毕后方可备案');
    await tapButton(page, '.file', bridge);
    // Shown whole in a dialog: the admin must act on it (issue 9 §5).
    expect(bridge.modal).toHaveBeenLastCalledWith(
      expect.objectContaining({ title: '未能备案', content: '还有1条公示异议未处理，处理完毕后方可备案' }),
    );
    expect(page.data.own[0].state).toBe('open');
  });

  it('explains FILING.ALREADY_FILED and shows the filing as it is', async () => {
    const { admin } = await govUnit(1);
    const page = await open();
    await arrange(bridge, admin, 'admin', 'file', { filingId: page.data.own[0].id });
    await tapButton(page, '.file', bridge);
    expect(bridge.modal).toHaveBeenLastCalledWith(expect.objectContaining({ content: '该名单已备案，无需重复提交' }));
    expect(page.data.own[0].state).toBe('filed');
  });

  it('uploads the stamped table as photos, one a page: each hashed on the phone, the page count is their number', async () => {
    await fileGovUnit();
    const page = await open();
    const pages = [
      { path: 'wxfile://tmp/p1.jpg', bytes: pageBytes(1) },
      { path: 'wxfile://tmp/p2.png', bytes: pageBytes(2, 1_200_000) },
      { path: 'wxfile://tmp/p3.jpg', bytes: pageBytes(3) },
    ];
    const { upload, picker } = stubPhotos(pages);
    const hashes = pages.map((p) => sha(p.bytes));

    await tapButton(page, ['.scan-upload', '.pick-photos'], bridge);
    expect(picker).toHaveBeenCalledWith(expect.objectContaining({ count: 9, mediaType: ['image'] }));
    expect(fileRows(page)).toEqual([
      ['第1页', '5 KB', `SHA-256 ${hashes[0].slice(0, 16)}…`],
      ['第2页', '1.1 MB', `SHA-256 ${hashes[1].slice(0, 16)}…`],
      ['第3页', '5 KB', `SHA-256 ${hashes[2].slice(0, 16)}…`],
    ]);
    expect(textOf(find(page, ['.scan-upload', '.page-count']))).toBe('页数：3（每张照片一页）');
    expect(find(page, '.scan-upload').querySelector('.page-count-input')).toBeUndefined();
    expect(upload).not.toHaveBeenCalled(); // nothing is stored until the uploader confirms

    await confirmScan(page);
    expect(textOf(find(page, ['.scan-upload', '.scan-dialog-error']))).toBe('请填写盖章汇总表上的人数（行数）');
    expect(attachScanCalls()).toHaveLength(0);

    await typeInto(page, ['.scan-upload', '.confirmed-rows-input'], '3', bridge);
    await confirmScan(page);
    expect(upload.mock.calls.map(([o]) => [o.filePath, o.cloudPath])).toEqual([
      ['wxfile://tmp/p1.jpg', expect.stringMatching(/^uploads\/[0-9a-f]{24}\/scans-[a-z0-9]+\.jpg$/)],
      ['wxfile://tmp/p2.png', expect.stringMatching(/^uploads\/[0-9a-f]{24}\/scans-[a-z0-9]+\.png$/)],
      ['wxfile://tmp/p3.jpg', expect.stringMatching(/^uploads\/[0-9a-f]{24}\/scans-[a-z0-9]+\.jpg$/)],
    ]);
    expect(attachScanCalls().map((c) => c.data)).toEqual([
      {
        filingId: page.data.own[0].id,
        kind: 'photos',
        files: [
          { fileId: expect.stringMatching(/^local:\/\/uploads-[0-9a-f]{24}-scans-[a-z0-9]+\.jpg$/), sha256: hashes[0] },
          { fileId: expect.stringMatching(/^local:\/\/uploads-[0-9a-f]{24}-scans-[a-z0-9]+\.png$/), sha256: hashes[1] },
          { fileId: expect.stringMatching(/^local:\/\/uploads-[0-9a-f]{24}-scans-[a-z0-9]+\.jpg$/), sha256: hashes[2] },
        ],
        pageCount: 3,
        confirmedRows: 3,
      },
    ]);
    expect(page.data.own[0]).toMatchObject({
      rowMismatch: true,
      scan: { kind: 'photos', pageCount: 3, confirmedRows: 3 },
    });
    const text = textOf(page);
    expect(text).toContain('照片 3 张，3 页，确认 3 行');
    expect(text).toContain(`第2页SHA-256 ${hashes[1].slice(0, 16)}…`);
    expect(text).toContain('盖章汇总表确认 3 行，系统备案 1 人，行数不一致，请核实');
    expect(toastOf(page).message).toBe('盖章表行数与备案人数不一致，已提醒上级核实');
    expect(find(page, ['.scan-upload', '.scan-dialog']).data).toMatchObject({ visible: false });
  });

  it('uploads the stamped table as one PDF with the page count entered; a matching row count is not flagged', async () => {
    await fileGovUnit();
    const page = await open();
    const { upload, picker } = stubPdf(PDF);

    await tapButton(page, ['.scan-upload', '.pick-pdf'], bridge);
    expect(picker).toHaveBeenCalledWith(expect.objectContaining({ count: 1, type: 'file', extension: ['pdf'] }));
    expect(fileRows(page)).toEqual([['越城区市场监督管理局汇总表.pdf', '3 KB', `SHA-256 ${sha(PDF).slice(0, 16)}…`]]);

    await typeInto(page, ['.scan-upload', '.confirmed-rows-input'], '1', bridge);
    await confirmScan(page);
    expect(textOf(find(page, ['.scan-upload', '.scan-dialog-error']))).toBe('请填写 PDF 的页数（1–200）');
    await typeInto(page, ['.scan-upload', '.page-count-input'], '201', bridge);
    await confirmScan(page);
    expect(textOf(find(page, ['.scan-upload', '.scan-dialog-error']))).toBe('请填写 PDF 的页数（1–200）');
    expect(upload).not.toHaveBeenCalled();

    await typeInto(page, ['.scan-upload', '.page-count-input'], '2', bridge);
    await confirmScan(page);
    expect(upload).toHaveBeenCalledWith(
      expect.objectContaining({
        filePath: 'wxfile://tmp/msgfile.pdf',
        cloudPath: expect.stringMatching(/^uploads\/[0-9a-f]{24}\/scans-[a-z0-9]+\.pdf$/),
      }),
    );
    expect(attachScanCalls().map((c) => c.data)).toEqual([
      {
        filingId: page.data.own[0].id,
        kind: 'pdf',
        files: [
          { fileId: expect.stringMatching(/^local:\/\/uploads-[0-9a-f]{24}-scans-[a-z0-9]+\.pdf$/), sha256: sha(PDF) },
        ],
        pageCount: 2,
        confirmedRows: 1,
      },
    ]);
    expect(page.data.own[0]).toMatchObject({
      rowMismatch: false,
      scan: { kind: 'pdf', pageCount: 2, confirmedRows: 1 },
    });
    expect(page.querySelector('.mismatch')).toBeUndefined();
    expect(textOf(page)).toContain('PDF，2 页，确认 1 行');
    expect(textOf(page)).toContain(`校验值SHA-256 ${sha(PDF).slice(0, 16)}…`);
    expect(toastOf(page).message).toBe('盖章汇总表已上传');
    expect(textOf(find(page, ['.scan-upload', '.scan-title']))).toBe('重新上传盖章汇总表');
  });

  it('refuses files over the limits in Chinese before reading them, and does nothing on cancel', async () => {
    await fileGovUnit();
    const page = await open();
    const error = () => textOf(find(page, ['.scan-upload', '.scan-error']));

    stubPdf(PDF, 10 * 1024 * 1024 + 1);
    await tapButton(page, ['.scan-upload', '.pick-pdf'], bridge);
    expect(error()).toBe('PDF 文件不能超过 10 MB，请压缩后重新选择');

    stubPhotos([
      { path: 'wxfile://tmp/p1.jpg', bytes: pageBytes(1) },
      { path: 'wxfile://tmp/p2.jpg', bytes: pageBytes(2), size: 5 * 1024 * 1024 + 1 },
    ]);
    await tapButton(page, ['.scan-upload', '.pick-photos'], bridge);
    expect(error()).toBe('第 2 张照片超过 5 MB，请压缩后重新选择');

    wxGlobal().chooseMedia = (o: { fail: (e: unknown) => void }) => o.fail({ errMsg: 'chooseMedia:fail cancel' });
    await tapButton(page, ['.scan-upload', '.pick-photos'], bridge);
    expect(find(page, '.scan-upload').querySelector('.scan-error')).toBeUndefined();
    expect(find(page, ['.scan-upload', '.scan-dialog']).data).toMatchObject({ visible: false });
    expect(attachScanCalls()).toHaveLength(0);
  });

  it('keeps the pages already stored when one upload fails, and stores only the rest on retry', async () => {
    await fileGovUnit();
    const page = await open();
    const { upload } = stubPhotos([
      { path: 'wxfile://tmp/p1.jpg', bytes: pageBytes(1) },
      { path: 'wxfile://tmp/p2.jpg', bytes: pageBytes(2) },
    ]);
    const stored = upload.getMockImplementation()!;
    upload.mockImplementationOnce(stored).mockImplementationOnce(() => Promise.reject(new Error('uploadFile:fail')));

    await tapButton(page, ['.scan-upload', '.pick-photos'], bridge);
    await typeInto(page, ['.scan-upload', '.confirmed-rows-input'], '1', bridge);
    await confirmScan(page);
    expect(textOf(find(page, ['.scan-upload', '.scan-dialog-error']))).toBe('网络异常，照片未能上传');
    expect(attachScanCalls()).toHaveLength(0);

    await confirmScan(page);
    expect(upload.mock.calls.map(([o]) => o.filePath)).toEqual([
      'wxfile://tmp/p1.jpg',
      'wxfile://tmp/p2.jpg',
      'wxfile://tmp/p2.jpg',
    ]);
    expect(attachScanCalls()).toHaveLength(1);
    expect(page.data.own[0]).toMatchObject({ rowMismatch: false, scan: { kind: 'photos', pageCount: 2 } });
  });
});

describe('filings: a two_new unit', () => {
  it('explains that the district files its list', async () => {
    const page = await open();
    expect(page.data.own).toHaveLength(0);
    // Issue 9 §17: a 两新 unit is not told its list is one of 其他基层领域.
    expect(textOf(page)).toContain('两新组织和其他基层领域单位的名单由所在区县团委统一备案，本单位无需单独备案');
    expect(textOf(page)).not.toContain('（其他基层领域）');
    expect(page.querySelector('.file')).toBeUndefined();
  });
});

describe('filings: district and city', () => {
  it('shows the district its own 其他基层领域 filing and the list of its filings', async () => {
    bridge.setOpenid(DISTRICT_ADMIN);
    const page = await open();
    expect(page.data.own.map((f) => f.name)).toEqual(['越城区（两新组织及其他基层领域）']);
    expect(page.data.total).toBe(5);
    expect(chipLabels(page, '.state-chips')).toEqual(['全部', '未备案', '已备案', '已退回']);
    expect(page.querySelector('.district-chips')).toBeUndefined();
  });

  it('files its own grassroots list', async () => {
    const [id] = await addNominations(bridge.deps, 'yuecheng-tech', 1);
    await approve(bridge, id);
    bridge.setOpenid(DISTRICT_ADMIN);
    const page = await open();
    expect(page.data.own[0].approvedRows).toBe(1);
    await tapButton(page, '.file', bridge);
    expect(page.data.own[0].state).toBe('filed');
    // The list is reloaded: the district filing shows as filed there too.
    await tapChip(page, '.state-chips', '已备案', bridge);
    expect(page.data.items.map((f) => f.name)).toEqual(['越城区（两新组织及其他基层领域）']);
  });

  it('the district and the city open the stamped scan from the card through a short-lived link (issue 9 §7)', async () => {
    const [id] = await addNominations(bridge.deps, 'yuecheng-tech', 1);
    await approve(bridge, id);
    const filingId = (
      await arrange<{ items: FilingItem[] }>(bridge, DISTRICT_ADMIN, 'admin', 'filings', {})
    ).items.find((f) => f.name === '越城区（两新组织及其他基层领域）')!.id;
    await arrange(bridge, DISTRICT_ADMIN, 'admin', 'file', { filingId });
    const pdf = Buffer.from(PDF);
    const { fileId } = await bridge.deps.files.put(
      `${uploadPrefix(bridge.deps, DISTRICT_ADMIN)}/scans-stamped.pdf`,
      pdf,
      'application/pdf',
    );
    await arrange(bridge, DISTRICT_ADMIN, 'admin', 'attachScan', {
      filingId,
      kind: 'pdf',
      files: [{ fileId, sha256: sha(PDF) }],
      pageCount: 1,
      confirmedRows: 1,
    });
    const wx = wxGlobal();
    const downloadFile = jest.fn((o: { url: string; success: (r: unknown) => void }) =>
      o.success({ statusCode: 200, tempFilePath: 'wxfile://tmp/scan.pdf' }),
    );
    const openDocument = jest.fn((o: { success: () => void }) => o.success());
    Object.assign(wx, { downloadFile, openDocument });

    for (const who of [DISTRICT_ADMIN, CITY_ADMIN]) {
      bridge.setOpenid(who);
      const page = await open();
      // The district sees it on its own card, the city in the list.
      if (who === CITY_ADMIN) await tapChip(page, '.district-chips', '越城区', bridge);
      const card = page
        .querySelectorAll(who === DISTRICT_ADMIN ? '.own' : '.item')
        .find((c) => c.querySelectorAll('.open-scan').length > 0)!;
      const buttons = card.querySelectorAll('.open-scan');
      expect(buttons.map((b) => hostText(b, '.t-button'))).toEqual(['查看盖章扫描件']);
      (buttons[0].querySelector('.t-button') ?? buttons[0]).dispatchEvent('tap');
      await bridge.idle();
      const link = bridge.calls.filter((c) => c.action === 'scanLink').pop();
      expect(link?.data).toEqual({ filingId, index: 0 });
      expect(downloadFile).toHaveBeenLastCalledWith(
        expect.objectContaining({
          url: expect.stringMatching(/\/files\/uploads-[0-9a-f]{24}-scans-stamped\.pdf\?exp=\d+&who=/),
        }),
      );
      expect(openDocument).toHaveBeenLastCalledWith(
        expect.objectContaining({ filePath: 'wxfile://tmp/scan.pdf', fileType: 'pdf' }),
      );
    }
  });

  it('reminds the late ones after a confirmation and says who was and who could not be (issue 9 §9)', async () => {
    await unitAdminOf(bridge, 'yuecheng-gov');
    bridge.setOpenid(DISTRICT_ADMIN);
    const page = await open();
    await tapButton(page, '.remind-late', bridge);
    expect(bridge.modal).toHaveBeenCalledWith(expect.objectContaining({ title: '一键提醒' }));
    // yuecheng-gov's two admins (the demo's 孙主任 and one made here); never the district itself.
    const result = textOf(find(page, '.remind-result'));
    expect(result).toContain('已提醒 1 个单位（2 位管理员）：越城区人民政府办公室');
    expect(result).toContain(
      '无法提醒（尚无管理员账号，请在工作看板“查看尚无管理员的单位”中生成邀请码）：越城区市场监督管理局、越城区城市建设投资集团有限公司、越城区农村商业银行',
    );
    const outbox = await bridge.deps.store.collection('outbox').find({ title: '请按时备案好青年名单' });
    expect(outbox).toHaveLength(2);
    // A second tap the same day sends nothing and says so.
    await tapButton(page, '.remind-late', bridge);
    expect(textOf(find(page, '.remind-result'))).toContain('今日已提醒，明天可再次提醒：越城区人民政府办公室');
    expect(await bridge.deps.store.collection('outbox').find({ title: '请按时备案好青年名单' })).toHaveLength(2);
  });

  it('sends a filed list back with a required reason', async () => {
    await fileGovUnit();
    bridge.setOpenid(DISTRICT_ADMIN);
    const page = await open();
    await tapChip(page, '.state-chips', '已备案', bridge);
    expect(bridge.calls.at(-1)).toMatchObject({ action: 'filings', data: { state: 'filed' } });
    expect(page.data.items.map((f) => f.name)).toEqual(['越城区市场监督管理局']);

    await tapNth(page, '.reopen', 0, bridge);
    const dialog = reasonDialog(page, '.reopen-dialog', bridge);
    expect(dialog.data.visible).toBe(true);
    await dialog.confirm();
    expect(dialog.data.error).toBe('请填写退回原因（至少4个字），单位将看到此原因');
    await dialog.type('人员信息需更正');
    await dialog.confirm();

    expect(dialog.data.visible).toBe(false);
    expect(page.data.items[0]).toMatchObject({ state: 'reopened', reopenReason: '人员信息需更正' });
    expect(textOf(page)).toContain('退回原因：人员信息需更正');
    expect(textOf(page)).toContain('已退回重报');
    expect(toastOf(page).message).toBe('已退回，单位可修改后重新备案');
  });

  it('pages the city filings and filters them by district', async () => {
    bridge.setOpenid(CITY_ADMIN);
    const page = await open();
    expect(page.data.own).toHaveLength(0);
    expect(page.data.total).toBe(36);
    expect(page.querySelectorAll('.item')).toHaveLength(20);
    await tapButton(page, '.load-more', bridge);
    expect(page.querySelectorAll('.item')).toHaveLength(36);
    await tapChip(page, '.district-chips', '柯桥区', bridge);
    expect(page.data.total).toBe(5);
    expect(bridge.calls.at(-1)?.data).toMatchObject({ districtId: 'keqiao' });
  });

  it('refuses someone who administers nothing, in Chinese', async () => {
    bridge.setOpenid('dev-youth-zhang');
    const page = await open();
    expect(textOf(page)).toContain('您没有进行此操作的权限');
  });

  it('shows the network error and recovers on retry', async () => {
    bridge.setOpenid(DISTRICT_ADMIN);
    bridge.setOffline(true);
    const page = await open();
    expect(textOf(page)).toContain('网络异常，请检查网络后重试');
    bridge.setOffline(false);
    await tapButton(page, ['.page-state', '.retry'], bridge);
    expect(page.data.total).toBe(5);
  });
});
