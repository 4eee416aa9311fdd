import { CATEGORY_LABELS } from '../../miniprogram/core/org';
import {
  checkSheet,
  dataRows,
  IMPORT_COLUMNS,
  IMPORT_ERRORS,
  MAX_IMPORT_ROWS,
  planOrgImport,
  planYouthImport,
  type ExistingOrg,
  type ImportErrorCode,
  type SheetRow,
} from '../../miniprogram/core/registry-import';
import { idNumberOf } from '../support/fixtures';

const TREE: ExistingOrg[] = [
  { id: 'yuecheng', name: '越城区', level: 'district', districtId: 'yuecheng', parentId: 'city' },
  { id: 'keqiao', name: '柯桥区', level: 'district', districtId: 'keqiao', parentId: 'city' },
  {
    id: 'u1',
    name: '越城区甲公司',
    level: 'unit',
    districtId: 'yuecheng',
    parentId: 'yuecheng',
    category: 'two_new',
    youthCount: 40,
  },
  {
    id: 'u2',
    name: '市示例局',
    level: 'unit',
    districtId: null,
    parentId: 'city',
    category: 'party_gov',
    youthCount: 25,
  },
];
const CITY = { districtIds: null };
const rows = (...cells: string[][]): SheetRow[] => cells.map((c, i) => ({ row: i + 2, cells: c }));
const unitRow = (
  over: Partial<Record<'name' | 'category' | 'level' | 'district' | 'parent' | 'count', string>> = {},
) => [
  over.name ?? '越城区乙公司',
  over.category ?? CATEGORY_LABELS.two_new,
  over.level ?? '区县单位',
  over.district ?? '越城区',
  over.parent ?? '',
  over.count ?? '30',
];
const codes = (errors: Array<{ code: ImportErrorCode; row: number }>) => errors.map((e) => [e.row, e.code]);

describe('organisation import rows (issue 14)', () => {
  it('plans new, changed and unchanged units', () => {
    const plan = planOrgImport(
      rows(unitRow(), unitRow({ name: '越城区甲公司', count: '60' }), [
        '市示例局',
        CATEGORY_LABELS.party_gov,
        '市直单位',
        '',
        '',
        '25',
      ]),
      TREE,
      CITY,
    );
    expect(plan.errors).toEqual([]);
    expect(plan.counts).toEqual({ new: 1, changed: 1, unchanged: 1 });
    expect(plan.rows[1]).toEqual(
      expect.objectContaining({ id: 'u1', change: 'changed', diff: { youthCount: [40, 60] } }),
    );
  });

  it.each<[string, string[], ImportErrorCode]>([
    ['missing name', unitRow({ name: '' }), 'missing'],
    ['name too long', unitRow({ name: '名'.repeat(61) }), 'too_long'],
    ['bad category', unitRow({ category: '私营企业' }), 'bad_category'],
    ['missing category', unitRow({ category: '' }), 'missing'],
    ['bad level', unitRow({ level: '乡镇' }), 'bad_level'],
    ['unknown district', unitRow({ district: '火星区' }), 'unknown_district'],
    ['missing district', unitRow({ district: '' }), 'missing'],
    ['district on a city unit', unitRow({ level: '市直单位' }), 'district_for_city'],
    ['head-count not a number', unitRow({ count: '三十' }), 'bad_count'],
    ['negative head-count', unitRow({ count: '-3' }), 'bad_count'],
    ['fractional head-count', unitRow({ count: '2.5' }), 'bad_count'],
    ['missing head-count', unitRow({ count: '' }), 'missing'],
    ['unknown parent', unitRow({ parent: '不存在的公司' }), 'unknown_parent'],
    ['itself as parent', unitRow({ parent: '越城区乙公司' }), 'unknown_parent'],
  ])('%s → %s', (_what, cells, code) => {
    const plan = planOrgImport(rows(cells), TREE, CITY);
    expect(codes(plan.errors)).toEqual([[2, code]]);
    expect(plan.errors[0].message).toBe(IMPORT_ERRORS[code]);
    expect(plan.rows).toEqual([]);
  });

  it('a unit twice in the file is a duplicate (same name in another district is not)', () => {
    const plan = planOrgImport(rows(unitRow(), unitRow({ count: '31' }), unitRow({ district: '柯桥区' })), TREE, CITY);
    expect(codes(plan.errors)).toEqual([[3, 'duplicate_unit']]);
    expect(plan.counts.new).toBe(2);
  });

  it('a parent resolves in the tree or in the same file', () => {
    const plan = planOrgImport(
      rows(
        unitRow({ name: '子公司', parent: '越城区乙公司' }),
        unitRow(),
        unitRow({ name: '孙', parent: '越城区甲公司' }),
      ),
      TREE,
      CITY,
    );
    expect(plan.errors).toEqual([]);
  });

  it('a district admin imports only their own district', () => {
    const plan = planOrgImport(
      rows(unitRow(), unitRow({ district: '柯桥区' }), ['市直新单位', CATEGORY_LABELS.soe, '市直单位', '', '', '9']),
      TREE,
      { districtIds: ['yuecheng'] },
    );
    expect(codes(plan.errors)).toEqual([
      [3, 'out_of_scope'],
      [4, 'out_of_scope'],
    ]);
  });

  it('every error of a row is reported, rows in order', () => {
    const plan = planOrgImport(rows(unitRow(), ['', '私营', '乡镇', '', '', 'x']), TREE, CITY);
    expect(codes(plan.errors)).toEqual([
      [3, 'missing'],
      [3, 'bad_category'],
      [3, 'bad_level'],
      [3, 'bad_count'],
    ]);
  });
});

