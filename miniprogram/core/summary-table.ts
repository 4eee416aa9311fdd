/**
 * The official summary table (附件 “好青年”候选人汇总表, R4.5): its title, the
 * 单位 line the filing unit stamps, the seven columns in the notice's order,
 * and one row per selected youth. The attachment is one unit's table, so a
 * district's or the city's export is one such table per unit (each with its own
 * 单位 line and 序号 from 1), plus, for spreadsheets, one list of every row with
 * a 单位 column. Pure: the caller decrypts and passes values.
 */
import type { IsoDate } from './china-time';
import {
  educationDegreeText,
  positionText,
  POLITICAL_STATUS_LABELS,
  type Degree,
  type Education,
  type PoliticalStatus,
} from './profile';

export const SUMMARY_TITLE = '“好青年”候选人汇总表';

/** R4.5 the columns exactly as the notice's attachment prints them. */
export const SUMMARY_COLUMNS = [
  '序号',
  '姓名',
  '身份证号',
  '学历学位',
  '政治面貌',
  '联系电话',
  '单位职务、岗位（技术职称、技能职级）',
] as const;

/** One youth as the table needs it: ID number and phone in full (the official export, R9.1). */
export interface SummaryRecord {
  name: string;
  idNumber: string;
  phone: string;
  education: Education;
  degree: Degree;
  politicalStatus: PoliticalStatus;
  duty: string;
  post: string;
  title: string;
  skillLevel: string;
}

/** Row `index` (0-based) of the table; 序号 counts from 1. */
export function summaryRow(index: number, r: SummaryRecord): string[] {
  return [
    String(index + 1),
    r.name,
    r.idNumber,
    educationDegreeText(r.education, r.degree),
    POLITICAL_STATUS_LABELS[r.politicalStatus],
    r.phone,
    positionText(r),
  ];
}

/** The line under the title; the blank before （盖章） leaves room for the seal, as in the attachment. */
export function summaryUnitLine(orgName: string): string {
  return `单位：${orgName}            （盖章）`;
}

export interface SummaryTable {
  title: string;
  /** The organisation on the 单位 line. */
  orgName: string;
  unitLine: string;
  columns: readonly string[];
  rows: string[][];
}

export function summaryTable(orgName: string, records: readonly SummaryRecord[]): SummaryTable {
  return {
    title: SUMMARY_TITLE,
    orgName,
    unitLine: summaryUnitLine(orgName),
    columns: SUMMARY_COLUMNS,
    rows: records.map((r, i) => summaryRow(i, r)),
  };
}

/** The list of every row of a district or the city: the notice's columns with 单位 after 序号. */
export const SUMMARY_ALL_COLUMNS = [SUMMARY_COLUMNS[0], '单位', ...SUMMARY_COLUMNS.slice(1)] as const;

/** The unit a youth is listed under. */
export interface SummaryUnit {
  id: string;
  name: string;
  /** The district's display order; null for city-level units, which file directly with the city (R4.4). */
  districtOrder: number | null;
}

export interface SummaryEntry {
  unit: SummaryUnit;
  record: SummaryRecord;
}

export type SummaryScope = 'unit' | 'district' | 'city';

/** What an export file holds. */
export interface SummaryExport {
  /** The tables to print and stamp, one per unit in table order; a unit's export is exactly one, as before. */
  tables: SummaryTable[];
  /** A district's or the city's rows in one list with a 单位 column, numbered from 1; null for a unit's export. */
  all: SummaryTable | null;
}

/**
 * The export of `orgName` at `scope`: a unit's export is its one table; a district's or the city's is one table
 * per unit, units in `compareSummaryUnits` order (city-level units, then districts in their official order, then
 * unit name in pinyin order), youths by name in pinyin order within a unit, entries that tie in the order given.
 */
export function summaryExport(scope: SummaryScope, orgName: string, entries: readonly SummaryEntry[]): SummaryExport {
  const groups = groupByUnit(entries);
  if (scope === 'unit')
    return {
      tables: [
        summaryTable(
          orgName,
          groups.flatMap((g) => g.records),
        ),
      ],
      all: null,
    };
  const tables = groups.map((g) => summaryTable(g.unit.name, g.records));
  const rows = groups
    .flatMap((g) => g.records.map((r) => ({ unitName: g.unit.name, r })))
    .map(({ unitName, r }, i) => {
      const [n, ...rest] = summaryRow(i, r);
      return [n, unitName, ...rest];
    });
  const all = { title: SUMMARY_TITLE, orgName, unitLine: summaryUnitLine(orgName), columns: SUMMARY_ALL_COLUMNS, rows };
  return { tables, all };
}

function groupByUnit(entries: readonly SummaryEntry[]): Array<{ unit: SummaryUnit; records: SummaryRecord[] }> {
  const byUnit = new Map<string, { unit: SummaryUnit; records: SummaryRecord[] }>();
  for (const { unit, record } of entries) {
    const group = byUnit.get(unit.id);
    if (group) group.records.push(record);
    else byUnit.set(unit.id, { unit, records: [record] });
  }
  const groups = [...byUnit.values()].sort((a, b) => compareSummaryUnits(a.unit, b.unit));
  for (const g of groups) g.records.sort((a, b) => chinese().compare(a.name, b.name));
  return groups;
}

/** Where a youth sits in the table: districts in their official order (city-level units first), then unit, then name. */
export interface SummarySortKey {
  /** The district's display order; null for city-level units, which file directly with the city (R4.4). */
  districtOrder: number | null;
  unitName: string;
  name: string;
}

// Created on first use: only the server sorts, and the phone's JS engine need not have Chinese collation.
let collator: Intl.Collator | null = null;

/** Chinese names in pinyin order, as a printed list is expected to be. */
function chinese(): Intl.Collator {
  collator ??= new Intl.Collator('zh-Hans-CN');
  return collator;
}

export function compareSummaryEntries(a: SummarySortKey, b: SummarySortKey): number {
  const da = a.districtOrder ?? -1;
  const db = b.districtOrder ?? -1;
  if (da !== db) return da - db;
  return chinese().compare(a.unitName, b.unitName) || chinese().compare(a.name, b.name);
}

/** Units as `compareSummaryEntries` orders their youths; two units of the same name in one district by id. */
export function compareSummaryUnits(a: SummaryUnit, b: SummaryUnit): number {
  const byKey = compareSummaryEntries(
    { districtOrder: a.districtOrder, unitName: a.name, name: '' },
    { districtOrder: b.districtOrder, unitName: b.name, name: '' },
  );
  if (byKey !== 0) return byKey;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** 好青年候选人汇总表-越城区-20261124.docx: no path separators or reserved characters from the org name. */
export function summaryFileName(scopeName: string, date: IsoDate, ext: 'docx' | 'xlsx'): string {
  const safe = scopeName.replace(/[\\/:*?"<>|\s]+/g, '_') || '汇总';
  return `好青年候选人汇总表-${safe}-${date.replace(/-/g, '')}.${ext}`;
}
