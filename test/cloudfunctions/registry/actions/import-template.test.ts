import { readSheet } from '../../../../cloudfunctions/registry/src/workbook';
import { IMPORT_COLUMNS, IMPORT_EXAMPLES } from '../../../../miniprogram/core/registry-import';
import { fixture } from '../../../support/fixtures';
import { codeOf, dataOf } from '../../../support/harness';

describe('registry.importTemplate (issue 14)', () => {
  it('links the template: the header the import checks and example rows it accepts', async () => {
    const f = await fixture();
    const { h } = f;
    const city = await f.admin('cityAdmin', f.city);
    const unitAdmin = await f.admin('unitAdmin', await f.unit());
    const view = dataOf(await h.call('registry', 'importTemplate', { kind: 'orgs' }, city));
    expect(view.fileName).toBe('单位与青年人数导入模板.xlsx');
    expect(view.url).toMatch(/^\/files\/templates-orgs-v1\.xlsx\?/);
    const bytes = await h.deps.files.get('local://templates-orgs-v1.xlsx');
    const sheet = await readSheet(bytes as Buffer, IMPORT_COLUMNS.orgs.length);
    expect(sheet?.header).toEqual([...IMPORT_COLUMNS.orgs]);
    expect(sheet?.rows.map((r) => r.cells)).toEqual(IMPORT_EXAMPLES.orgs);
    expect(codeOf(await h.call('registry', 'importTemplate', { kind: 'orgs' }, unitAdmin))).toBe('AUTH.FORBIDDEN');
    expect(dataOf(await h.call('registry', 'importTemplate', { kind: 'youths' }, unitAdmin)).fileName).toBe(
      '青年名册导入模板.xlsx',
    );
  });
});
