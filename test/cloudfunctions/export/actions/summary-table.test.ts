/**
 * export.summaryTable end to end: the real actions approve nominations in several units and districts,
 * then the summary table is exported and the generated Word and Excel files are opened with real
 * parsers and read back cell by cell.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ValueType } from 'exceljs';
import JSZip from 'jszip';
import { C, type AccountDoc, type AuditDoc, type ExportDoc } from '../../../../cloudfunctions/_lib/collections';
import type { NominationForm } from '../../../../miniprogram/core/contracts/nomination-form';
import { maskIdNumber, maskPhone } from '../../../../miniprogram/core/id-number';
import { startDevServer } from '../../../../scripts/dev-server';
import { expectFilesOnlyAfterCommit, fileCall } from '../../../support/file-faults';
import { approval, fixture, idNumberOf, type Fixture } from '../../../support/fixtures';
import { dataOf, NOW, type Caller, type Harness, type InputFor } from '../../../support/harness';
import {
  HEADERS,
  nodes,
  paragraphText,
  readDocx,
  readXlsx,
  xlsxSheetNames,
  type XmlNode,
} from '../../../support/office-files';

const CITY = 'city-admin';
const DISTRICT = 'yuecheng-admin'; // 越城区
const UNIT = 'yuecheng-tech-admin'; // 越城区智造科技有限公司
const YOUTH = 'youth-zhang';

type ExportInput = InputFor<'export', 'summaryTable'>;

interface Person {
  name: string;
  idNumber: string;
  phone: string;
  post: string;
  over?: Partial<NominationForm>;
}

/** Approved through the real actions, one unit admin per unit invited by the city (quotas of these units allow them). */
const APPROVED: Record<string, Person[]> = {
  'city-transport': [
    { name: '周子涵', idNumber: idNumberOf('1994-02-11', 31), phone: '13900000031', post: '调度员' },
    {
      name: '蔡文博',
      idNumber: idNumberOf('1993-12-30', 32),
      phone: '13900000032',
      post: '项目经理',
      over: {
        education: 'doctorate',
        degree: 'doctor',
        politicalStatus: 'cpc_member',
        duty: '工程部副部长',
        title: '高级工程师',
        skillLevel: '一级技师',
      },
    },
  ],
  'yuecheng-invest': [
    { name: '王芳', idNumber: idNumberOf('1997-07-07', 41), phone: '13700000041', post: '出纳' },
    {
      name: '陈静',
      idNumber: idNumberOf('1998-08-08', 42),
      phone: '13700000042',
      post: '造价员',
      over: { education: 'associate', degree: 'none', politicalStatus: 'masses', title: '' },
    },
  ],
  'keqiao-tech': [
    { name: '郑一鸣', idNumber: idNumberOf('1999-09-09', 51, '330603'), phone: '13600000051', post: '工艺员' },
  ],
};

/** 李明 of 越城区智造科技有限公司: self-nominated, approved by the unit's admin. */
const LI: Person = {
  name: '李明',
  idNumber: idNumberOf('1995-03-15', 123),
  phone: '13800001234',
  post: '研发工程师',
};
/** Submitted, never approved: in no table. */
const ZHANG: Person = {
  name: '张晓青',
  idNumber: idNumberOf('1996-05-20', 1),
  phone: '13800001111',
  post: '软件工程师',
};

/** Columns 学历学位, 政治面貌 and 单位职务、岗位 as the table must print them, for people with overrides. */
const PRINTED: Record<string, [string, string, string]> = {
  蔡文博: ['博士研究生/博士', '中共党员', '工程部副部长、项目经理（高级工程师、一级技师）'],
  陈静: ['大学专科', '群众', '造价员'],
};

/** The expected row, written out rather than computed with the code under test. */
function expectedRow(n: number, p: Person): string[] {
  // The fixture's form: 大学本科 with 学士, 共青团员, title 工程师.
  const [education, political, position] = PRINTED[p.name] ?? ['大学本科/学士', '共青团员', `${p.post}（工程师）`];
  return [String(n), p.name, p.idNumber, education, political, p.phone, position];
}

