/**
 * Importing what the League already keeps in Excel (issue 14, R7.1): the organisation tree with head-counts
 * (city and district admins) and a unit's youth list (unit admins, for organisational recommendation).
 * Pure: rows arrive as the cells' text (the server reads the workbook with exceljs), and every rule of a row is
 * here, so the per-row error report, the preview and the apply all come from one validation.
 */
import { parseIdNumber, isMobilePhone, maskIdNumber, maskPhone } from './id-number';
import { CATEGORY_LABELS, UNIT_CATEGORIES, type UnitCategory } from './org';

export type ImportKind = 'orgs' | 'youths';

/** The template's header row, in order: the workbook must carry exactly these columns first. */
export const IMPORT_COLUMNS = {
  orgs: ['单位名称', '单位类别', '层级', '所属区县', '上级单位', '青年人数'],
  youths: ['姓名', '身份证号', '手机号', '岗位'],
} as const satisfies Record<ImportKind, readonly string[]>;

/** The sheet name of the template (any first sheet is read). */
export const IMPORT_SHEET = { orgs: '单位与青年人数', youths: '青年名册' } as const;

/** The two levels a unit row may state: a city-level unit (市直) has no district. */
export const LEVEL_LABELS = { city: '市直单位', district: '区县单位' } as const;

/** Example rows of the template (removed by the cadre; the examples are valid rows). */
export const IMPORT_EXAMPLES: Record<ImportKind, string[][]> = {
  orgs: [
    ['绍兴市示例局', CATEGORY_LABELS.party_gov, LEVEL_LABELS.city, '', '', '45'],
    ['越城区示例科技有限公司', CATEGORY_LABELS.two_new, LEVEL_LABELS.district, '越城区', '', '120'],
  ],
  youths: [['张三', '330602199605201234', '13900000000', '技术员']],
};

export const MAX_IMPORT_ROWS = 10000;
export const MAX_NAME = 60;
export const MAX_POST = 40;
export const MAX_YOUTH_COUNT = 1000000;

/** Every kind of row error, with the Chinese the report shows. */
export const IMPORT_ERRORS = {
  bad_header: '表头与模板不一致，请下载最新模板',
  too_many_rows: `一次最多导入 ${MAX_IMPORT_ROWS} 行，请分批导入`,
  empty_file: '文件中没有数据行',
  missing: '必填项为空',
  too_long: '内容过长',
  bad_category: '单位类别应为：机关事业单位、国有企业、在绍央企、两新组织、其他基层领域',
  bad_level: '层级应为“市直单位”或“区县单位”',
  unknown_district: '区县名称不存在，请与组织架构中的区县名称一致',
  district_for_city: '市直单位不填所属区县',
  out_of_scope: '不在您管理的区县内',
  unknown_parent: '上级单位不存在（应为同一区县内的单位）',
  duplicate_unit: '与本文件中另一行重复（同一区县内单位名称不能重复）',
  bad_count: '青年人数应为不小于 0 的整数',
  bad_id: '身份证号格式不正确（18位，校验码有误或日期不合法）',
  duplicate_id: '与本文件中另一行身份证号重复',
  other_unit: '该青年已在其他单位的名册中，请先由原单位办理离开',
  bad_phone: '手机号应为 11 位大陆手机号',
} as const;
export type ImportErrorCode = keyof typeof IMPORT_ERRORS;

export interface RowError {
  /** The Excel row number (the header is row 1), or 0 for the whole file. */
  row: number;
  column: string;
  code: ImportErrorCode;
  message: string;
}

const rowError = (row: number, column: string, code: ImportErrorCode): RowError => ({
  row,
  column,
  code,
  message: IMPORT_ERRORS[code],
});

/** The cells of one data row, as text, and its Excel row number. */
export interface SheetRow {
  row: number;
  cells: string[];
}

/** Header problems and size problems are the file's, not a row's. */
export function checkSheet(kind: ImportKind, header: string[], rows: SheetRow[]): RowError[] {
  const expected = IMPORT_COLUMNS[kind];
  if (expected.some((name, i) => (header[i] ?? '').trim() !== name)) return [rowError(1, '表头', 'bad_header')];
  if (rows.length === 0) return [rowError(0, '文件', 'empty_file')];
  if (rows.length > MAX_IMPORT_ROWS) return [rowError(0, '文件', 'too_many_rows')];
  return [];
}

