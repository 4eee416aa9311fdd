import { createHash } from 'node:crypto';
import {
  find,
  hostText,
  loadPage,
  openPage,
  tapButton,
  textOf,
  toastOf,
  typeInto,
  useBridge,
} from '../../../../support/cloud-bridge';
import { addNominations } from '../../../../support/nominees';
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
const FILINGS = loadPage('pages/admin/filings/index');

interface FilingItem {
  id: string;
  name: string;
  state: string;
  approvedRows: number;
  rowMismatch: boolean;
  reopenReason: string | null;
  scan: { sha256: string; fileId: string; pageCount: number; confirmedRows: number } | null;
}
interface FilingsData {
  own: FilingItem[];
  items: FilingItem[];
  total: number;
  hasMore: boolean;
  remindResult: string;
  dialog: { visible: boolean; error: string };
}
const open = () => openPage<FilingsData>(FILINGS, bridge);

/** A self-filing unit (party_gov) with its own admin and `approved` approved youths. */
async function govUnit(approved: number): Promise<{ admin: string; ids: string[] }> {
  const admin = await unitAdminOf(bridge, 'yuecheng-market'); // 20 youths → quota 1
  if (approved > 1)
    await arrange(bridge, DISTRICT_ADMIN, 'admin', 'setQuota', {
      unitId: 'yuecheng-market',
      quota: approved,
      reason: '测试',
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

/** The phone's photo picker, file reader and cloud storage, answering with `bytes`. */
function stubPhoto(bytes: Uint8Array): jest.Mock {
  const wx = wxGlobal();
  wx.chooseMedia = (o: { success: (r: unknown) => void }) =>
    o.success({ tempFiles: [{ tempFilePath: 'wxfile://tmp/stamped.png', size: bytes.length }] });
  wx.getFileSystemManager = () => ({
    readFile: (o: { success: (r: { data: ArrayBuffer }) => void }) =>
      o.success({ data: Uint8Array.from(bytes).buffer }),
  });
  const upload = jest.fn(() => Promise.resolve({ fileID: 'cloud://env-1.bucket/scans/stamped.png' }));
  (wx.cloud as Record<string, unknown>).uploadFile = upload;
  return upload;
}

describe('filings: a self-filing unit', () => {
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
    expect(hostText(find(page, ['.scan-upload', '.pick-scan']), '.t-button')).toBe('上传盖章汇总表');

    // Locked: the unit cannot approve into a filed list (the quota would also stop it; raise it first).
    await arrange(bridge, DISTRICT_ADMIN, 'admin', 'setQuota', { unitId: 'yuecheng-market', quota: 5, reason: '测试' });
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
    expect(toastOf(page).message).toBe('还有1条公示异议未处理，处理完毕后方可备案');
    expect(page.data.own[0].state).toBe('open');
  });

  it('explains FILING.ALREADY_FILED and shows the filing as it is', async () => {
    const { admin } = await govUnit(1);
    const page = await open();
    await arrange(bridge, admin, 'admin', 'file', { filingId: page.data.own[0].id });
    await tapButton(page, '.file', bridge);
    expect(toastOf(page).message).toBe('该名单已备案，无需重复提交');
    expect(page.data.own[0].state).toBe('filed');
  });

  it('uploads the stamped table: hashes the photo on the phone and flags a row-count mismatch', async () => {
    await fileGovUnit();
    const filed = await open();
    const bytes = Uint8Array.from({ length: 5000 }, (_, i) => (i * 37) % 256);
    const upload = stubPhoto(bytes);

    await tapButton(filed, ['.scan-upload', '.pick-scan'], bridge);
    expect(upload).toHaveBeenCalledWith(expect.objectContaining({ filePath: 'wxfile://tmp/stamped.png' }));
    const sha = createHash('sha256').update(bytes).digest('hex');
    expect(textOf(find(filed, ['.scan-upload', '.scan-hash']))).toBe(`SHA-256：${sha}`);

    await typeInto(filed, ['.scan-upload', '.page-count-input'], '2', bridge);
    await typeInto(filed, ['.scan-upload', '.confirmed-rows-input'], '3', bridge);
    await tapButton(filed, ['.scan-upload', '.scan-dialog', '.t-dialog__button--confirm'], bridge);

    expect(bridge.calls.find((c) => c.action === 'attachScan')?.data).toEqual({
      filingId: filed.data.own[0].id,
      fileId: 'cloud://env-1.bucket/scans/stamped.png',
      sha256: sha,
      pageCount: 2,
      confirmedRows: 3,
    });
    expect(filed.data.own[0]).toMatchObject({
      rowMismatch: true,
      scan: { sha256: sha, pageCount: 2, confirmedRows: 3 },
    });
    expect(textOf(filed)).toContain('盖章汇总表确认 3 行，系统备案 1 人，行数不一致，请核实');
    expect(textOf(filed)).toContain(`SHA-256 ${sha.slice(0, 16)}…`);
    expect(toastOf(filed).message).toBe('盖章表行数与备案人数不一致，已提醒上级核实');
  });

  it('asks for the row count before recording the scan, and accepts a matching one', async () => {
    await fileGovUnit();
    const page = await open();
    stubPhoto(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]));
    await tapButton(page, ['.scan-upload', '.pick-scan'], bridge);
    await tapButton(page, ['.scan-upload', '.scan-dialog', '.t-dialog__button--confirm'], bridge);
    expect(textOf(find(page, ['.scan-upload', '.scan-dialog-error']))).toBe('请填写盖章汇总表上的人数（行数）');
    expect(bridge.calls.map((c) => c.action)).not.toContain('attachScan');

    await typeInto(page, ['.scan-upload', '.confirmed-rows-input'], '1', bridge);
    await tapButton(page, ['.scan-upload', '.scan-dialog', '.t-dialog__button--confirm'], bridge);
    expect(page.data.own[0]).toMatchObject({ rowMismatch: false, scan: { pageCount: 1, confirmedRows: 1 } });
    expect(page.querySelector('.mismatch')).toBeUndefined();
    expect(toastOf(page).message).toBe('盖章汇总表已上传');
    expect(hostText(find(page, ['.scan-upload', '.pick-scan']), '.t-button')).toBe('重新上传盖章汇总表');
  });
});

