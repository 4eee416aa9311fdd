import { FUNCTIONS } from '../../../../../../scripts/local/functions';
import {
  find,
  hostText,
  loadPage,
  openPage,
  tapButton,
  textOf,
  toastOf,
  useBridge,
  type SimNode,
} from '../../../../../support/cloud-bridge';
import { addNominations } from '../../../../../support/nominees';
import { approve, cellText, chipLabels, CITY_ADMIN, DISTRICT_ADMIN, tapChip } from '../support';

const bridge = useBridge({ openid: 'dev-unit-admin' });
const EXPORT = loadPage('package-admin/pages/admin/export/index');

interface ExportData {
  generating: boolean;
  failure: string;
  local: boolean;
  result: { fileName: string; rows: number; link: string; format: string } | null;
}
const open = () => openPage<ExportData>(EXPORT, bridge);
const wxGlobal = () => (globalThis as unknown as { wx: Record<string, unknown> }).wx;
// Local mode replaces wx.request for one test; later tests get simulate's own back.
const originalRequest = wxGlobal().request;
afterEach(() => {
  wxGlobal().request = originalRequest;
});
const exportCalls = () => bridge.calls.filter((c) => c.name === 'export');

// services/cloud.ts's storage keys (not imported: its `wx` typings stay out of the test program).
const DEV_SERVER_KEY = 'hqn.devServer';
const DEV_OPENID_KEY = 'hqn.devOpenid';

async function approvedYouth(): Promise<void> {
  const [id] = await addNominations(bridge.deps, 'yuecheng-tech', 1);
  await approve(bridge, id);
}

async function pickUnit(page: SimNode<unknown>, district: string | null, unit: string): Promise<void> {
  const picker = find(page, '.unit-picker');
  if (district) {
    const d = picker.querySelectorAll('.district').find((c) => cellText(c) === district)!;
    (d.querySelector('.t-cell') ?? d).dispatchEvent('tap');
    await bridge.idle();
  }
  const u = picker.querySelectorAll('.unit').find((c) => cellText(c).startsWith(unit))!;
  (u.querySelector('.t-cell') ?? u).dispatchEvent('tap');
  await bridge.idle();
}