/** Blank rows (every cell empty) are skipped, as Excel leaves them after deleting the examples. */
export function dataRows(rows: SheetRow[]): SheetRow[] {
  return rows.filter((r) => r.cells.some((c) => c.trim() !== ''));
}

// ——— organisations ———

export interface ExistingOrg {
  id: string;
  name: string;
  level: 'city' | 'district' | 'unit';
  districtId: string | null;
  parentId: string | null;
  category?: UnitCategory;
  youthCount?: number;
}

export interface OrgRowPlan {
  row: number;
  /** The existing unit's id, or null for a new one. */
  id: string | null;
  name: string;
  category: UnitCategory;
  districtId: string | null;
  /** A parent unit by name (same district), or null: the district (the city for a city-level unit). */
  parentName: string | null;
  youthCount: number;
  change: 'new' | 'changed' | 'unchanged';
  /** What changes on an existing unit: field → [before, after]. */
  diff: Partial<Record<'category' | 'parent' | 'youthCount', [string | number, string | number]>>;
}

export interface OrgImportScope {
  /** The districts the caller imports for: null for the city (every district and city-level units). */
  districtIds: string[] | null;
}

export interface ImportPlan<R> {
  rows: R[];
  errors: RowError[];
  counts: { new: number; changed: number; unchanged: number };
}

const CATEGORY_BY_LABEL = new Map<string, UnitCategory>(
  UNIT_CATEGORIES.map((c) => [CATEGORY_LABELS[c], c] as [string, UnitCategory]),
);

const unitKey = (districtId: string | null, name: string) => `${districtId ?? ''}|${name}`;

/** A column's check: its value, or the error code of the column that is wrong. */
type Check<T> = { ok: true; value: T } | { ok: false; column: string; code: ImportErrorCode };
const pass = <T>(value: T): Check<T> => ({ ok: true, value });
const fail = (column: string, code: ImportErrorCode): Check<never> => ({ ok: false, column, code });

/** Required text within a length. */
function textCell(column: string, value: string, max: number, required = true): Check<string> {
  if (!value) return required ? fail(column, 'missing') : pass('');
  return value.length > max ? fail(column, 'too_long') : pass(value);
}

function categoryCell(value: string): Check<UnitCategory> {
  const category = CATEGORY_BY_LABEL.get(value);
  if (!value) return fail(IMPORT_COLUMNS.orgs[1], 'missing');
  return category ? pass(category) : fail(IMPORT_COLUMNS.orgs[1], 'bad_category');
}

function countCell(value: string): Check<number> {
  const column = IMPORT_COLUMNS.orgs[5];
  if (!value) return fail(column, 'missing');
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  return Number.isSafeInteger(n) && n <= MAX_YOUTH_COUNT ? pass(n) : fail(column, 'bad_count');
}

/** The unit's district from its level and district cells, within the caller's scope (null: a city-level unit). */
function placeCell(
  levelText: string,
  districtText: string,
  districts: Map<string, ExistingOrg>,
  scope: OrgImportScope,
): Check<string | null> {
  const [, , LEVEL, DISTRICT] = IMPORT_COLUMNS.orgs;
  if (levelText === LEVEL_LABELS.city) {
    if (districtText) return fail(DISTRICT, 'district_for_city');
    return scope.districtIds === null ? pass(null) : fail(LEVEL, 'out_of_scope');
  }
  if (levelText !== LEVEL_LABELS.district) return fail(LEVEL, levelText ? 'bad_level' : 'missing');
  if (!districtText) return fail(DISTRICT, 'missing');
  const district = districts.get(districtText);
  if (!district) return fail(DISTRICT, 'unknown_district');
  if (scope.districtIds !== null && !scope.districtIds.includes(district.id)) return fail(DISTRICT, 'out_of_scope');
  return pass(district.id);
}

