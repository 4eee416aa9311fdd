/**
 * The official summary table (附件 “好青年”候选人汇总表, R4.5): its title, the
 * 单位 line the filing unit stamps, the seven columns in the notice's order,
 * and one row per selected youth. Pure: the caller decrypts and passes values.
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
  unitLine: string;
  columns: readonly string[];
  rows: string[][];
}

export function summaryTable(orgName: string, records: readonly SummaryRecord[]): SummaryTable {
  return {
    title: SUMMARY_TITLE,
    unitLine: summaryUnitLine(orgName),
    columns: SUMMARY_COLUMNS,
    rows: records.map((r, i) => summaryRow(i, r)),
  };
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
export function compareSummaryEntries(a: SummarySortKey, b: SummarySortKey): number {
  const da = a.districtOrder ?? -1;
  const db = b.districtOrder ?? -1;
  if (da !== db) return da - db;
  collator ??= new Intl.Collator('zh-Hans-CN');
  return collator.compare(a.unitName, b.unitName) || collator.compare(a.name, b.name);
}

/** 好青年候选人汇总表-越城区-20261124.docx: no path separators or reserved characters from the org name. */
export function summaryFileName(scopeName: string, date: IsoDate, ext: 'docx' | 'xlsx'): string {
  const safe = scopeName.replace(/[\\/:*?"<>|\s]+/g, '_') || '汇总';
  return `好青年候选人汇总表-${safe}-${date.replace(/-/g, '')}.${ext}`;
}
