/**
 * Excel in and out for the import (issue 14): the template, and the rows of an uploaded workbook as text.
 * exceljs (already pinned for the summary table) reads the file on the server; the phone only uploads it.
 */
import { Workbook } from 'exceljs';
import {
  IMPORT_COLUMNS,
  IMPORT_EXAMPLES,
  IMPORT_SHEET,
  type ImportKind,
  type SheetRow,
} from '../../../miniprogram/core/registry-import';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The template: the header row (bold, text-formatted columns so ID numbers keep their digits) and examples. */
export async function renderTemplate(kind: ImportKind): Promise<Buffer> {
  const wb = new Workbook();
  const sheet = wb.addWorksheet(IMPORT_SHEET[kind]);
  sheet.columns = IMPORT_COLUMNS[kind].map((header) => ({
    header,
    width: header === '单位名称' ? 32 : 18,
    style: { numFmt: '@' },
  }));
  sheet.getRow(1).font = { bold: true };
  for (const example of IMPORT_EXAMPLES[kind]) sheet.addRow(example);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A workbook from rows (tests, the bench, the e2e flow write what a cadre would). */
export async function renderRows(kind: ImportKind, rows: string[][]): Promise<Buffer> {
  const wb = new Workbook();
  const sheet = wb.addWorksheet(IMPORT_SHEET[kind]);
  sheet.addRow([...IMPORT_COLUMNS[kind]]);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function objectText(value: object): string {
  const v = value as { richText?: Array<{ text: string }>; text?: unknown; result?: unknown };
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (v.richText) return v.richText.map((t) => t.text).join('');
  if (v.text !== undefined) return cellText(v.text);
  return v.result !== undefined ? cellText(v.result) : '';
}

/** A cell's value as the text the cadre sees (rich text joined, a formula's result, a date as YYYY-MM-DD). */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return objectText(value);
  return typeof value === 'string' ? value : String(value);
}

/** The first sheet's header and data rows as text; null when the bytes are not a readable workbook. */
export async function readSheet(bytes: Buffer, width: number): Promise<{ header: string[]; rows: SheetRow[] } | null> {
  const wb = new Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0]);
  } catch {
    return null;
  }
  const sheet = wb.worksheets[0];
  if (!sheet) return null;
  let header: string[] = [];
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, n) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c += 1) cells.push(cellText(row.getCell(c).value).trim());
    if (n === 1) header = cells;
    else rows.push({ row: n, cells });
  });
  return { header, rows };
}