// Table order: city-level units first, then districts in order (越城区, 柯桥区…), units and names in pinyin order.
const CITY_ORDER = [
  APPROVED['city-transport'][1], // 蔡 (cai) before 周 (zhou)
  APPROVED['city-transport'][0],
  APPROVED['yuecheng-invest'][1], // 越城区城市建设… (cheng) before 越城区智造… (zhi); 陈 before 王
  APPROVED['yuecheng-invest'][0],
  LI,
  APPROVED['keqiao-tech'][0],
];
const YUECHENG_ORDER = [APPROVED['yuecheng-invest'][1], APPROVED['yuecheng-invest'][0], LI];
const EVERYONE = [...CITY_ORDER, ZHANG];
/** 越城区's table unit by unit, in table order (城市建设… before 智造…, pinyin). */
const YUECHENG_UNITS: Array<[string, Person[]]> = [
  ['越城区城市建设投资集团有限公司', YUECHENG_ORDER.slice(0, 2)],
  ['越城区智造科技有限公司', [LI]],
];
/** The city's table unit by unit: city-level units, then 越城区's, then 柯桥区's. */
const CITY_UNITS: Array<[string, Person[]]> = [
  ['绍兴市交通投资集团有限公司', CITY_ORDER.slice(0, 2)],
  ...YUECHENG_UNITS,
  ['柯桥区智造科技有限公司', APPROVED['keqiao-tech']],
];
const unitLineOf = (name: string): string => `单位：${name}            （盖章）`;
/** A unit's table: the header, then its rows numbered from 1. */
const unitTable = (people: Person[]): string[][] => [HEADERS, ...people.map((p, i) => expectedRow(i + 1, p))];
/** The sections' breaks: every section but the last ends in a paragraph carrying its <w:sectPr>. */
const sectionBreaks = (body: XmlNode): XmlNode[] =>
  nodes(body, 'w:p').flatMap((p) => {
    const sectPr = (p['w:pPr'] as XmlNode | undefined)?.['w:sectPr'] as XmlNode | undefined;
    return sectPr ? [sectPr] : [];
  });

const formOf = (f: Fixture, p: Person): NominationForm =>
  f.person({ name: p.name, idNumber: p.idNumber, phone: p.phone }).form({ post: p.post, ...p.over });

/**
 * The organisations (created out of their table order), the cadres, 张晓青 submitted and everyone else
 * approved through the real actions.
 */
async function buildData(f: Fixture): Promise<void> {
  const { h } = f;
  await f.unit({ id: 'keqiao-tech', name: '柯桥区智造科技有限公司', district: 'keqiao', youthCount: 39 });
  const tech = await f.unit({
    id: 'yuecheng-tech',
    name: '越城区智造科技有限公司',
    district: 'yuecheng',
    youthCount: 39,
  });
  await f.unit({
    id: 'yuecheng-invest',
    name: '越城区城市建设投资集团有限公司',
    category: 'soe',
    district: 'yuecheng',
    youthCount: 45,
  });
  await f.unit({
    id: 'city-transport',
    name: '绍兴市交通投资集团有限公司',
    category: 'soe',
    district: null,
    youthCount: 240,
  });
  await f.unit({
    id: 'shangyu-gov',
    name: '上虞区人民政府办公室',
    category: 'party_gov',
    district: 'shangyu',
    youthCount: 12,
  });
  await f.admin('cityAdmin', f.city, { openid: CITY });
  await f.admin('districtAdmin', await f.district('yuecheng'), { openid: DISTRICT });
  await f.admin('unitAdmin', tech, { openid: UNIT });

  const zhang = await f.youth(tech, { ...ZHANG, openid: YOUTH, consent: true });
  dataOf(await h.call('nomination', 'submitSelf', zhang.form({ post: ZHANG.post }), zhang));
  const li = await f.youth(tech, { ...LI, consent: true });
  const liNomination = await f.nomination(tech, { youth: li, form: { post: LI.post } });
  dataOf(await h.call('nomination', 'review', approval(liNomination.id), UNIT));
  for (const [unitId, people] of Object.entries(APPROVED)) {
    const admin = `admin-${unitId}`;
    const invite = dataOf(await h.call('account', 'issueInvite', { role: 'unitAdmin', orgId: unitId }, CITY));
    dataOf(await h.call('account', 'redeemInvite', { code: invite.code, displayName: '单位管理员' }, admin));
    for (const p of people) {
      const res = dataOf(
        await h.call('nomination', 'nominateByUnit', { unitId, form: formOf(f, p), consentObtained: true }, admin),
      );
      dataOf(await h.call('nomination', 'review', approval(res.nomination.id), admin));
    }
  }
}

