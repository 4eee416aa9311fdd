import { CATEGORY_LABELS } from '../../../../miniprogram/core/org';
import { fixture } from '../../../support/fixtures';
import { codeOf, dataOf } from '../../../support/harness';
import { PDF, uploadAs } from '../../../support/uploads';
import { uploadWorkbook } from '../import-scene';

describe('registry.previewImport (issue 14)', () => {
  it('reports every bad row with its column and message, writes nothing, and refuses what is not a workbook', async () => {
    const f = await fixture();
    const { h } = f;
    const city = await f.admin('cityAdmin', f.city);
    const fileId = await uploadWorkbook(h.deps, city, 'orgs', [
      ['越城区公司', CATEGORY_LABELS.two_new, '区县单位', '越城区外', '', '10'],
      ['越城区公司二', CATEGORY_LABELS.two_new, '区县单位', '越城区', '', '12'],
      ['市局', '局', '市直单位', '', '', '十'],
    ]);
    await f.district('yuecheng');
    const before = await h.snapshot();
    const preview = dataOf(await h.call('registry', 'previewImport', { kind: 'orgs', fileId }, city));
    expect(preview.total).toBe(3);
    expect(preview.counts).toEqual({ new: 1, changed: 0, unchanged: 0 });
    expect(preview.errors).toEqual([
      { row: 2, column: '所属区县', code: 'unknown_district', message: expect.stringContaining('区县名称不存在') },
      { row: 4, column: '单位类别', code: 'bad_category', message: expect.stringContaining('单位类别应为') },
      { row: 4, column: '青年人数', code: 'bad_count', message: expect.any(String) },
    ]);
    expect(await h.snapshot()).toEqual(before);
    const pdf = await uploadAs(h.deps, city, PDF, 'pdf');
    expect(codeOf(await h.call('registry', 'previewImport', { kind: 'orgs', fileId: pdf.fileId }, city))).toBe(
      'FILE.INVALID',
    );
    const zip = await uploadAs(
      h.deps,
      city,
      Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64)]),
      'xlsx',
    );
    expect(codeOf(await h.call('registry', 'previewImport', { kind: 'orgs', fileId: zip.fileId }, city))).toBe(
      'FILE.INVALID',
    );
  });
});
