/** Readers for the generated Word and Excel files: real parsers, read back cell by cell. */
import { Workbook, type Worksheet } from 'exceljs';
import { XMLParser } from 'fast-xml-parser';
import JSZip from 'jszip';

const xml = new XMLParser({
  ignoreAttributes: false,
  parseTagValue: false, // an ID number or a phone must stay the text it is
  trimValues: false,
  isArray: (name) => ['w:p', 'w:r', 'w:t', 'w:tr', 'w:tc', 'w:tbl'].includes(name),
});

export type XmlNode = Record<string, unknown>;
export const nodes = (n: unknown, key: string): XmlNode[] =>
  ((n as XmlNode | undefined)?.[key] as XmlNode[] | undefined) ?? [];
const textOf = (t: unknown): string => (typeof t === 'string' ? t : String((t as XmlNode)['#text'] ?? ''));
export const paragraphText = (p: XmlNode): string =>
  nodes(p, 'w:r')
    .map((r) => nodes(r, 'w:t').map(textOf).join(''))
    .join('');

export interface DocxContent {
  raw: string;
  styles: string;
  body: XmlNode;
  paragraphs: XmlNode[];
  rows: XmlNode[];
  cells: string[][];
  /** Every table of the body in document order, each read cell by cell (`cells` is the first). */
  tables: string[][][];
}

const cellsOf = (table: XmlNode): string[][] =>
  nodes(table, 'w:tr').map((tr) => nodes(tr, 'w:tc').map((tc) => nodes(tc, 'w:p').map(paragraphText).join('\n')));

export async function readDocx(bytes: Buffer): Promise<DocxContent> {
  const zip = await JSZip.loadAsync(bytes);
  const raw = await zip.file('word/document.xml')!.async('string');
  const styles = await zip.file('word/styles.xml')!.async('string');
  const body = (xml.parse(raw) as { 'w:document': { 'w:body': XmlNode } })['w:document']['w:body'];
  const tables = nodes(body, 'w:tbl');
  const rows = nodes(tables[0], 'w:tr');
  const cells = tables.length > 0 ? cellsOf(tables[0]) : [];
  return { raw, styles, body, paragraphs: nodes(body, 'w:p'), rows, cells, tables: tables.map(cellsOf) };
}

/** The names of a workbook's sheets, in tab order. */
export async function xlsxSheetNames(bytes: Buffer): Promise<string[]> {
  const workbook = new Workbook();
  await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  return workbook.worksheets.map((s) => s.name);
}

/** One sheet (a unit's export has only 汇总表), its cell values as text, `columns` columns a row. */
export async function readXlsx(
  bytes: Buffer,
  sheetName = '汇总表',
  columns = 7,
): Promise<{ sheet: Worksheet; values: string[][] }> {
  const workbook = new Workbook();
  await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  const sheet = workbook.getWorksheet(sheetName);
  if (!sheet) throw new Error(`no sheet ${sheetName}`);
  const values: string[][] = [];
  sheet.eachRow((row) => {
    const cells: string[] = [];
    for (let c = 1; c <= columns; c++) cells.push(String(row.getCell(c).value ?? ''));
    values.push(cells);
  });
  return { sheet, values };
}

/** The summary table's header row (附件 “好青年”候选人汇总表). */
export const HEADERS = [
  '序号',
  '姓名',
  '身份证号',
  '学历学位',
  '政治面貌',
  '联系电话',
  '单位职务、岗位（技术职称、技能职级）',
];
