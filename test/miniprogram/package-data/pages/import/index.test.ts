import { C, type OrgDoc } from '../../../../../cloudfunctions/_lib/collections';
import { loadPage, openPage, tapButton, textOf, toastOf, useBridge } from '../../../../support/cloud-bridge';
import { stubWorkbook } from '../../support';

const bridge = useBridge({ openid: 'dev-city-admin' });
const IMPORT = loadPage('package-data/pages/import/index');

interface ImportData {
  kind: string;
  preview: { errors: Array<{ row: number; code: string }>; counts: { new: number } } | null;
  result: { counts: { new: number; changed: number } } | null;
}
const open = () => openPage<ImportData>(IMPORT, bridge);
const GOOD = ['越城区导入测试公司', '两新组织', '区县单位', '越城区', '', '45'];

describe('数据导入', () => {
  it('shows every bad row, imports nothing, then applies the fixed file after a confirmation', async () => {
    const page = await open();
    expect(page.data.kind).toBe('orgs');
    await stubWorkbook(bridge, 'orgs', [
      GOOD,
      ['坏单位', '私企', '区县单位', '越城区', '', '3'],
      ['坏单位二', '两新组织', '区县单位', '火星区', '', 'x'],
    ]);
    await tapButton(page, '.choose', bridge);
    expect(page.data.preview?.errors.map((e) => [e.row, e.code])).toEqual([
      [3, 'bad_category'],
      [4, 'unknown_district'],
      [4, 'bad_count'],
    ]);
    expect(textOf(page)).toContain('发现 3 处错误');
    expect(textOf(page)).toContain('第3行 · 单位类别');
    const orgs = bridge.deps.store.collection<OrgDoc>(C.orgs);
    expect(await orgs.find({ name: '越城区导入测试公司' })).toEqual([]);

    await stubWorkbook(bridge, 'orgs', [
      GOOD,
      ['越城区导入二厂', '国有企业', '区县单位', '越城区', '越城区导入测试公司', '8'],
    ]);
    await tapButton(page, '.choose', bridge);
    expect(page.data.preview?.errors).toEqual([]);
    expect(textOf(page)).toContain('新增 2');
    await tapButton(page, '.apply', bridge);
    expect(bridge.modal).toHaveBeenCalledWith(expect.objectContaining({ title: '确认导入' }));
    expect(toastOf(page).message).toBe('导入完成');
    expect(page.data.result?.counts).toEqual({ new: 2, changed: 0, unchanged: 0 });
    expect(await orgs.find({ name: '越城区导入二厂' })).toEqual([
      expect.objectContaining({ category: 'soe', districtId: 'yuecheng', youthCount: 8 }),
    ]);
  });

  it('a unit admin imports the unit’s youth list', async () => {
    bridge.setOpenid('dev-unit-admin');
    const page = await open();
    expect(page.data.kind).toBe('youths');
    expect(textOf(page)).toContain('导入本单位青年名册');
  });

  it('refuses a file that is not Excel before uploading it', async () => {
    const page = await open();
    (globalThis as unknown as { wx: Record<string, unknown> }).wx.chooseMessageFile = jest.fn(
      (o: { success: (r: unknown) => void }) =>
        o.success({ tempFiles: [{ path: 'wxfile://tmp/a.pdf', size: 10, name: 'a.pdf', type: 'file', time: 0 }] }),
    );
    await tapButton(page, '.choose', bridge);
    expect(toastOf(page).message).toBe('请选择 Excel 文件（.xlsx）');
  });
});
