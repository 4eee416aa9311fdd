import {
  compareSummaryEntries,
  compareSummaryUnits,
  SUMMARY_ALL_COLUMNS,
  SUMMARY_COLUMNS,
  SUMMARY_TITLE,
  summaryFileName,
  summaryRow,
  summaryTable,
  summaryExport,
  summaryUnitLine,
  type SummaryEntry,
  type SummaryRecord,
  type SummarySortKey,
  type SummaryUnit,
} from '../../miniprogram/core/summary-table';

const base: SummaryRecord = {
  name: '张晓青',
  idNumber: '33060219960520001X',
  phone: '13800001111',
  education: 'bachelor',
  degree: 'bachelor',
  politicalStatus: 'league_member',
  duty: '',
  post: '软件工程师',
  title: '工程师',
  skillLevel: '',
};

describe('summary table (附件 “好青年”候选人汇总表, R4.5)', () => {
  it('has the attachment’s title and its seven columns in order', () => {
    expect(SUMMARY_TITLE).toBe('“好青年”候选人汇总表');
    expect(SUMMARY_COLUMNS).toEqual([
      '序号',
      '姓名',
      '身份证号',
      '学历学位',
      '政治面貌',
      '联系电话',
      '单位职务、岗位（技术职称、技能职级）',
    ]);
  });

  it.each<[string, number, Partial<SummaryRecord>, string[]]>([
    [
      'first row, bachelor with degree, League member, post with title',
      0,
      {},
      ['1', '张晓青', '33060219960520001X', '大学本科/学士', '共青团员', '13800001111', '软件工程师（工程师）'],
    ],
    [
      'doctorate, Party member, duty and post, title and skill level',
      9,
      {
        name: '李明',
        education: 'doctorate',
        degree: 'doctor',
        politicalStatus: 'cpc_member',
        duty: '研发部主任',
        title: '高级工程师',
        skillLevel: '一级技师',
      },
      [
        '10',
        '李明',
        '33060219960520001X',
        '博士研究生/博士',
        '中共党员',
        '13800001111',
        '研发部主任、软件工程师（高级工程师、一级技师）',
      ],
    ],
    [
      'associate without a degree, masses, post only',
      99,
      { education: 'associate', degree: 'none', politicalStatus: 'masses', title: '' },
      ['100', '张晓青', '33060219960520001X', '大学专科', '群众', '13800001111', '软件工程师'],
    ],
    [
      'master with a bachelor degree, probationary member, skill level only',
      1,
      { education: 'master', degree: 'bachelor', politicalStatus: 'cpc_probationary', title: '', skillLevel: '高级工' },
      ['2', '张晓青', '33060219960520001X', '硕士研究生/学士', '中共预备党员', '13800001111', '软件工程师（高级工）'],
    ],
  ])('%s', (_label, index, over, expected) => {
    const row = summaryRow(index, { ...base, ...over });
    expect(row).toEqual(expected);
    expect(row).toHaveLength(SUMMARY_COLUMNS.length);
  });

  it('keeps the full ID number and phone: the official export is where they appear (R9.1)', () => {
    const row = summaryRow(0, base);
    expect(row[2]).toBe(base.idNumber);
    expect(row[5]).toBe(base.phone);
    expect(row.join()).not.toContain('*');
  });

  it('puts the organisation before （盖章） with room for the seal', () => {
    expect(summaryUnitLine('越城区智造科技有限公司')).toBe('单位：越城区智造科技有限公司            （盖章）');
  });

  it('numbers the rows from 1 in the order given', () => {
    const t = summaryTable('越城区', [base, { ...base, name: '李明' }]);
    expect(t.title).toBe(SUMMARY_TITLE);
    expect(t.unitLine).toBe(summaryUnitLine('越城区'));
    expect(t.rows.map((r) => r.slice(0, 2))).toEqual([
      ['1', '张晓青'],
      ['2', '李明'],
    ]);
  });

  it.each<[string, SummarySortKey, SummarySortKey]>([
    [
      'city-level units before every district',
      { districtOrder: null, unitName: '乙', name: '乙' },
      { districtOrder: 0, unitName: '甲', name: '甲' },
    ],
    [
      'districts in their official order',
      { districtOrder: 1, unitName: '张', name: '张' },
      { districtOrder: 2, unitName: '阿', name: '阿' },
    ],
    [
      'then unit name in pinyin order',
      { districtOrder: 0, unitName: '柯桥区城南街道', name: '张' },
      { districtOrder: 0, unitName: '越城区城南街道', name: '阿' },
    ],
    [
      'then the youth’s name in pinyin order',
      { districtOrder: 0, unitName: '同一单位', name: '陈六' },
      { districtOrder: 0, unitName: '同一单位', name: '王五' },
    ],
  ])('sorts %s', (_label, first, second) => {
    expect(compareSummaryEntries(first, second)).toBeLessThan(0);
    expect(compareSummaryEntries(second, first)).toBeGreaterThan(0);
  });

  it.each<[string, string, 'docx' | 'xlsx', string]>([
    ['越城区智造科技有限公司', '2026-11-24', 'docx', '好青年候选人汇总表-越城区智造科技有限公司-20261124.docx'],
    ['绍兴市', '2027-07-31', 'xlsx', '好青年候选人汇总表-绍兴市-20270731.xlsx'],
    ['a/b\\c: d', '2026-01-02', 'docx', '好青年候选人汇总表-a_b_c_d-20260102.docx'],
  ])('names the file for %s on %s (%s)', (name, date, ext, expected) => {
    expect(summaryFileName(name, date, ext)).toBe(expected);
  });

  it('the list of a district or the city has 单位 after 序号, then the notice’s columns', () => {
    expect(SUMMARY_ALL_COLUMNS).toEqual(['序号', '单位', ...SUMMARY_COLUMNS.slice(1)]);
  });

  it.each<[string, SummaryUnit, SummaryUnit]>([
    [
      'city-level units before every district',
      { id: 'b', districtOrder: null, name: '乙' },
      { id: 'a', districtOrder: 0, name: '甲' },
    ],
    [
      'districts in their official order',
      { id: 'b', districtOrder: 1, name: '张' },
      { id: 'a', districtOrder: 2, name: '阿' },
    ],
    [
      'then unit name in pinyin order',
      { id: 'b', districtOrder: 0, name: '柯桥区城南街道' },
      { id: 'a', districtOrder: 0, name: '越城区城南街道' },
    ],
    [
      'two units of one name by id',
      { id: 'u1', districtOrder: 0, name: '城南街道' },
      { id: 'u2', districtOrder: 0, name: '城南街道' },
    ],
  ])('orders units: %s', (_label, first, second) => {
    expect(compareSummaryUnits(first, second)).toBeLessThan(0);
    expect(compareSummaryUnits(second, first)).toBeGreaterThan(0);
  });
});