/** Every ID number and phone of the data set in full, and in the masked form lists show. */
function personalValues(people: Person[]): { full: string[]; masked: string[] } {
  return {
    full: people.flatMap((p) => [p.idNumber, p.phone]),
    masked: people.flatMap((p) => [maskIdNumber(p.idNumber), maskPhone(p.phone)]),
  };
}

describe('export.summaryTable (附件 “好青年”候选人汇总表, R4.5)', () => {
  let h: Harness;
  let filesDir: string;
  const exportAs = (caller: Caller, data: ExportInput) => h.call('export', 'summaryTable', data, caller);
  const nameOf = (url: string): string => decodeURIComponent(url.split('?')[0].slice('/files/'.length));
  const fileOf = (url: string): Buffer => readFileSync(join(filesDir, nameOf(url)));

  beforeAll(async () => {
    filesDir = mkdtempSync(join(tmpdir(), 'hqn-export-test-'));
    const f = await fixture({ filesDir });
    h = f.h;
    await buildData(f);
  });

  afterAll(() => rmSync(filesDir, { recursive: true, force: true }));

  it('Word: A4 landscape, per unit a centred bold title, its 单位 line and a bordered table with a repeating header and its rows', async () => {
    const res = dataOf(await exportAs(CITY, { scope: 'city', orgId: 'city', format: 'docx' }));
    expect(res).toEqual({
      url: expect.stringMatching(/^\/files\/exports-[A-Za-z0-9]{16}-/),
      fileName: '好青年候选人汇总表-绍兴市-20261124.docx',
      rows: 6,
      expiresAt: '2026-11-24T03:00:00.000Z', // NOW + 1 h
    });
    expect(nameOf(res.url).endsWith(res.fileName)).toBe(true);
    const doc = await readDocx(fileOf(res.url));

    const [title, unitLine] = doc.paragraphs;
    expect(paragraphText(title)).toBe('“好青年”候选人汇总表');
    expect(title['w:pPr']).toEqual(expect.objectContaining({ 'w:jc': { '@_w:val': 'center' } }));
    expect(nodes(title, 'w:r')[0]['w:rPr']).toEqual(expect.objectContaining({ 'w:b': expect.anything() }));
    expect(paragraphText(unitLine)).toBe('单位：绍兴市交通投资集团有限公司            （盖章）');
    const texts = doc.paragraphs.map(paragraphText).filter((t) => t !== '');
    expect(texts).toEqual(CITY_UNITS.flatMap(([name]) => ['“好青年”候选人汇总表', unitLineOf(name)]));
    expect(sectionBreaks(doc.body)).toHaveLength(CITY_UNITS.length - 1);

    const section = doc.body['w:sectPr'] as XmlNode;
    expect(section['w:pgSz']).toEqual(
      expect.objectContaining({ '@_w:w': '16838', '@_w:h': '11906', '@_w:orient': 'landscape' }),
    );
    // 宋体 for the whole document (the table inherits it), and on the title explicitly.
    expect(doc.styles).toMatch(/<w:rPrDefault><w:rPr><w:rFonts [^>]*w:eastAsia="宋体"/);
    expect(nodes(title, 'w:r')[0]['w:rPr']).toEqual(
      expect.objectContaining({ 'w:rFonts': expect.objectContaining({ '@_w:eastAsia': '宋体' }) }),
    );
    const tables = nodes(doc.body, 'w:tbl');
    expect(tables).toHaveLength(CITY_UNITS.length);
    tables.forEach((table, t) => {
      const borders = (table['w:tblPr'] as XmlNode)['w:tblBorders'] as XmlNode;
      for (const side of ['w:top', 'w:left', 'w:bottom', 'w:right', 'w:insideH', 'w:insideV'])
        expect(borders[side]).toEqual(expect.objectContaining({ '@_w:val': 'single' }));
      // Only the header row repeats on each printed page (<w:tblHeader/>, on by default).
      const repeats = nodes(table, 'w:tr').map((r) => {
        const flag = (r['w:trPr'] as XmlNode | undefined)?.['w:tblHeader'];
        return flag !== undefined && (flag as XmlNode)['@_w:val'] !== 'off' && (flag as XmlNode)['@_w:val'] !== 'false';
      });
      expect(repeats).toEqual([true, ...CITY_UNITS[t][1].map(() => false)]);
    });

    expect(doc.cells[0]).toEqual(HEADERS);
    expect(doc.cells.slice(1)).toEqual(CITY_ORDER.slice(0, 2).map((p, i) => expectedRow(i + 1, p)));
    expect(doc.tables).toEqual(CITY_UNITS.map(([, people]) => unitTable(people)));
  });

  it('Excel: sheet 汇总 of every row with a 单位 column, then a sheet per unit; merged title, the 单位 line, bold bordered header, text ID numbers and phones, landscape print', async () => {
    const res = dataOf(await exportAs(CITY, { scope: 'city', orgId: 'city', format: 'xlsx' }));
    expect(res.fileName).toBe('好青年候选人汇总表-绍兴市-20261124.xlsx');
    expect(res.rows).toBe(6);
    const bytes = fileOf(res.url);
    expect(await xlsxSheetNames(bytes)).toEqual(['汇总', ...CITY_UNITS.map(([name]) => name)]);

    const withUnits = CITY_UNITS.flatMap(([name, people]) => people.map((p) => ({ name, p })));
    const all = await readXlsx(bytes, '汇总', 8);
    const sheets: Array<{ name: string; columns: number; header: string[]; rows: string[][] }> = [
      {
        name: '汇总',
        columns: 8,
        header: ['序号', '单位', ...HEADERS.slice(1)],
        rows: withUnits.map(({ name, p }, i) => {
          const [n, ...rest] = expectedRow(i + 1, p);
          return [n, name, ...rest];
        }),
      },
      ...CITY_UNITS.map(([name, people]) => ({ name, columns: 7, header: HEADERS, rows: unitTable(people).slice(1) })),
    ];
    expect(all.values[1][0]).toBe('单位：绍兴市            （盖章）');
    expect(all.values.slice(3)).toEqual(sheets[0].rows);
    expect(all.values.slice(3).map((r) => r[0])).toEqual(CITY_ORDER.map((_p, i) => String(i + 1)));
    for (const { name, columns, header, rows } of sheets) {
      const { sheet, values } = await readXlsx(bytes, name, columns);
      const last = String.fromCharCode(64 + columns); // G, or H with the 单位 column
      const [id, phone] = [header.indexOf('身份证号') + 1, header.indexOf('联系电话') + 1];
      expect(values[0][0]).toBe('“好青年”候选人汇总表');
      expect(sheet.model.merges).toEqual(expect.arrayContaining([`A1:${last}1`, `A2:${last}2`]));
      expect(sheet.getCell('A1').font).toEqual(expect.objectContaining({ bold: true }));
      expect(sheet.getCell('A1').alignment).toEqual(expect.objectContaining({ horizontal: 'center' }));
      if (name !== '汇总') expect(values[1][0]).toBe(unitLineOf(name));
      expect(values[2]).toEqual(header);
      for (let c = 1; c <= columns; c++) {
        expect(sheet.getRow(3).getCell(c).font).toEqual(expect.objectContaining({ bold: true }));
        expect(sheet.getRow(3).getCell(c).border).toEqual(
          expect.objectContaining({ top: { style: 'thin' }, left: { style: 'thin' } }),
        );
      }
      expect(values.slice(3)).toEqual(rows);
      for (let r = 4; r <= 3 + rows.length; r++) {
        for (const c of [id, phone]) {
          expect(sheet.getRow(r).getCell(c).type).toBe(ValueType.String);
          expect(sheet.getRow(r).getCell(c).numFmt).toBe('@');
        }
        expect(sheet.getRow(r).getCell(columns).border).toEqual(expect.objectContaining({ bottom: { style: 'thin' } }));
      }
      expect(sheet.getColumn(id).width).toBeGreaterThanOrEqual(20); // an 18-digit number fits
      expect(sheet.pageSetup).toEqual(
        expect.objectContaining({ orientation: 'landscape', paperSize: 9, printTitlesRow: '3:3' }),
      );
    }
  });

  it('the full ID numbers and phones are in the files, masked nowhere (the official export, R9.1)', async () => {
    const { full, masked } = personalValues(CITY_ORDER);
    const docx = dataOf(await exportAs(CITY, { scope: 'city', orgId: 'city', format: 'docx' }));
    const docXml = (await readDocx(fileOf(docx.url))).raw;
    const xlsx = dataOf(await exportAs(CITY, { scope: 'city', orgId: 'city', format: 'xlsx' }));
    const zip = await JSZip.loadAsync(fileOf(xlsx.url));
    const xlsxXml = (await Promise.all(Object.values(zip.files).map((f) => (f.dir ? '' : f.async('string'))))).join(
      '\n',
    );
    for (const value of full) {
      expect(docXml).toContain(value);
      expect(xlsxXml).toContain(value);
    }
    for (const value of masked) {
      expect(docXml).not.toContain(value);
      expect(xlsxXml).not.toContain(value);
    }
    expect(xlsxXml).not.toMatch(/E\+1\d/); // no number in scientific notation anywhere
    // Not approved: not in the table.
    expect(docXml).not.toContain(ZHANG.idNumber);
    expect(docXml).not.toContain(ZHANG.name);
  });

  it.each<[string, string, ExportInput['scope'], string, string, Array<[string, Person[]]>]>([
    [
      'a unit admin, its unit',
      UNIT,
      'unit',
      'yuecheng-tech',
      '越城区智造科技有限公司',
      [['越城区智造科技有限公司', [LI]]],
    ],
    ['a district admin, its district', DISTRICT, 'district', 'yuecheng', '越城区', YUECHENG_UNITS],
    [
      'a district admin, a unit in its district',
      DISTRICT,
      'unit',
      'yuecheng-invest',
      '越城区城市建设投资集团有限公司',
      [['越城区城市建设投资集团有限公司', YUECHENG_ORDER.slice(0, 2)]],
    ],
    [
      'the city, a district',
      CITY,
      'district',
      'keqiao',
      '柯桥区',
      [['柯桥区智造科技有限公司', APPROVED['keqiao-tech']]],
    ],
    [
      'the city, a city-level unit',
      CITY,
      'unit',
      'city-transport',
      '绍兴市交通投资集团有限公司',
      [['绍兴市交通投资集团有限公司', CITY_ORDER.slice(0, 2)]],
    ],
  ])('%s: only the rows in scope, numbered from 1 in each unit', async (_label, who, scope, orgId, name, units) => {
    const res = dataOf(await exportAs(who, { scope, orgId, format: 'docx' }));
    expect(res.rows).toBe(units.flatMap(([, people]) => people).length);
    expect(res.fileName).toBe(`好青年候选人汇总表-${name}-20261124.docx`);
    const doc = await readDocx(fileOf(res.url));
    expect(paragraphText(doc.paragraphs[1])).toBe(unitLineOf(units[0][0]));
    expect(doc.paragraphs.map(paragraphText).filter((t) => t.startsWith('单位：'))).toEqual(
      units.map(([unit]) => unitLineOf(unit)),
    );
    expect(doc.tables).toEqual(units.map(([, people]) => unitTable(people)));
  });

  it('a unit’s Excel file is one sheet 汇总表, as the attachment, with no 汇总 list', async () => {
    const res = dataOf(await exportAs(DISTRICT, { scope: 'unit', orgId: 'yuecheng-invest', format: 'xlsx' }));
    const bytes = fileOf(res.url);
    expect(await xlsxSheetNames(bytes)).toEqual(['汇总表']);
    const { values } = await readXlsx(bytes);
    expect(values[1][0]).toBe(unitLineOf('越城区城市建设投资集团有限公司'));
    expect(values.slice(2)).toEqual(unitTable(YUECHENG_ORDER.slice(0, 2)));
  });

  it('a district with two units, Word: one table per unit, each under its own 单位 line, a new page for each unit', async () => {
    const res = dataOf(await exportAs(DISTRICT, { scope: 'district', orgId: 'yuecheng', format: 'docx' }));
    expect(res.rows).toBe(3);
    expect(res.fileName).toBe('好青年候选人汇总表-越城区-20261124.docx');
    const doc = await readDocx(fileOf(res.url));

    const texts = doc.paragraphs.map(paragraphText).filter((t) => t !== '');
    expect(texts).toEqual(YUECHENG_UNITS.flatMap(([name]) => ['“好青年”候选人汇总表', unitLineOf(name)]));
    expect(doc.tables).toEqual(YUECHENG_UNITS.map(([, people]) => unitTable(people)));
    // Each unit's table repeats its header row on every printed page.
    for (const table of nodes(doc.body, 'w:tbl')) {
      const [header, ...rest] = nodes(table, 'w:tr');
      expect((header['w:trPr'] as XmlNode)['w:tblHeader']).toBeDefined();
      for (const r of rest) expect((r['w:trPr'] as XmlNode | undefined)?.['w:tblHeader']).toBeUndefined();
    }
    // Two sections: the first ends with a break to a new page, both landscape with the page-number footer.
    const breaks = sectionBreaks(doc.body);
    expect(breaks).toHaveLength(1);
    for (const sectPr of [...breaks, doc.body['w:sectPr'] as XmlNode]) {
      expect(sectPr['w:type'] ?? { '@_w:val': 'nextPage' }).toEqual({ '@_w:val': 'nextPage' });
      expect(sectPr['w:pgSz']).toEqual(expect.objectContaining({ '@_w:orient': 'landscape' }));
      expect(sectPr['w:footerReference']).toBeDefined();
    }
  });

  it('a district with two units, Excel: a first sheet 汇总 of all rows with a 单位 column, then one sheet per unit', async () => {
    const res = dataOf(await exportAs(DISTRICT, { scope: 'district', orgId: 'yuecheng', format: 'xlsx' }));
    const bytes = fileOf(res.url);
    expect(await xlsxSheetNames(bytes)).toEqual(['汇总', ...YUECHENG_UNITS.map(([name]) => name)]);

    const all = await readXlsx(bytes, '汇总', 8);
    // Merged cells read back with the first cell's value.
    expect(all.values[0][0]).toBe('“好青年”候选人汇总表');
    expect(all.values[1][0]).toBe(unitLineOf('越城区'));
    expect(all.values[2]).toEqual(['序号', '单位', ...HEADERS.slice(1)]);
    const everyRow = YUECHENG_UNITS.flatMap(([name, people]) => people.map((p) => ({ name, p })));
    expect(all.values.slice(3)).toEqual(
      everyRow.map(({ name, p }, i) => {
        const [n, ...rest] = expectedRow(i + 1, p);
        return [n, name, ...rest];
      }),
    );
    expect(all.sheet.model.merges).toEqual(expect.arrayContaining(['A1:H1', 'A2:H2']));
    for (let r = 4; r <= 3 + everyRow.length; r++) {
      for (const c of [4, 7]) {
        expect(all.sheet.getRow(r).getCell(c).type).toBe(ValueType.String); // 身份证号, 联系电话
        expect(all.sheet.getRow(r).getCell(c).numFmt).toBe('@');
      }
    }

    for (const [name, people] of YUECHENG_UNITS) {
      const { sheet, values } = await readXlsx(bytes, name);
      expect(values[0][0]).toBe('“好青年”候选人汇总表');
      expect(values[1][0]).toBe(unitLineOf(name));
      expect(values.slice(2)).toEqual(unitTable(people));
      expect(sheet.pageSetup).toEqual(expect.objectContaining({ orientation: 'landscape', printTitlesRow: '3:3' }));
      for (let r = 4; r <= 3 + people.length; r++) {
        for (const c of [3, 6]) {
          expect(sheet.getRow(r).getCell(c).type).toBe(ValueType.String);
          expect(sheet.getRow(r).getCell(c).numFmt).toBe('@');
        }
      }
    }
  });

  it('audits each export with who, scope and row count, and no personal data (R9.1)', async () => {
    const before = await h.deps.store.collection<AuditDoc>('audit').count({ action: 'export.summaryTable' });
    const res = dataOf(await exportAs(DISTRICT, { scope: 'district', orgId: 'yuecheng', format: 'xlsx' }));
    const audits = await h.deps.store
      .collection<AuditDoc>('audit')
      .find({ action: 'export.summaryTable' }, { sort: { _id: 1 } });
    expect(audits).toHaveLength(before + 1);
    const stored = nameOf(res.url);
    expect(stored).toMatch(/^exports-[A-Za-z0-9]{16}-好青年候选人汇总表-越城区-20261124\.xlsx$/);
    expect(audits.filter((a) => a.target === `exports/local://${stored}`)).toEqual([
      expect.objectContaining({
        actor: DISTRICT,
        action: 'export.summaryTable',
        details: { scope: 'district', orgId: 'yuecheng', format: 'xlsx', rows: 3 },
      }),
    ]);
    const { full, masked } = personalValues(EVERYONE);
    const text = JSON.stringify(audits) + h.logs.join('\n');
    for (const value of [...full, ...masked, ...EVERYONE.map((p) => p.name)]) expect(text).not.toContain(value);
  });

  it('the link is served by the dev server, to its persona, under the real file name, until it expires (issue 8 §10)', async () => {
    const res = dataOf(await exportAs(UNIT, { scope: 'unit', orgId: 'yuecheng-tech', format: 'xlsx' }));
    const server = await startDevServer(h.deps, { port: 0, staticDir: filesDir, filesDir });
    try {
      // The bare path, a tampered link and another persona's request are refused.
      expect((await fetch(`${server.url}${res.url.split('?')[0]}`)).status).toBe(403);
      expect((await fetch(`${server.url}${res.url.replace(/sig=[0-9a-f]/, 'sig=z')}`)).status).toBe(403);
      expect((await fetch(`${server.url}${res.url}`, { headers: { 'x-dev-openid': DISTRICT } })).status).toBe(403);
      const download = await fetch(`${server.url}${res.url}`, { headers: { 'x-dev-openid': UNIT } });
      expect(download.status).toBe(200);
      expect(download.headers.get('content-disposition')).toBe(
        `attachment; filename="${res.fileName.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(res.fileName)}`,
      );
      const bytes = Buffer.from(await download.arrayBuffer());
      expect(bytes.equals(fileOf(res.url))).toBe(true);
      expect((await readXlsx(bytes)).values[3]).toEqual(expectedRow(1, LI));
      // An hour later the link is dead.
      h.setNow(new Date(h.deps.clock().getTime() + 3_600_001));
      expect((await fetch(`${server.url}${res.url}`)).status).toBe(403);
    } finally {
      h.setNow(NOW);
      await server.close();
    }
  });

  it.each<[string, string, ExportInput['scope'], string]>([
    ['a unit admin, another unit', UNIT, 'unit', 'keqiao-tech'],
    ['a unit admin, its own district', UNIT, 'district', 'yuecheng'],
    ['a unit admin, the city', UNIT, 'city', 'city'],
    ['a district admin, another district', DISTRICT, 'district', 'keqiao'],
    ['a district admin, a unit of another district', DISTRICT, 'unit', 'keqiao-tech'],
    ['a district admin, a city-level unit', DISTRICT, 'unit', 'city-transport'],
    ['a district admin, the city', DISTRICT, 'city', 'city'],
  ])('%s → AUTH.OUT_OF_SCOPE, nothing written', async (_label, who, scope, orgId) => {
    const before = await h.snapshot();
    const files = readdirSync(filesDir);
    const res = await exportAs(who, { scope, orgId, format: 'docx' });
    expect(res).toEqual(
      expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'AUTH.OUT_OF_SCOPE' }) }),
    );
    expect(await h.snapshot()).toEqual(before);
    expect(readdirSync(filesDir)).toEqual(files);
  });

  it.each<[string, Caller, Omit<ExportInput, 'format'>, string]>([
    ['an unknown organisation', CITY, { scope: 'unit', orgId: 'no-such-unit' }, 'ORG.NOT_FOUND'],
    ['a scope that does not match the organisation', CITY, { scope: 'unit', orgId: 'yuecheng' }, 'INPUT.INVALID'],
    ['a youth', YOUTH, { scope: 'unit', orgId: 'yuecheng-tech' }, 'AUTH.FORBIDDEN'],
    ['nobody', null, { scope: 'city', orgId: 'city' }, 'AUTH.UNAUTHENTICATED'],
    ['no approved youth in scope', CITY, { scope: 'unit', orgId: 'shangyu-gov' }, 'EXPORT.EMPTY'],
    ['a district with no approved youth', CITY, { scope: 'district', orgId: 'shangyu' }, 'EXPORT.EMPTY'],
  ])('%s → %s, nothing written', async (_label, who, data, code) => {
    const before = await h.snapshot();
    const files = readdirSync(filesDir);
    const res = await exportAs(who, { format: 'docx', ...data });
    expect(res).toEqual(expect.objectContaining({ ok: false, error: expect.objectContaining({ code }) }));
    expect(await h.snapshot()).toEqual(before);
    expect(readdirSync(filesDir)).toEqual(files);
  });

  it('an unknown format → INPUT.INVALID, nothing written', async () => {
    const before = await h.snapshot();
    const files = readdirSync(filesDir);
    // Malformed on purpose: the contract has no such format.
    const event = { action: 'summaryTable', data: { scope: 'city', orgId: 'city', format: 'pdf' } };
    const res = await h.callRaw('export', event, CITY);
    expect(res).toEqual(
      expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'INPUT.INVALID' }) }),
    );
    expect(await h.snapshot()).toEqual(before);
    expect(readdirSync(filesDir)).toEqual(files);
  });
});