/** Local mode: the page POSTs to the dev server, played here by the same routers (the bridge covers the cloud only). */
function localMode(base: string): void {
  bridge.storage.set(DEV_SERVER_KEY, base);
  bridge.storage.set(DEV_OPENID_KEY, 'dev-unit-admin');
  wxGlobal().request = (o: {
    url: string;
    data: { action: string; data: unknown };
    header: Record<string, string>;
    success: (r: { data: unknown; statusCode: number }) => void;
  }) => {
    const fn = o.url.slice(`${base}/api/`.length);
    void FUNCTIONS[fn]
      .handle(o.data, { openid: o.header['x-dev-openid'] }, bridge.deps)
      .then((envelope) => o.success({ data: JSON.parse(JSON.stringify(envelope)), statusCode: 200 }));
  };
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !check(); i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('export', () => {
  it('explains EXPORT.EMPTY in Chinese', async () => {
    const page = await open();
    expect(textOf(find(page, '.own-unit'))).toBe('越城区智造科技有限公司');
    await tapButton(page, '.generate', bridge);
    expect(exportCalls()[0].data).toEqual({ scope: 'unit', orgId: 'yuecheng-tech', format: 'docx' });
    expect(textOf(find(page, '.export-error'))).toBe('所选范围内暂无已通过的好青年，无法生成汇总表');
    expect(page.data.result).toBeNull();
  });

  it('shows 正在生成… while the file is made, then its name, rows and link; opens it in WeChat', async () => {
    await approvedYouth();
    const page = await open();
    // Hold the answer back to see the page while it waits.
    const cloud = wxGlobal().cloud as { callFunction: (p: unknown) => Promise<unknown> };
    const real = cloud.callFunction;
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    cloud.callFunction = async (p) => {
      await gate;
      return real(p);
    };
    find(page, '.generate').querySelector('.t-button')!.dispatchEvent('tap');
    await bridge.idle();
    expect(page.data.generating).toBe(true);
    expect(hostText(find(page, '.generate'), '.t-button')).toBe('正在生成…');
    release();
    await until(() => !page.data.generating);
    await bridge.idle();

    expect(page.data.generating).toBe(false);
    const result = page.data.result!;
    expect(result.fileName).toMatch(/越城区智造科技有限公司.*\.docx$/);
    expect(result.rows).toBe(1);
    expect(textOf(page)).toContain('共 1 人');
    // 打开 / 保存 / 复制下载链接, the real name, and no wall of percent-encoded URL (issue 9 §10).
    expect(['.open-file', '.save-file', '.copy-link'].map((b) => hostText(find(page, b), '.t-button'))).toEqual([
      '打开文件',
      '保存文件',
      '复制下载链接',
    ]);
    expect(textOf(page)).not.toContain('%E5');
    expect(textOf(page)).not.toContain('/files/');
    expect(textOf(find(page, '.expires'))).toContain('下载链接仅限本人使用');

    const wx = wxGlobal();
    const openDocument = jest.fn((o: { success: () => void }) => o.success());
    wx.downloadFile = jest.fn((o: { success: (r: unknown) => void }) =>
      o.success({ statusCode: 200, tempFilePath: 'wxfile://tmp/table.docx' }),
    );
    wx.openDocument = openDocument;
    await tapButton(page, '.open-file', bridge);
    expect(wx.downloadFile).toHaveBeenCalledWith(expect.objectContaining({ url: result.link }));
    expect(openDocument).toHaveBeenCalledWith(
      expect.objectContaining({ filePath: 'wxfile://tmp/table.docx', fileType: 'docx', showMenu: true }),
    );
    // 保存: sent on (to a chat or 文件传输助手) under its real name.
    const share = jest.fn((o: { success: () => void }) => o.success());
    wx.shareFileMessage = share;
    await tapButton(page, '.save-file', bridge);
    expect(share).toHaveBeenCalledWith(
      expect.objectContaining({ filePath: 'wxfile://tmp/table.docx', fileName: result.fileName }),
    );
    expect(result.fileName).toMatch(/^好青年候选人汇总表-越城区智造科技有限公司-\d{8}\.docx$/);
  });

  it('in local mode copies the signed dev server link without showing it', async () => {
    await approvedYouth();
    localMode('http://127.0.0.1:9999');
    const page = await open();
    await until(() => find(page, '.own-unit') !== undefined && textOf(find(page, '.own-unit')) !== '');
    await tapChip(page, '.format-chips', 'Excel', bridge);
    find(page, '.generate').querySelector('.t-button')!.dispatchEvent('tap');
    await until(() => page.data.result !== null || page.data.failure !== '');
    await bridge.idle();

    expect(page.data.local).toBe(true);
    const link = page.data.result!.link;
    expect(link).toMatch(
      /^http:\/\/127\.0\.0\.1:9999\/files\/.+\.xlsx\?exp=\d+&who=dev-unit-admin&fn=.+&sig=[0-9a-f]{64}$/,
    );
    expect(textOf(page)).not.toContain(link);
    const copy = jest.spyOn(wxGlobal() as { setClipboardData(o: object): void }, 'setClipboardData');
    await tapButton(page, '.copy-link', bridge);
    expect(copy).toHaveBeenCalledWith(expect.objectContaining({ data: link }));
    await until(() => toastOf(page).visible === true);
    expect(toastOf(page).message).toMatch(/^链接已复制，.+前可在电脑浏览器中打开下载$/);
  });

  it('lets a district export itself or one of its units', async () => {
    await approvedYouth();
    bridge.setOpenid(DISTRICT_ADMIN);
    const page = await open();
    expect(chipLabels(page, '.kind-chips')).toEqual(['本区县', '单个单位']);
    await tapButton(page, '.generate', bridge);
    expect(exportCalls()[0].data).toEqual({ scope: 'district', orgId: 'yuecheng', format: 'docx' });
    expect(page.data.result?.rows).toBe(1);

    await tapChip(page, '.kind-chips', '单个单位', bridge);
    expect(page.data.result).toBeNull();
    await tapButton(page, '.generate', bridge);
    expect(textOf(find(page, '.export-error'))).toBe('请先选择单位');
    await pickUnit(page, null, '越城区智造科技有限公司');
    await tapChip(page, '.format-chips', 'Excel', bridge);
    await tapButton(page, '.generate', bridge);
    expect(exportCalls().at(-1)?.data).toEqual({ scope: 'unit', orgId: 'yuecheng-tech', format: 'xlsx' });
    expect(page.data.result?.fileName).toMatch(/\.xlsx$/);
  });

  it('lets the city export the city, a district or a unit', async () => {
    await approvedYouth();
    bridge.setOpenid(CITY_ADMIN);
    const page = await open();
    expect(chipLabels(page, '.kind-chips')).toEqual(['全市', '区县', '单个单位']);
    await tapButton(page, '.generate', bridge);
    expect(exportCalls()[0].data).toEqual({ scope: 'city', orgId: 'city', format: 'docx' });
    expect(page.data.result?.fileName).toMatch(/绍兴市.*\.docx$/);

    await tapChip(page, '.kind-chips', '区县', bridge);
    expect(chipLabels(page, '.district-chips')).toEqual(['越城区', '柯桥区', '上虞区', '诸暨市', '嵊州市', '新昌县']);
    await tapButton(page, '.generate', bridge);
    expect(textOf(find(page, '.export-error'))).toBe('请先选择区县');
    await tapChip(page, '.district-chips', '柯桥区', bridge);
    await tapButton(page, '.generate', bridge);
    expect(exportCalls().at(-1)?.data).toMatchObject({ scope: 'district', orgId: 'keqiao' });
    expect(textOf(find(page, '.export-error'))).toBe('所选范围内暂无已通过的好青年，无法生成汇总表');

    await tapChip(page, '.kind-chips', '单个单位', bridge);
    await pickUnit(page, '越城区', '越城区智造科技有限公司');
    await tapButton(page, '.generate', bridge);
    expect(exportCalls().at(-1)?.data).toMatchObject({ scope: 'unit', orgId: 'yuecheng-tech' });
    expect(page.data.result?.rows).toBe(1);
  });

  it('refuses someone who administers nothing, in Chinese', async () => {
    bridge.setOpenid('dev-youth-zhang');
    const page = await open();
    expect(textOf(page)).toContain('您没有进行此操作的权限');
  });

  it('shows the network error and recovers on retry', async () => {
    bridge.setOffline(true);
    const page = await open();
    expect(textOf(page)).toContain('网络异常，请检查网络后重试');
    bridge.setOffline(false);
    await tapButton(page, ['.page-state', '.retry'], bridge);
    expect(textOf(find(page, '.own-unit'))).toBe('越城区智造科技有限公司');
  });
});