describe('filings: a two_new unit', () => {
  it('explains that the district files its list', async () => {
    const page = await open();
    expect(page.data.own).toHaveLength(0);
    expect(textOf(page)).toContain('名单由所在区县团委统一备案（其他基层领域）');
    expect(page.querySelector('.file')).toBeUndefined();
  });
});

describe('filings: district and city', () => {
  it('shows the district its own 其他基层领域 filing and the list of its filings', async () => {
    bridge.setOpenid(DISTRICT_ADMIN);
    const page = await open();
    expect(page.data.own.map((f) => f.name)).toEqual(['越城区（其他基层领域）']);
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
    expect(page.data.items.map((f) => f.name)).toEqual(['越城区（其他基层领域）']);
  });

  it('reminds the late ones after a confirmation and says how many were reminded', async () => {
    await unitAdminOf(bridge, 'yuecheng-gov');
    bridge.setOpenid(DISTRICT_ADMIN);
    const page = await open();
    await tapButton(page, '.remind-late', bridge);
    expect(bridge.modal).toHaveBeenCalledWith(expect.objectContaining({ title: '一键提醒' }));
    // yuecheng-gov's admin, and the district admin for its own unfiled grassroots list.
    expect(page.data.remindResult).toBe('已向 2 位管理员发送备案提醒');
    expect(textOf(page)).toContain('已向 2 位管理员发送备案提醒');
    const outbox = await bridge.deps.store.collection('outbox').find({ title: '请按时备案好青年名单' });
    expect(outbox).toHaveLength(2);
  });

  it('sends a filed list back with a required reason', async () => {
    await fileGovUnit();
    bridge.setOpenid(DISTRICT_ADMIN);
    const page = await open();
    await tapChip(page, '.state-chips', '已备案', bridge);
    expect(bridge.calls.at(-1)).toMatchObject({ action: 'filings', data: { state: 'filed' } });
    expect(page.data.items.map((f) => f.name)).toEqual(['越城区市场监督管理局']);

    await tapNth(page, '.reopen', 0, bridge);
    expect(page.data.dialog.visible).toBe(true);
    await tapButton(page, ['.reopen-dialog', '.t-dialog__button--confirm'], bridge);
    expect(page.data.dialog.error).toBe('请填写退回原因（至少2个字），单位将看到此原因');
    await typeInto(page, '.reason-input', '人员信息需更正', bridge);
    await tapButton(page, ['.reopen-dialog', '.t-dialog__button--confirm'], bridge);

    expect(page.data.dialog.visible).toBe(false);
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
