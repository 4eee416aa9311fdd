/** The chart's pure logic: what is empty, the text alternative, the table behind 查看数据, and the uCharts options. */
import {
  chartHeight,
  chartOptions,
  chartSummary,
  chartTable,
  chartType,
  isEmptyChart,
  valueAxis,
  withUnit,
  type ChartInput,
} from '../../../../miniprogram/subpackage-kit/chart/model';

const districts: ChartInput = {
  type: 'hbar',
  categories: ['越城区', '柯桥区', '上虞区'],
  series: [{ name: '两新组织好青年', data: [3, 0, 1] }],
  unit: '人',
  title: '两新组织好青年',
};

const texts = (cells: Array<{ text: string }>): string[] => cells.map((c) => c.text);

describe('chart model', () => {
  it('is empty without categories or series, and a pie or ring is empty when everything is zero', () => {
    expect(isEmptyChart({ ...districts, categories: [] })).toBe(true);
    expect(isEmptyChart({ ...districts, series: [] })).toBe(true);
    expect(isEmptyChart(districts)).toBe(false);
    // Zero bars are still figures worth drawing (a district with none), a zero pie has nothing to divide.
    expect(isEmptyChart({ ...districts, series: [{ name: 'x', data: [0, 0, 0] }] })).toBe(false);
    expect(isEmptyChart({ ...districts, type: 'ring', series: [{ name: 'x', data: [0, 0, 0] }] })).toBe(true);
  });

  it('writes numbers with their unit as Chinese prints them', () => {
    expect(withUnit(3, '人')).toBe('3 人');
    expect(withUnit(82.36, '%')).toBe('82.4%');
    expect(withUnit(7, '')).toBe('7');
  });

  it('tables a row per category and a column per series, missing values as 0', () => {
    const table = chartTable({
      ...districts,
      type: 'bar',
      series: [
        { name: '已通过', data: [3, 0, 1] },
        { name: '名额', data: [5, 2] },
      ],
    });
    expect(texts(table.head)).toEqual(['项目', '已通过', '名额']);
    expect(table.rows.map((r) => [r.label, ...texts(r.cells)])).toEqual([
      ['越城区', '3 人', '5 人'],
      ['柯桥区', '0 人', '2 人'],
      ['上虞区', '1 人', '0 人'],
    ]);
  });

  it('tables a pie or ring with each share of the total', () => {
    const table = chartTable({ ...districts, type: 'pie' });
    expect(texts(table.head)).toEqual(['项目', '两新组织好青年', '占比']);
    expect(table.rows.map((r) => [r.label, ...texts(r.cells)])).toEqual([
      ['越城区', '3 人', '75.0%'],
      ['柯桥区', '0 人', '0.0%'],
      ['上虞区', '1 人', '25.0%'],
    ]);
    expect(chartTable({ ...districts, categories: [] })).toEqual({ head: [], rows: [] });
  });

  it('summarises the chart for screen readers: title, kind and every figure', () => {
    expect(chartSummary(districts)).toBe('两新组织好青年，条形图。越城区 3 人，柯桥区 0 人，上虞区 1 人。');
    expect(chartSummary({ ...districts, series: [] })).toBe('两新组织好青年，条形图，暂无数据');
    const two = chartSummary({
      ...districts,
      type: 'line',
      series: [
        { name: '本期', data: [1, 2, 3] },
        { name: '上期', data: [0, 1, 2] },
      ],
    });
    expect(two).toBe(
      '两新组织好青年，折线图。本期：越城区 1 人，柯桥区 2 人，上虞区 3 人；上期：越城区 0 人，柯桥区 1 人，上虞区 2 人。',
    );
  });

  it('names at most eight categories in the summary and says how many more the table has', () => {
    const categories = Array.from({ length: 11 }, (_v, i) => `单位${i + 1}`);
    const summary = chartSummary({ ...districts, categories, series: [{ name: 'x', data: categories.map(() => 1) }] });
    expect(summary).toContain('单位8 1 人，另有 3 项');
    expect(summary).not.toContain('单位9');
  });

  it('falls back to a bar chart for an unknown type', () => {
    expect(chartType('radar')).toBe('bar');
    expect(chartType('ring')).toBe('ring');
  });

  it('gives a horizontal bar chart a row per bar, the others a fixed height', () => {
    expect(chartHeight({ ...districts, type: 'bar' })).toBe(220);
    expect(chartHeight({ ...districts, categories: ['a'] })).toBe(160);
    expect(chartHeight({ ...districts, categories: Array.from({ length: 8 }, () => 'x') })).toBe(48 + 8 * 28);
  });

  it('puts whole, round steps on the value axis (no 0.20 ticks for counts)', () => {
    expect(valueAxis([0, 0])).toEqual({ max: 1, splitNumber: 1, tofix: 0 });
    expect(valueAxis([1, 0])).toEqual({ max: 1, splitNumber: 1, tofix: 0 });
    expect(valueAxis([3, 1])).toEqual({ max: 3, splitNumber: 3, tofix: 0 });
    expect(valueAxis([7])).toEqual({ max: 8, splitNumber: 4, tofix: 0 });
    expect(valueAxis([23, 4])).toEqual({ max: 25, splitNumber: 5, tofix: 0 });
    expect(valueAxis([82.5, 40])).toEqual({ max: 100, splitNumber: 5, tofix: 0 });
    expect(valueAxis([0.3, 0.1])).toEqual({ max: 0.3, splitNumber: 3, tofix: 1 });
  });

  it('builds uCharts options in device pixels for each kind', () => {
    const size = { width: 311, height: 160, pixelRatio: 2 };
    const hbar = chartOptions(districts, size);
    expect(hbar).toMatchObject({
      type: 'bar',
      width: 622,
      height: 320,
      pixelRatio: 2,
      animation: false,
      categories: ['越城区', '柯桥区', '上虞区'],
      series: [{ name: '两新组织好青年', data: [3, 0, 1] }],
      legend: { show: false },
      xAxis: { min: 0, max: 3, splitNumber: 3 },
    });
    expect(chartOptions({ ...districts, type: 'bar' }, size)).toMatchObject({
      type: 'column',
      yAxis: { splitNumber: 3, data: [{ min: 0, max: 3, tofix: 0 }] },
    });
    expect(chartOptions({ ...districts, type: 'line' }, size)).toMatchObject({ type: 'line' });
    const ring = chartOptions({ ...districts, type: 'ring' }, size);
    expect(ring).toMatchObject({
      type: 'ring',
      legend: { show: true },
      series: [
        {
          name: '两新组织好青年',
          data: [
            { name: '越城区', value: 3 },
            { name: '柯桥区', value: 0 },
            { name: '上虞区', value: 1 },
          ],
        },
      ],
    });
    expect(ring).not.toHaveProperty('categories');
    const twoSeries = chartOptions({ ...districts, series: [...districts.series, { name: '上期', data: [1] }] }, size);
    expect(twoSeries).toMatchObject({ legend: { show: true }, series: [{}, { name: '上期', data: [1, 0, 0] }] });
  });
});