describe('summaryExport: one table per unit for a district or the city (R4.5)', () => {
  const JIAOTOU: SummaryUnit = { id: 'city-transport', name: '绍兴市交通投资集团有限公司', districtOrder: null };
  const CHENGTOU: SummaryUnit = { id: 'yuecheng-invest', name: '越城区城市建设投资集团有限公司', districtOrder: 1 };
  const ZHIZAO: SummaryUnit = { id: 'yuecheng-tech', name: '越城区智造科技有限公司', districtOrder: 1 };
  const KEQIAO: SummaryUnit = { id: 'keqiao-tech', name: '柯桥区智造科技有限公司', districtOrder: 2 };
  const TWIN: SummaryUnit = { id: 'yuecheng-tech-2', name: '越城区智造科技有限公司', districtOrder: 1 };
  const at = (unit: SummaryUnit, name: string): SummaryEntry => ({ unit, record: { ...base, name } });
  /** Unit name and the 序号 and 姓名 of each of its rows. */
  type Shape = Array<[string, Array<[string, string]>]>;
  const shape = (tables: ReturnType<typeof summaryExport>['tables']): Shape =>
    tables.map((t) => [t.orgName, t.rows.map((r): [string, string] => [r[0], r[1]])]);

  it.each<[string, 'district' | 'city', SummaryEntry[], Shape]>([
    [
      'a district with two units: a table each, 序号 from 1 in each',
      'district',
      [at(ZHIZAO, '李明'), at(CHENGTOU, '王芳'), at(CHENGTOU, '陈静')],
      [
        [
          '越城区城市建设投资集团有限公司',
          [
            ['1', '陈静'],
            ['2', '王芳'],
          ],
        ],
        ['越城区智造科技有限公司', [['1', '李明']]],
      ],
    ],
    [
      'the city: city-level units first, then districts in order, whatever the input order',
      'city',
      [at(KEQIAO, '郑一鸣'), at(ZHIZAO, '李明'), at(JIAOTOU, '周子涵'), at(CHENGTOU, '王芳'), at(JIAOTOU, '蔡文博')],
      [
        [
          '绍兴市交通投资集团有限公司',
          [
            ['1', '蔡文博'],
            ['2', '周子涵'],
          ],
        ],
        ['越城区城市建设投资集团有限公司', [['1', '王芳']]],
        ['越城区智造科技有限公司', [['1', '李明']]],
        ['柯桥区智造科技有限公司', [['1', '郑一鸣']]],
      ],
    ],
    [
      'two units of one name in one district stay two tables, by id',
      'district',
      [at(TWIN, '王五'), at(ZHIZAO, '陈六'), at(TWIN, '陈七'), at(ZHIZAO, '王八')],
      [
        [
          '越城区智造科技有限公司',
          [
            ['1', '陈六'],
            ['2', '王八'],
          ],
        ],
        [
          '越城区智造科技有限公司',
          [
            ['1', '陈七'],
            ['2', '王五'],
          ],
        ],
      ],
    ],
    [
      'one unit in a district: one table',
      'district',
      [at(KEQIAO, '郑一鸣')],
      [['柯桥区智造科技有限公司', [['1', '郑一鸣']]]],
    ],
  ])('%s', (_label, scope, entries, expected) => {
    const file = summaryExport(scope, '越城区', entries);
    expect(shape(file.tables)).toEqual(expected);
    for (const t of file.tables) {
      expect(t.title).toBe(SUMMARY_TITLE);
      expect(t.unitLine).toBe(summaryUnitLine(t.orgName));
      expect(t.columns).toEqual(SUMMARY_COLUMNS);
    }
    // The list: every row in table order, numbered from 1 through, with its unit.
    const all = file.all!;
    expect(all.unitLine).toBe(summaryUnitLine('越城区'));
    expect(all.columns).toEqual(SUMMARY_ALL_COLUMNS);
    const flat = expected.flatMap(([unit, rows]) => rows.map(([, name]) => [unit, name]));
    expect(all.rows.map((r) => r.slice(0, 3))).toEqual(flat.map(([unit, name], i) => [String(i + 1), unit, name]));
    expect(all.rows.map((r) => r.slice(3))).toEqual(file.tables.flatMap((t) => t.rows.map((r) => r.slice(2))));
  });

  it('a unit’s export is its one table under its own name, exactly as summaryTable, with no list', () => {
    const file = summaryExport('unit', '越城区智造科技有限公司', [at(ZHIZAO, '王八'), at(ZHIZAO, '陈六')]);
    expect(file).toEqual({
      tables: [
        summaryTable('越城区智造科技有限公司', [
          { ...base, name: '陈六' },
          { ...base, name: '王八' },
        ]),
      ],
      all: null,
    });
  });
});
