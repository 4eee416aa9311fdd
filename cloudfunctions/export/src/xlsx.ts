/**
 * The summary table as Excel, for units that keep their lists in spreadsheets.
 * A unit's file is one sheet 汇总表; a district's or the city's is a first
 * sheet 汇总 of every row with a 单位 column, then one sheet per unit, each
 * laid out like a unit's own. Every sheet: the title merged across the
 * columns, the 单位 line, a bold bordered header, one row per youth. ID numbers
 * and phones are text cells (a number would show 3.30602E+17 and lose the last
 * digits).
 */
import { Workbook, type Borders, type Worksheet } from 'exceljs';
import type { SummaryExport, SummaryTable } from '../../../miniprogram/core/summary-table';

export const SHEET_NAME = '汇总表';
/** The first sheet of a district's or the city's file: every row, with a 单位 column. */
export const ALL_SHEET_NAME = '汇总';
/** Character widths by column; a column not listed gets the default. */
const WIDTHS: Record<string, number> = {
  序号: 6,
  单位: 28,
  姓名: 10,
  身份证号: 22,
  学历学位: 18,
  政治面貌: 14,
  联系电话: 15,
  '单位职务、岗位（技术职称、技能职级）': 44,
};
const DEFAULT_WIDTH = 14;
const TEXT_COLUMNS = new Set(['身份证号', '联系电话']);
/** Long texts read from the left; everything else is centred. */
const LEFT_COLUMNS = new Set(['单位', '单位职务、岗位（技术职称、技能职级）']);
const FONT = { name: '宋体', size: 11 };
const THIN = { style: 'thin' as const };
const BORDER: Partial<Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_ROW = 3;
/** Excel's limits on a sheet name: 31 characters, none of these, not History, unique ignoring case. */
const MAX_SHEET_NAME = 31;
const NOT_IN_SHEET_NAMES = /[[\]:*?/\\]/g;
const RESERVED_SHEET_NAMES = ['History'];

/** The longest prefix of `s` within `max` UTF-16 units (Excel's count) that does not split a character. */
function truncate(s: string, max: number): string {
  let out = '';
  for (const ch of s) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
}

function validSheetName(name: string): string {
  const cleaned = truncate(name.replace(NOT_IN_SHEET_NAMES, '_').trim(), MAX_SHEET_NAME);
  // Excel also refuses an apostrophe at either end.
  return cleaned.replace(/^'+|'+$/g, '').trim() || '单位';
}

/**
 * Sheet names for `names`, in order: made valid for Excel, and unique against each other and `taken` (a name
 * already used gets “(2)”, “(3)”…, shortened to stay within 31 characters).
 */
export function sheetNames(names: readonly string[], taken: readonly string[]): string[] {
  const used = new Set([...RESERVED_SHEET_NAMES, ...taken].map((n) => n.toLowerCase()));
  return names.map((name) => {
    const base = validSheetName(name);
    let candidate = base;
    for (let i = 2; used.has(candidate.toLowerCase()); i++) {
      const suffix = `(${i})`;
      candidate = truncate(base, MAX_SHEET_NAME - suffix.length) + suffix;
    }
    used.add(candidate.toLowerCase());
    return candidate;
  });
}

function setUp(sheet: Worksheet, table: SummaryTable): void {
  sheet.columns = table.columns.map((c) => ({ width: WIDTHS[c] ?? DEFAULT_WIDTH }));
  table.columns.forEach((c, i) => {
    if (TEXT_COLUMNS.has(c)) sheet.getColumn(i + 1).numFmt = '@';
  });
  sheet.mergeCells(1, 1, 1, table.columns.length);
  const title = sheet.getCell(1, 1);
  title.value = table.title;
  title.font = { ...FONT, size: 18, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(1).height = 32;
  sheet.mergeCells(2, 1, 2, table.columns.length);
  const unit = sheet.getCell(2, 1);
  unit.value = table.unitLine;
  unit.font = { ...FONT, size: 12 };
  sheet.getRow(2).height = 22;
}

function addRows(sheet: Worksheet, table: SummaryTable): void {
  const header = sheet.addRow([...table.columns]);
  header.font = { ...FONT, bold: true };
  header.height = 30;
  for (const values of table.rows) sheet.addRow(values);
  for (let r = HEADER_ROW; r <= sheet.rowCount; r++) {
    const body = r > HEADER_ROW;
    sheet.getRow(r).eachCell((c, col) => {
      const name = table.columns[col - 1];
      c.border = BORDER;
      if (body) c.font = FONT;
      // Strings already; the text format keeps Excel from re-reading an edited cell as a number.
      if (TEXT_COLUMNS.has(name)) c.numFmt = '@';
      c.alignment = {
        vertical: 'middle',
        horizontal: body && LEFT_COLUMNS.has(name) ? 'left' : 'center',
        wrapText: true,
      };
    });
  }
}

function addSheet(workbook: Workbook, name: string, table: SummaryTable): void {
  const sheet = workbook.addWorksheet(name, {
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`, // the column header on every printed page, as in the Word file
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '第 &P 页 共 &N 页' },
    views: [{ state: 'frozen', ySplit: HEADER_ROW }],
  });
  setUp(sheet, table);
  addRows(sheet, table);
}

export function summaryWorkbook(file: SummaryExport): Workbook {
  const workbook = new Workbook();
  workbook.creator = '好青年选培';
  if (!file.all) {
    for (const table of file.tables) addSheet(workbook, SHEET_NAME, table);
    return workbook;
  }
  addSheet(workbook, ALL_SHEET_NAME, file.all);
  const names = sheetNames(
    file.tables.map((t) => t.orgName),
    [ALL_SHEET_NAME],
  );
  file.tables.forEach((table, i) => addSheet(workbook, names[i], table));
  return workbook;
}

export async function renderXlsx(file: SummaryExport): Promise<Buffer> {
  const bytes = await summaryWorkbook(file).xlsx.writeBuffer();
  return Buffer.from(bytes);
}
