/** Sheet names for a district's or the city's workbook: each unit's name, made valid for Excel. */
import { Workbook } from 'exceljs';
import { ALL_SHEET_NAME, sheetNames } from '../../../cloudfunctions/export/src/xlsx';

const LONG = '绍兴市越城区城南街道某某某某某某智能制造科技股份有限公司第一分公司'; // 33 characters

describe('sheetNames', () => {
  it.each<[string, string[], string[]]>([
    ['a name as it is', ['越城区智造科技有限公司'], ['越城区智造科技有限公司']],
    ['Excel’s forbidden characters become _', ['a[b]c:d*e?f/g\\h'], ['a_b_c_d_e_f_g_h']],
    ['at most 31 characters', [LONG], [LONG.slice(0, 31)]],
    ['no apostrophe at either end', ["'单位'"], ['单位']],
    ['a name of nothing Excel allows', ["''"], ['单位']],
    ['the 汇总 sheet’s name is taken', ['汇总'], ['汇总(2)']],
    ['History is Excel’s own', ['History'], ['History(2)']],
    ['names unique ignoring case', ['ABC', 'abc', 'Abc'], ['ABC', 'abc(2)', 'Abc(3)']],
    [
      'two long names that truncate alike, the second shortened for its suffix',
      [LONG, `${LONG}二`],
      [LONG.slice(0, 31), `${LONG.slice(0, 28)}(2)`],
    ],
    ['a character outside the BMP is not split', [`${'一'.repeat(30)}𠀀`], ['一'.repeat(30)]],
  ])('%s', (_label, names, expected) => {
    const result = sheetNames(names, [ALL_SHEET_NAME]);
    expect(result).toEqual(expected);
    // And exceljs, which throws on an invalid or repeated name, takes every one of them.
    const workbook = new Workbook();
    workbook.addWorksheet(ALL_SHEET_NAME);
    for (const name of result) expect(workbook.addWorksheet(name).name).toBe(name);
  });
});