describe('the sheet as a whole', () => {
  it('checks the header, empty files and the row limit; skips blank rows', () => {
    const header = [...IMPORT_COLUMNS.orgs];
    expect(codes(checkSheet('orgs', ['名称', ...header.slice(1)], rows(unitRow())))).toEqual([[1, 'bad_header']]);
    expect(codes(checkSheet('orgs', header, []))).toEqual([[0, 'empty_file']]);
    const many = Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => ({ row: i + 2, cells: unitRow() }));
    expect(codes(checkSheet('orgs', header, many))).toEqual([[0, 'too_many_rows']]);
    expect(dataRows(rows(['', ' ', ''], unitRow()))).toHaveLength(1);
  });
});

describe('youth list rows', () => {
  const id1 = idNumberOf('1996-05-20', 1);
  const id2 = idNumberOf('1995-03-02', 2);
  const none = () => undefined;

  it('plans new rows with masked numbers and the birth date from the ID number', () => {
    const plan = planYouthImport(rows(['王青', id1, '13900000001', '技术员']), 'u1', none);
    expect(plan.errors).toEqual([]);
    expect(plan.rows[0]).toEqual(
      expect.objectContaining({ change: 'new', birthDate: '1996-05-20', phoneMasked: '139****0001', id: null }),
    );
    expect(plan.rows[0].idMasked).toMatch(/^330602\*{8}\d{3}[\dX]$/);
  });

  it.each<[string, string[], ImportErrorCode]>([
    ['missing name', ['', id1, '13900000001', ''], 'missing'],
    ['malformed ID number', ['王青', '33060219960520123', '13900000001', ''], 'bad_id'],
    ['ID check digit', ['王青', `${id1.slice(0, 17)}${id1[17] === '0' ? '1' : '0'}`, '13900000001', ''], 'bad_id'],
    ['impossible birth date', ['王青', '330602199602301234', '13900000001', ''], 'bad_id'],
    ['missing ID number', ['王青', '', '13900000001', ''], 'missing'],
    ['bad phone', ['王青', id1, '1390000', ''], 'bad_phone'],
    ['missing phone', ['王青', id1, '', ''], 'missing'],
    ['post too long', ['王青', id1, '13900000001', '岗'.repeat(41)], 'too_long'],
  ])('%s → %s', (_what, cells, code) => {
    expect(codes(planYouthImport(rows(cells), 'u1', none).errors)).toEqual([[2, code]]);
  });

  it('the same person twice in the file, or active in another unit, is refused', () => {
    const held = (n: string) =>
      n === id2 ? { id: 'y2', unitId: 'u9', active: true, name: '李', post: '', phone: '13900000002' } : undefined;
    const plan = planYouthImport(
      rows(['王青', id1, '13900000001', ''], ['王青', id1, '13900000001', ''], ['李', id2, '13900000002', '']),
      'u1',
      held,
    );
    expect(codes(plan.errors)).toEqual([
      [3, 'duplicate_id'],
      [4, 'other_unit'],
    ]);
  });

  it('a person already in this unit is unchanged or changed; an alumnus elsewhere comes back', () => {
    const held = (n: string) =>
      n === id1
        ? { id: 'y1', unitId: 'u1', active: true, name: '王青', post: '技术员', phone: '13900000001' }
        : { id: 'y2', unitId: 'u9', active: false, name: '李', post: '', phone: '13900000002' };
    const plan = planYouthImport(
      rows(['王青', id1, '13900000001', '技术员'], ['李', id2, '13900000002', '']),
      'u1',
      held,
    );
    expect(plan.rows.map((r) => [r.id, r.change])).toEqual([
      ['y1', 'unchanged'],
      ['y2', 'changed'],
    ]);
  });
});