describe('export.summaryTable with nothing to export', () => {
  it('only a submitted, unapproved nomination in scope → EXPORT.EMPTY (the table lists approved youths only)', async () => {
    const f = await fixture();
    const unit = await f.unit({ id: 'yuecheng-tech' });
    const admin = await f.admin('unitAdmin', unit);
    await f.nomination(unit);
    const before = await f.h.snapshot();
    const res = await f.h.call('export', 'summaryTable', { scope: 'unit', orgId: unit._id, format: 'docx' }, admin);
    expect(res).toEqual(
      expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'EXPORT.EMPTY' }) }),
    );
    expect(await f.h.snapshot()).toEqual(before);
  });

  it('no current period → PERIOD.NOT_FOUND', async () => {
    const f = await fixture({ period: null });
    const city = await f.admin('cityAdmin', f.city);
    const res = await f.h.call('export', 'summaryTable', { scope: 'city', orgId: 'city', format: 'xlsx' }, city);
    expect(res).toEqual(
      expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'PERIOD.NOT_FOUND' }) }),
    );
  });
});

describe('export.summaryTable: conflict of interest (issue 8 §5)', () => {
  it('a nominee cannot export a table holding their own record; the level above can', async () => {
    const f = await fixture();
    const unit = await f.unit({ category: 'party_gov', district: 'yuecheng', youthCount: 40 });
    const youth = await f.youth(unit, { openid: 'self-admin', consent: true });
    await f.nomination(unit, { youth, status: 'approved' });
    // The same person also administers the unit.
    const accounts = f.h.deps.store.collection<AccountDoc>('accounts');
    const account = await accounts.get(youth.openid);
    await accounts.updateOne(
      { _id: youth.openid },
      { $set: { grants: [...(account?.grants ?? []), { role: 'unitAdmin', orgId: unit._id }] } },
    );
    const district = await f.admin('districtAdmin', await f.district('yuecheng'));
    const own = await f.h.call('export', 'summaryTable', { scope: 'unit', orgId: unit._id, format: 'xlsx' }, youth);
    expect(own).toEqual(
      expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'NOMINATION.OWN_RECORD' }) }),
    );
    const above = await f.h.call(
      'export',
      'summaryTable',
      { scope: 'unit', orgId: unit._id, format: 'xlsx' },
      district,
    );
    expect(above.ok).toBe(true);
  });
});

describe('export.summaryTable: the file outlives only a committed call', () => {
  it('a fault at any write leaves no table in storage (it holds full ID numbers); the retry leaves the one it records', async () => {
    await expectFilesOnlyAfterCommit(async () => {
      const f = await fixture();
      const unit = await f.unit({ id: 'yuecheng-tech' });
      const admin = await f.admin('unitAdmin', unit);
      await f.nomination(unit, { status: 'approved' });
      const input = { scope: 'unit', orgId: unit._id, format: 'xlsx' };
      const run = fileCall(f.h.deps, 'export', 'summaryTable', input, admin.openid);
      const kept = async () => (await f.h.deps.store.collection<ExportDoc>(C.exports).find({})).map((e) => e.fileId);
      return { run, kept };
    });
  });
});
