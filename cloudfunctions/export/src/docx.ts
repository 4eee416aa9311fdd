/**
 * The summary table as Word (R4.5: filed as a Word file, then printed and
 * stamped): A4 landscape, the title centred and bold, the 单位 line, a bordered
 * table whose header row repeats on every printed page, 宋体 throughout. A
 * district's or the city's file holds one such section per unit, each starting
 * on a new page so each unit's table is stamped on its own; page numbers run
 * through the whole file.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  type ISectionOptions,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { SUMMARY_TITLE, type SummaryExport, type SummaryTable } from '../../../miniprogram/core/summary-table';

/** Twips (1/20 pt). A4 is 11906 × 16838; the library swaps them for landscape. */
const A4 = { width: 11906, height: 16838 };
const MARGIN = 1134; // 2 cm
/** 序号, 姓名, 身份证号, 学历学位, 政治面貌, 联系电话, 职务岗位: sums to the landscape text width (16838 − 2 × 1134). */
const COLUMN_WIDTHS = [760, 1300, 2800, 2000, 1500, 1800, 4410];
/** Half-points: 二号 22 pt for the title, 四号 14 pt for the 单位 line, 五号 10.5 pt in the table. */
const SIZE = { title: 44, unitLine: 28, cell: 21 };
const FONT = { eastAsia: '宋体', ascii: 'Times New Roman', hAnsi: 'Times New Roman' };
/** Every column centred but the last, whose long 职务、岗位 text reads from the left. */
const LEFT_ALIGNED = 6;
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

/** Font, size and margins come from the document and table defaults: per-cell copies would only slow 1,000 rows. */
function cell(text: string, column: number, header: boolean): TableCell {
  return new TableCell({
    verticalAlign: VerticalAlignTable.CENTER,
    children: [
      new Paragraph({
        alignment: !header && column === LEFT_ALIGNED ? AlignmentType.LEFT : AlignmentType.CENTER,
        children: [new TextRun(header ? { text, bold: true } : text)],
      }),
    ],
  });
}

function row(cells: readonly string[], header: boolean): TableRow {
  return new TableRow({
    // Only the header row carries the flag: Word repeats it at the top of every printed page.
    ...(header ? { tableHeader: true } : {}),
    cantSplit: true,
    children: cells.map((text, i) => cell(text, i, header)),
  });
}

function pageFooter(): Footer {
  const run = (children: Array<string | (typeof PageNumber)[keyof typeof PageNumber]>) =>
    new TextRun({ children, size: 18, font: FONT });
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [run(['第 ', PageNumber.CURRENT, ' 页 共 ', PageNumber.TOTAL_PAGES, ' 页'])],
      }),
    ],
  });
}

/** One unit's page(s): title, 单位 line, table; a section starts on a new page (the default section type). */
function section(table: SummaryTable): ISectionOptions {
  return {
    properties: {
      page: {
        size: { ...A4, orientation: PageOrientation.LANDSCAPE },
        margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
      },
    },
    footers: { default: pageFooter() },
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: 240 },
        children: [new TextRun({ text: table.title, bold: true, size: SIZE.title, font: FONT })],
      }),
      new Paragraph({
        spacing: { after: 120 },
        children: [new TextRun({ text: table.unitLine, size: SIZE.unitLine, font: FONT })],
      }),
      new Table({
        width: { size: COLUMN_WIDTHS.reduce((a, b) => a + b, 0), type: WidthType.DXA },
        columnWidths: COLUMN_WIDTHS,
        layout: TableLayoutType.FIXED,
        margins: { top: 40, bottom: 40, left: 80, right: 80 },
        borders: { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE },
        rows: [row(table.columns, true), ...table.rows.map((r) => row(r, false))],
      }),
    ],
  };
}

/** The tables to stamp, one section each; Word has no 汇总 list (`file.all` is for spreadsheets). */
export function summaryDocument(file: SummaryExport): Document {
  return new Document({
    creator: '好青年选培',
    title: SUMMARY_TITLE,
    styles: { default: { document: { run: { font: FONT, size: SIZE.cell } } } },
    sections: file.tables.map(section),
  });
}

export async function renderDocx(file: SummaryExport): Promise<Buffer> {
  return Packer.toBuffer(summaryDocument(file));
}