/** The errors of the failed checks of a row, in column order. */
function failures(row: number, checks: Array<Check<unknown>>): RowError[] {
  return checks.flatMap((c) => (c.ok ? [] : [rowError(row, c.column, c.code)]));
}

type Values<T extends readonly Check<unknown>[]> = { [K in keyof T]: T[K] extends Check<infer V> ? V : never };

/** The row's values when every check passed, else its errors. */
function settle<const T extends readonly Check<unknown>[]>(
  row: number,
  checks: T,
): { ok: true; values: Values<T> } | { ok: false; errors: RowError[] } {
  const errors = failures(row, [...checks]);
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, values: checks.map((c) => (c as { value: unknown }).value) as Values<T> };
}

/** What changes on an existing unit. */
function orgDiff(existing: ExistingOrg, plan: OrgRowPlan, parentBefore: string): OrgRowPlan['diff'] {
  const diff: OrgRowPlan['diff'] = {};
  if (existing.category !== plan.category)
    diff.category = [CATEGORY_LABELS[existing.category ?? 'other_grassroots'], CATEGORY_LABELS[plan.category]];
  const parentAfter = plan.parentName ?? '';
  if (parentBefore !== parentAfter) diff.parent = [parentBefore || '—', parentAfter || '—'];
  if ((existing.youthCount ?? 0) !== plan.youthCount) diff.youthCount = [existing.youthCount ?? 0, plan.youthCount];
  return diff;
}

/** A row planned against the unit it names: changed or unchanged. */
function against(plan: OrgRowPlan, existing: ExistingOrg, unitNameById: Map<string, string>): OrgRowPlan {
  const parentBefore = existing.parentId ? (unitNameById.get(existing.parentId) ?? '') : '';
  const diff = orgDiff(existing, plan, parentBefore);
  return { ...plan, diff, change: Object.keys(diff).length > 0 ? 'changed' : 'unchanged' };
}

const trimmed = (cells: string[]): string[] => cells.map((c) => (c ?? '').trim());

/**
 * Validates the organisation rows against the tree and the caller's scope, and plans each valid row as new,
 * changed or unchanged. A unit is identified by its name within its district (city-level units by name).
 */
export function planOrgImport(rows: SheetRow[], orgs: ExistingOrg[], scope: OrgImportScope): ImportPlan<OrgRowPlan> {
  const districts = new Map(orgs.filter((o) => o.level === 'district').map((o) => [o.name, o]));
  const units = new Map(orgs.filter((o) => o.level === 'unit').map((o) => [unitKey(o.districtId, o.name), o]));
  const unitNameById = new Map(orgs.filter((o) => o.level === 'unit').map((o) => [o.id, o.name]));
  const [NAME, , , , PARENT] = IMPORT_COLUMNS.orgs;
  const errors: RowError[] = [];
  const planned: OrgRowPlan[] = [];
  const seen = new Set<string>();
  for (const { row, cells } of rows) {
    const [nameText, categoryText, levelText, districtText, parentText, countText] = trimmed(cells);
    const checked = settle(row, [
      textCell(NAME, nameText, MAX_NAME),
      categoryCell(categoryText),
      placeCell(levelText, districtText, districts, scope),
      countCell(countText),
      textCell(PARENT, parentText, MAX_NAME, false),
    ] as const);
    if (!checked.ok) {
      errors.push(...checked.errors);
      continue;
    }
    const [name, category, districtId, youthCount, parentName] = checked.values;
    const key = unitKey(districtId, name);
    if (seen.has(key)) {
      errors.push(rowError(row, NAME, 'duplicate_unit'));
      continue;
    }
    seen.add(key);
    const existing = units.get(key);
    const plan: OrgRowPlan = {
      row,
      id: existing?.id ?? null,
      name,
      category,
      districtId,
      parentName: parentName || null,
      youthCount,
      change: 'new',
      diff: {},
    };
    planned.push(existing ? against(plan, existing, unitNameById) : plan);
  }
  // A parent is a unit of the same district, in the tree or in this file, and not the unit itself.
  const parentKnown = (p: OrgRowPlan) => {
    if (p.parentName === null) return true;
    const key = unitKey(p.districtId, p.parentName);
    return key !== unitKey(p.districtId, p.name) && (units.has(key) || seen.has(key));
  };
  const valid = planned.filter((p) => parentKnown(p));
  for (const p of planned) if (!parentKnown(p)) errors.push(rowError(p.row, PARENT, 'unknown_parent'));
  errors.sort((a, b) => a.row - b.row);
  return { rows: valid, errors, counts: countChanges(valid) };
}

