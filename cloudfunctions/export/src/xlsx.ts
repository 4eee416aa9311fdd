/**
 * The summary table as Excel, for units that keep their lists in spreadsheets:
 * one sheet 汇总表, the title merged across the columns, the 单位 line, a bold
 * bordered header, one row per youth. ID numbers and phones are text cells
 * (a number would show 3.30602E+17 and lose the last digits).
 */
import { Workbook, type Borders, type Worksheet } from 'exceljs';
import type { SummaryTable } from '../../../miniprogram/core/summary-table';

export const SHEET_NAME = '汇总表';
/** Character widths: 序号, 姓名, 身份证号, 学历学位, 政治面貌, 联系电话, 职务岗位. */
const WIDTHS = [6, 10, 22, 18, 14, 15, 44];
const TEXT_COLUMNS = [3, 6]; // 身份证号, 联系电话
const FONT = { name: '宋体', size: 11 };
const THIN = { style: 'thin' as const };
const BORDER: Partial<Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_ROW = 3;

function setUp(sheet: Worksheet, table: SummaryTable): void {
  sheet.columns = WIDTHS.map((width) => ({ width }));
  for (const c of TEXT_COLUMNS) sheet.getColumn(c).numFmt = '@';
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
    const row = sheet.getRow(r);
    row.eachCell((c, col) => {
      c.border = BORDER;
      if (r > HEADER_ROW) c.font = FONT;
      // Strings already; the text format keeps Excel from re-reading an edited cell as a number.
      if (TEXT_COLUMNS.includes(col)) c.numFmt = '@';
      c.alignment = { vertical: 'middle', horizontal: col === 7 && r > HEADER_ROW ? 'left' : 'center', wrapText: true };
    });
  }
}

export function summaryWorkbook(table: SummaryTable): Workbook {
  const workbook = new Workbook();
  workbook.creator = '好青年选培';
  const sheet = workbook.addWorksheet(SHEET_NAME, {
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
  return workbook;
}

export async function renderXlsx(table: SummaryTable): Promise<Buffer> {
  const bytes = await summaryWorkbook(table).xlsx.writeBuffer();
  return Buffer.from(bytes);
}
