/**
 * The `export` function end to end: the real routers build approved
 * nominations in several units and districts, then the summary table is
 * exported and the generated Word and Excel files are opened with real
 * parsers and read back cell by cell.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Workbook, ValueType, type Worksheet } from 'exceljs';
import { XMLParser } from 'fast-xml-parser';
import JSZip from 'jszip';
import type { AuditDoc } from '../../cloudfunctions/_lib/collections';
import { createPersonalDataCrypto } from '../../cloudfunctions/_lib/crypto';
import { createCloudbaseFileStore } from '../../cloudfunctions/_lib/files';
import { randomId } from '../../cloudfunctions/_lib/ids';
import { silentLogger } from '../../cloudfunctions/_lib/logger';
import { createCloudbaseStore } from '../../cloudfunctions/_lib/store/cloudbase';
import type { NominationView } from '../../miniprogram/core/contracts/nomination';
import type { NominationForm } from '../../miniprogram/core/contracts/nomination-form';
import { maskIdNumber, maskPhone } from '../../miniprogram/core/id-number';
import { startDevServer } from '../../scripts/dev-server';
import { CITY_ORG_ID, TEST_KEYS } from '../../scripts/local/deps';
import { demoForm, demoIdNumber, seedDemo } from '../../scripts/local/seed';
import { connectSdk, startFakeTcbServer, type FakeTcbServer } from '../support/fake-tcb-server';
import { dataOf, makeHarness, type Harness } from '../support/harness';
import type { Envelope } from '../../miniprogram/core/contracts/define';
import { addNominations } from '../support/nominees';

const CITY = 'dev-city-admin';
const DISTRICT = 'dev-district-admin'; // 越城区
const UNIT = 'dev-unit-admin'; // 越城区智造科技有限公司
const YOUTH = 'dev-youth-zhang';

type ExportResult = { url: string; fileName: string; rows: number; expiresAt: string };

interface Person {
  name: string;
  idNumber: string;
  phone: string;
  post: string;
  over?: Partial<NominationForm>;
}

/** Approved through the real actions, one extra unit admin per unit (quotas of these units allow them). */
const APPROVED: Record<string, Person[]> = {
  'city-transport': [
    { name: '周子涵', idNumber: demoIdNumber('330602', '1994-02-11', 31), phone: '13900000031', post: '调度员' },
    {
      name: '蔡文博',
      idNumber: demoIdNumber('330602', '1993-12-30', 32),
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
    { name: '王芳', idNumber: demoIdNumber('330602', '1997-07-07', 41), phone: '13700000041', post: '出纳' },
    {
      name: '陈静',
      idNumber: demoIdNumber('330602', '1998-08-08', 42),
      phone: '13700000042',
      post: '造价员',
      over: { education: 'associate', degree: 'none', politicalStatus: 'masses', title: '' },
    },
  ],
  'keqiao-tech': [
    { name: '郑一鸣', idNumber: demoIdNumber('330603', '1999-09-09', 51), phone: '13600000051', post: '工艺员' },
  ],
};

/** The demo seed's 李明 (越城区智造科技有限公司), approved by the demo unit admin. */
const LI: Person = {
  name: '李明',
  idNumber: demoIdNumber('330602', '1995-03-15', 123),
  phone: '13800001234',
  post: '研发工程师',
};
/** Submitted, never approved: in no table. */
const ZHANG: Person = {
  name: '张晓青',
  idNumber: demoIdNumber('330602', '1996-05-20', 1),
  phone: '13800001111',
  post: '软件工程师',
};

const HEADERS = [
  '序号',
  '姓名',
  '身份证号',
  '学历学位',
  '政治面貌',
  '联系电话',
  '单位职务、岗位（技术职称、技能职级）',
];

/** Columns 学历学位, 政治面貌 and 单位职务、岗位 as the table must print them, for people with overrides. */
const PRINTED: Record<string, [string, string, string]> = {
  蔡文博: ['博士研究生/博士', '中共党员', '工程部副部长、项目经理（高级工程师、一级技师）'],
  陈静: ['大学专科', '群众', '造价员'],
};

/** The expected row, written out rather than computed with the code under test. */
function expectedRow(n: number, p: Person): string[] {
  // demoForm: 大学本科 with 学士, 共青团员, title 工程师.
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

async function approve(h: Harness, admin: string, nominationId: string): Promise<void> {
  dataOf(
    await h.call(
      'nomination',
      'review',
      { nominationId, decision: 'approve', confirm: { onStaff: true, attestations: true } },
      admin,
    ),
  );
}

async function buildData(h: Harness): Promise<void> {
  await h.consent(YOUTH);
  const zhang = demoForm(ZHANG);
  dataOf(await h.call('nomination', 'submitSelf', zhang, YOUTH));
  const queue = dataOf<{ items: NominationView[] }>(await h.call('nomination', 'listForReview', {}, UNIT));
  await approve(h, UNIT, queue.items.find((n) => n.name === LI.name)!.id);
  for (const [unitId, people] of Object.entries(APPROVED)) {
    const admin = `admin-${unitId}`;
    const invite = dataOf<{ code: string }>(
      await h.call('account', 'issueInvite', { role: 'unitAdmin', orgId: unitId }, CITY),
    );
    dataOf(await h.call('account', 'redeemInvite', { code: invite.code, displayName: '单位管理员' }, admin));
    for (const p of people) {
      const form = { ...demoForm(p), ...p.over };
      const res = dataOf<{ nomination: NominationView }>(
        await h.call('nomination', 'nominateByUnit', { unitId, form, consentObtained: true }, admin),
      );
      await approve(h, admin, res.nomination.id);
    }
  }
}

/* ------------------------------------------------------------ file readers */

const xml = new XMLParser({
  ignoreAttributes: false,
  parseTagValue: false, // an ID number or a phone must stay the text it is
  trimValues: false,
  isArray: (name) => ['w:p', 'w:r', 'w:t', 'w:tr', 'w:tc', 'w:tbl'].includes(name),
});

type XmlNode = Record<string, unknown>;
const nodes = (n: unknown, key: string): XmlNode[] =>
  ((n as XmlNode | undefined)?.[key] as XmlNode[] | undefined) ?? [];
const textOf = (t: unknown): string => (typeof t === 'string' ? t : String((t as XmlNode)['#text'] ?? ''));
const paragraphText = (p: XmlNode): string =>
  nodes(p, 'w:r')
    .map((r) => nodes(r, 'w:t').map(textOf).join(''))
    .join('');

interface DocxContent {
  raw: string;
  styles: string;
  body: XmlNode;
  paragraphs: XmlNode[];
  rows: XmlNode[];
  cells: string[][];
}

async function readDocx(bytes: Buffer): Promise<DocxContent> {
  const zip = await JSZip.loadAsync(bytes);
  const raw = await zip.file('word/document.xml')!.async('string');
  const styles = await zip.file('word/styles.xml')!.async('string');
  const body = (xml.parse(raw) as { 'w:document': { 'w:body': XmlNode } })['w:document']['w:body'];
  const [table] = nodes(body, 'w:tbl');
  const rows = nodes(table, 'w:tr');
  const cells = rows.map((tr) => nodes(tr, 'w:tc').map((tc) => nodes(tc, 'w:p').map(paragraphText).join('\n')));
  return { raw, styles, body, paragraphs: nodes(body, 'w:p'), rows, cells };
}

async function readXlsx(bytes: Buffer): Promise<{ sheet: Worksheet; values: string[][] }> {
  const workbook = new Workbook();
  await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  const sheet = workbook.getWorksheet('汇总表')!;
  const values: string[][] = [];
  sheet.eachRow((row) => {
    const cells: string[] = [];
    for (let c = 1; c <= 7; c++) cells.push(String(row.getCell(c).value ?? ''));
    values.push(cells);
  });
  return { sheet, values };
}

/** Every ID number and phone of the data set in full, and in the masked form lists show. */
function personalValues(people: Person[]): { full: string[]; masked: string[] } {
  return {
    full: people.flatMap((p) => [p.idNumber, p.phone]),
    masked: people.flatMap((p) => [maskIdNumber(p.idNumber), maskPhone(p.phone)]),
  };
}

/* ------------------------------------------------------------------ tests */

describe('export.summaryTable (附件 “好青年”候选人汇总表, R4.5)', () => {
  let h: Harness;
  let filesDir: string;
  const exportAs = (openid: string, data: { scope: string; orgId: string; format: 'docx' | 'xlsx' }) =>
    h.call(
      'export',
      'summaryTable',
      data as { scope: 'unit' | 'district' | 'city'; orgId: string; format: 'docx' },
      openid,
    );
  const fileOf = (url: string): Buffer => readFileSync(join(filesDir, decodeURIComponent(url.slice('/files/'.length))));

  beforeAll(async () => {
    filesDir = mkdtempSync(join(tmpdir(), 'hqn-export-test-'));
    h = await makeHarness({ filesDir });
    await buildData(h);
  });

  afterAll(() => rmSync(filesDir, { recursive: true, force: true }));

  it('Word: A4 landscape, centred bold title, the 单位 line, a bordered table with a repeating header and every row', async () => {
    const res = dataOf<ExportResult>(await exportAs(CITY, { scope: 'city', orgId: 'city', format: 'docx' }));
    expect(res).toEqual({
      url: expect.stringMatching(/^\/files\/exports-[A-Za-z0-9]{16}-/),
      fileName: '好青年候选人汇总表-绍兴市-20261124.docx',
      rows: 6,
      expiresAt: '2026-11-24T03:00:00.000Z', // NOW + 1 h
    });
    expect(decodeURIComponent(res.url).endsWith(res.fileName)).toBe(true);
    const doc = await readDocx(fileOf(res.url));

    const [title, unitLine] = doc.paragraphs;
    expect(paragraphText(title)).toBe('“好青年”候选人汇总表');
    expect(title['w:pPr']).toEqual(expect.objectContaining({ 'w:jc': { '@_w:val': 'center' } }));
    expect(nodes(title, 'w:r')[0]['w:rPr']).toEqual(expect.objectContaining({ 'w:b': expect.anything() }));
    expect(paragraphText(unitLine)).toBe('单位：绍兴市            （盖章）');

    const section = doc.body['w:sectPr'] as XmlNode;
    expect(section['w:pgSz']).toEqual(
      expect.objectContaining({ '@_w:w': '16838', '@_w:h': '11906', '@_w:orient': 'landscape' }),
    );
    // 宋体 for the whole document (the table inherits it), and on the title explicitly.
    expect(doc.styles).toMatch(/<w:rPrDefault><w:rPr><w:rFonts [^>]*w:eastAsia="宋体"/);
    expect(nodes(title, 'w:r')[0]['w:rPr']).toEqual(
      expect.objectContaining({ 'w:rFonts': expect.objectContaining({ '@_w:eastAsia': '宋体' }) }),
    );
    const table = nodes(doc.body, 'w:tbl')[0];
    const borders = (table['w:tblPr'] as XmlNode)['w:tblBorders'] as XmlNode;
    for (const side of ['w:top', 'w:left', 'w:bottom', 'w:right', 'w:insideH', 'w:insideV'])
      expect(borders[side]).toEqual(expect.objectContaining({ '@_w:val': 'single' }));
    // Only the header row repeats on each printed page (<w:tblHeader/>, on by default).
    const repeats = doc.rows.map((r) => {
      const flag = (r['w:trPr'] as XmlNode | undefined)?.['w:tblHeader'];
      return flag !== undefined && (flag as XmlNode)['@_w:val'] !== 'off' && (flag as XmlNode)['@_w:val'] !== 'false';
    });
    expect(repeats).toEqual([true, ...CITY_ORDER.map(() => false)]);

    expect(doc.cells[0]).toEqual(HEADERS);
    expect(doc.cells.slice(1)).toEqual(CITY_ORDER.map((p, i) => expectedRow(i + 1, p)));
  });

  it('Excel: sheet 汇总表, merged title, the 单位 line, bold bordered header, text ID numbers and phones, landscape print', async () => {
    const res = dataOf<ExportResult>(await exportAs(CITY, { scope: 'city', orgId: 'city', format: 'xlsx' }));
    expect(res.fileName).toBe('好青年候选人汇总表-绍兴市-20261124.xlsx');
    expect(res.rows).toBe(6);
    const { sheet, values } = await readXlsx(fileOf(res.url));

    expect(values[0][0]).toBe('“好青年”候选人汇总表');
    expect(sheet.model.merges).toEqual(expect.arrayContaining(['A1:G1', 'A2:G2']));
    expect(sheet.getCell('A1').font).toEqual(expect.objectContaining({ bold: true }));
    expect(sheet.getCell('A1').alignment).toEqual(expect.objectContaining({ horizontal: 'center' }));
    expect(values[1][0]).toBe('单位：绍兴市            （盖章）');
    expect(values[2]).toEqual(HEADERS);
    for (let c = 1; c <= 7; c++) {
      expect(sheet.getRow(3).getCell(c).font).toEqual(expect.objectContaining({ bold: true }));
      expect(sheet.getRow(3).getCell(c).border).toEqual(
        expect.objectContaining({ top: { style: 'thin' }, left: { style: 'thin' } }),
      );
    }
    expect(values.slice(3)).toEqual(CITY_ORDER.map((p, i) => expectedRow(i + 1, p)));
    for (let r = 4; r <= 3 + CITY_ORDER.length; r++) {
      for (const c of [3, 6]) {
        expect(sheet.getRow(r).getCell(c).type).toBe(ValueType.String);
        expect(sheet.getRow(r).getCell(c).numFmt).toBe('@');
      }
      expect(sheet.getRow(r).getCell(7).border).toEqual(expect.objectContaining({ bottom: { style: 'thin' } }));
    }
    expect(sheet.getColumn(3).width).toBeGreaterThanOrEqual(20); // an 18-digit number fits
    expect(sheet.pageSetup).toEqual(
      expect.objectContaining({ orientation: 'landscape', paperSize: 9, printTitlesRow: '3:3' }),
    );
  });

  it('the full ID numbers and phones are in the files, masked nowhere (the official export, R9.1)', async () => {
    const { full, masked } = personalValues(CITY_ORDER);
    const docx = dataOf<ExportResult>(await exportAs(CITY, { scope: 'city', orgId: 'city', format: 'docx' }));
    const docXml = (await readDocx(fileOf(docx.url))).raw;
    const xlsx = dataOf<ExportResult>(await exportAs(CITY, { scope: 'city', orgId: 'city', format: 'xlsx' }));
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

  it.each([
    ['a unit admin, its unit', UNIT, 'unit', 'yuecheng-tech', '越城区智造科技有限公司', [LI]],
    ['a district admin, its district', DISTRICT, 'district', 'yuecheng', '越城区', YUECHENG_ORDER],
    [
      'a district admin, a unit in its district',
      DISTRICT,
      'unit',
      'yuecheng-invest',
      '越城区城市建设投资集团有限公司',
      YUECHENG_ORDER.slice(0, 2),
    ],
    ['the city, a district', CITY, 'district', 'keqiao', '柯桥区', APPROVED['keqiao-tech']],
    [
      'the city, a city-level unit',
      CITY,
      'unit',
      'city-transport',
      '绍兴市交通投资集团有限公司',
      CITY_ORDER.slice(0, 2),
    ],
  ])('%s: only the rows in scope, numbered from 1', async (_label, who, scope, orgId, name, people) => {
    const res = dataOf<ExportResult>(await exportAs(who, { scope, orgId, format: 'docx' }));
    expect(res.rows).toBe(people.length);
    expect(res.fileName).toBe(`好青年候选人汇总表-${name}-20261124.docx`);
    const doc = await readDocx(fileOf(res.url));
    expect(paragraphText(doc.paragraphs[1])).toBe(`单位：${name}            （盖章）`);
    expect(doc.cells).toEqual([HEADERS, ...people.map((p, i) => expectedRow(i + 1, p))]);
  });

  it('audits each export with who, scope and row count, and no personal data (R9.1)', async () => {
    const before = await h.deps.store.collection<AuditDoc>('audit').count({ action: 'export.summaryTable' });
    const res = dataOf<ExportResult>(
      await exportAs(DISTRICT, { scope: 'district', orgId: 'yuecheng', format: 'xlsx' }),
    );
    const audits = await h.deps.store
      .collection<AuditDoc>('audit')
      .find({ action: 'export.summaryTable' }, { sort: { _id: 1 } });
    expect(audits).toHaveLength(before + 1);
    const stored = decodeURIComponent(res.url.slice('/files/'.length));
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

  it('the link is served by the dev server from the same files directory', async () => {
    const res = dataOf<ExportResult>(await exportAs(UNIT, { scope: 'unit', orgId: 'yuecheng-tech', format: 'xlsx' }));
    const server = await startDevServer(h.deps, { port: 0, staticDir: filesDir, filesDir });
    try {
      const download = await fetch(`${server.url}${res.url}`);
      expect(download.status).toBe(200);
      const bytes = Buffer.from(await download.arrayBuffer());
      expect(bytes.equals(fileOf(res.url))).toBe(true);
      expect((await readXlsx(bytes)).values[3]).toEqual(expectedRow(1, LI));
    } finally {
      await server.close();
    }
  });

  it.each([
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

  it.each([
    ['an unknown organisation', CITY, { scope: 'unit', orgId: 'no-such-unit' }, 'ORG.NOT_FOUND'],
    ['a scope that does not match the organisation', CITY, { scope: 'unit', orgId: 'yuecheng' }, 'INPUT.INVALID'],
    ['a youth', YOUTH, { scope: 'unit', orgId: 'yuecheng-tech' }, 'AUTH.FORBIDDEN'],
    ['nobody', null, { scope: 'city', orgId: 'city' }, 'AUTH.UNAUTHENTICATED'],
    ['an unknown format', CITY, { scope: 'city', orgId: 'city', format: 'pdf' }, 'INPUT.INVALID'],
    ['no approved youth in scope', CITY, { scope: 'unit', orgId: 'shangyu-gov' }, 'EXPORT.EMPTY'],
    ['a district with no approved youth', CITY, { scope: 'district', orgId: 'shangyu' }, 'EXPORT.EMPTY'],
  ])('%s → %s, nothing written', async (_label, who, data, code) => {
    const before = await h.snapshot();
    const files = readdirSync(filesDir);
    const res = await h.callRaw('export', { action: 'summaryTable', data: { format: 'docx', ...data } }, who);
    expect(res).toEqual(expect.objectContaining({ ok: false, error: expect.objectContaining({ code }) }));
    expect(await h.snapshot()).toEqual(before);
    expect(readdirSync(filesDir)).toEqual(files);
  });
});

describe('export.summaryTable on the demo seed alone', () => {
  it('only a submitted, unapproved nomination in scope → EXPORT.EMPTY (the table lists approved youths only)', async () => {
    const h = await makeHarness(); // the seed's 李明 is submitted, not approved
    const before = await h.snapshot();
    const res = await h.call('export', 'summaryTable', { scope: 'unit', orgId: 'yuecheng-tech', format: 'docx' }, UNIT);
    expect(res).toEqual(
      expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'EXPORT.EMPTY' }) }),
    );
    expect(await h.snapshot()).toEqual(before);
  });

  it('no current period → PERIOD.NOT_FOUND', async () => {
    const h = await makeHarness();
    await h.deps.store.collection('periods').updateMany({}, { $set: { current: false } });
    const res = await h.call('export', 'summaryTable', { scope: 'city', orgId: 'city', format: 'xlsx' }, CITY);
    expect(res).toEqual(
      expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'PERIOD.NOT_FOUND' }) }),
    );
  });
});