function countChanges(rows: Array<{ change: 'new' | 'changed' | 'unchanged' }>): ImportPlan<never>['counts'] {
  const counts = { new: 0, changed: 0, unchanged: 0 };
  for (const r of rows) counts[r.change] += 1;
  return counts;
}

// ——— a unit's youth list ———

export interface YouthRowPlan {
  row: number;
  /** The existing record's id in this unit's list, or null for a new one. */
  id: string | null;
  name: string;
  idNumber: string;
  idMasked: string;
  birthDate: string;
  phone: string;
  phoneMasked: string;
  post: string;
  change: 'new' | 'changed' | 'unchanged';
}

/** What the list already holds about a person, found by the keyed hash of their ID number (the server's). */
export interface ExistingYouth {
  id: string;
  unitId: string;
  /** Whether the record is active (an alumnus may be imported into a unit again). */
  active: boolean;
  name: string;
  post: string;
  /** The phone's masked copy is not enough to compare: the server passes the opened phone. */
  phone: string;
}

/**
 * Validates a unit's youth list and plans each row against what the database holds (`existing`, by the person's
 * key): a person active in another unit is an error (they leave there first); the same unit is a change or not.
 */
export function planYouthImport(
  rows: SheetRow[],
  unitId: string,
  existing: (idNumber: string) => ExistingYouth | undefined,
): ImportPlan<YouthRowPlan> {
  const [NAME, ID, , POST] = IMPORT_COLUMNS.youths;
  const errors: RowError[] = [];
  const valid: YouthRowPlan[] = [];
  const seen = new Set<string>();
  for (const { row, cells } of rows) {
    const [nameText, idText, phoneText, postText] = trimmed(cells);
    const checked = settle(row, [
      textCell(NAME, nameText, 30),
      idCell(idText),
      phoneCell(phoneText),
      textCell(POST, postText, MAX_POST, false),
    ] as const);
    if (!checked.ok) {
      errors.push(...checked.errors);
      continue;
    }
    const [name, { normalized: idNumber, birthDate }, phone, post] = checked.values;
    if (seen.has(idNumber)) {
      errors.push(rowError(row, ID, 'duplicate_id'));
      continue;
    }
    seen.add(idNumber);
    const held = existing(idNumber);
    if (held && held.active && held.unitId !== unitId) {
      errors.push(rowError(row, ID, 'other_unit'));
      continue;
    }
    const fields = { name, phone, post };
    valid.push({
      row,
      id: held?.id ?? null,
      ...fields,
      idNumber,
      idMasked: maskIdNumber(idNumber),
      birthDate,
      phoneMasked: maskPhone(phone),
      change: youthChange(held, unitId, fields),
    });
  }
  errors.sort((a, b) => a.row - b.row);
  return { rows: valid, errors, counts: countChanges(valid) };
}

function idCell(value: string): Check<{ normalized: string; birthDate: string }> {
  const column = IMPORT_COLUMNS.youths[1];
  if (!value) return fail(column, 'missing');
  const parsed = parseIdNumber(value);
  return parsed.ok ? pass(parsed.value) : fail(column, 'bad_id');
}

function phoneCell(value: string): Check<string> {
  const column = IMPORT_COLUMNS.youths[2];
  if (!value) return fail(column, 'missing');
  return isMobilePhone(value) ? pass(value) : fail(column, 'bad_phone');
}

function youthChange(
  held: ExistingYouth | undefined,
  unitId: string,
  row: { name: string; phone: string; post: string },
): YouthRowPlan['change'] {
  if (!held) return 'new';
  const same =
    held.unitId === unitId &&
    held.active &&
    held.name === row.name &&
    held.post === row.post &&
    held.phone === row.phone;
  return same ? 'unchanged' : 'changed';
}