describe('export through the production entry and the CloudBase SDK', () => {
  let fake: FakeTcbServer;
  const saved = { ...process.env };

  beforeAll(async () => {
    fake = await startFakeTcbServer();
    const app = connectSdk(fake);
    const deps = {
      store: createCloudbaseStore(app),
      crypto: createPersonalDataCrypto(TEST_KEYS),
      files: createCloudbaseFileStore(app),
      log: silentLogger,
      clock: () => new Date(),
      randomId,
      bootstrapCityAdmins: [],
      cityOrgId: CITY_ORG_ID,
    };
    await seedDemo(deps, new Date());
    await addNominations(deps, 'yuecheng-tech', 3, { status: 'approved' });
    Object.assign(process.env, {
      TCB_CONTEXT_CNFG: JSON.stringify({ URL: fake.url }),
      TCB_ENV: fake.env,
      SCF_NAMESPACE: fake.env,
      TENCENTCLOUD_SECRETID: fake.secretId,
      TENCENTCLOUD_SECRETKEY: fake.secretKey,
      HQN_DATA_KEY: TEST_KEYS.dataKey,
      HQN_HASH_KEY: TEST_KEYS.hashKey,
    });
  });

  afterAll(async () => {
    process.env = saved;
    await fake.close();
  });

  it('uploads the file to cloud storage and answers a temporary link to it', async () => {
    const { main } = await import('../../cloudfunctions/export/src/index');
    fake.requests.length = 0;
    const res = await main(
      { action: 'summaryTable', data: { scope: 'unit', orgId: 'yuecheng-tech', format: 'xlsx' } },
      { environ: `WX_CONTEXT_KEYS=WX_OPENID;WX_OPENID=${CITY}` },
    );
    const out = dataOf(res as Envelope<ExportResult>);
    expect(out.rows).toBe(3);
    expect(out.fileName).toMatch(/^好青年候选人汇总表-越城区智造科技有限公司-\d{8}\.xlsx$/);
    const [path, object] = [...fake.objects][0];
    expect(fake.objects.size).toBe(1);
    expect(path).toMatch(new RegExp(`^exports/[A-Za-z0-9]{16}/${out.fileName.replace(/\./g, '\\.')}$`));
    expect(out.url.startsWith(`${new URL(fake.url).origin}/cos/`)).toBe(true);
    expect(fake.requests.map((r) => r.action)).toEqual(
      expect.arrayContaining(['storage.getUploadMetadata', 'cos.put', 'storage.batchGetDownloadUrl']),
    );
    const download = await fetch(out.url);
    const bytes = Buffer.from(await download.arrayBuffer());
    expect(bytes.equals(object.bytes)).toBe(true);
    const { values } = await readXlsx(bytes);
    expect(values[2]).toEqual(HEADERS);
    expect(values.slice(3).map((r) => r[0])).toEqual(['1', '2', '3']);
    expect(values.slice(3).every((r) => /^\d{17}[\dX]$/.test(r[2]) && /^1\d{10}$/.test(r[5]))).toBe(true);
    const audit = [...(fake.data.get('audit')?.values() ?? [])].filter((a) => a.action === 'export.summaryTable');
    expect(audit).toEqual([
      expect.objectContaining({
        actor: CITY,
        target: `exports/${object.fileId}`,
        details: { scope: 'unit', orgId: 'yuecheng-tech', format: 'xlsx', rows: 3 },
      }),
    ]);
    expect(fake.violations).toEqual([]);
  });
});
