/**
 * What the `<chart>` component shows, derived from its properties by pure
 * functions: whether there is anything to draw, the text alternative read by
 * screen readers (and shown as the chart's aria-label), the table behind
 * 查看数据, and the uCharts options the canvas is drawn from. No wx here: the
 * component measures the canvas and passes its size and pixel ratio in.
 */

/** `bar` is vertical columns, `hbar` horizontal bars (uCharts calls them column and bar). */
export const CHART_TYPES = ['bar', 'hbar', 'line', 'pie', 'ring'] as const;
export type ChartType = (typeof CHART_TYPES)[number];

/** One series: a value per category (pie and ring draw the first series only). */
export interface ChartSeries {
  name: string;
  data: number[];
}

export interface ChartInput {
  type: string;
  categories: string[];
  series: ChartSeries[];
  /** Appended to every number in the summary and the table, e.g. `人`, `%`, `天`. */
  unit: string;
  title: string;
}

/** A cell with a key unique in its row (wx:for needs one; two cells may read the same). */
export interface ChartCell {
  key: string;
  text: string;
}

export interface ChartTable {
  head: ChartCell[];
  rows: Array<{ key: string; label: string; cells: ChartCell[] }>;
}

const cellsOf = (texts: string[]): ChartCell[] => texts.map((text, i) => ({ key: String(i), text }));

const TYPE_LABELS: Record<ChartType, string> = {
  bar: '柱状图',
  hbar: '条形图',
  line: '折线图',
  pie: '饼图',
  ring: '环形图',
};

/** TDesign's palette, so charts match the rest of the app. */
export const CHART_COLORS = ['#0052D9', '#2BA471', '#E37318', '#D54941', '#8E56DD', '#029CD4', '#F5BA18', '#7E8796'];

/** The summary names at most this many categories; the table always has all of them. */
const SUMMARY_ITEMS = 8;

export function chartType(type: string): ChartType {
  return (CHART_TYPES as readonly string[]).includes(type) ? (type as ChartType) : 'bar';
}

const isRound = (type: ChartType): boolean => type === 'pie' || type === 'ring';

/** Series as drawn: pie and ring take the first one only; missing values count as 0. */
function drawnSeries(input: ChartInput): ChartSeries[] {
  const series = isRound(chartType(input.type)) ? input.series.slice(0, 1) : input.series;
  return series.map((s) => ({
    name: s.name,
    data: input.categories.map((_c, i) => (Number.isFinite(s.data[i]) ? s.data[i] : 0)),
  }));
}

/** Nothing to draw: no categories, no series, or (for pie and ring, which cannot draw zeros) a zero total. */
export function isEmptyChart(input: ChartInput): boolean {
  const series = drawnSeries(input);
  if (input.categories.length === 0 || series.length === 0) return true;
  if (isRound(chartType(input.type))) return series[0].data.every((v) => v <= 0);
  return false;
}

/** A number with its unit, as Chinese prints it: `3 人`, `80%`. */
export function withUnit(value: number, unit: string): string {
  const n = Number.isInteger(value) ? String(value) : value.toFixed(1);
  if (unit === '') return n;
  return unit === '%' || unit === '‰' ? `${n}${unit}` : `${n} ${unit}`;
}

function percentOf(value: number, total: number): string {
  return total > 0 ? `${((value * 100) / total).toFixed(1)}%` : '0%';
}

/** The numbers one tap away: a row per category, a column per series (pie and ring add each share). */
export function chartTable(input: ChartInput): ChartTable {
  const series = drawnSeries(input);
  if (isEmptyChart(input)) return { head: [], rows: [] };
  if (isRound(chartType(input.type))) {
    const values = series[0].data;
    const total = values.reduce((a, b) => a + b, 0);
    return {
      head: cellsOf(['项目', series[0].name || '数值', '占比']),
      rows: input.categories.map((label, i) => ({
        key: String(i),
        label,
        cells: cellsOf([withUnit(values[i], input.unit), percentOf(values[i], total)]),
      })),
    };
  }
  return {
    head: cellsOf(['项目', ...series.map((s) => s.name || '数值')]),
    rows: input.categories.map((label, i) => ({
      key: String(i),
      label,
      cells: cellsOf(series.map((s) => withUnit(s.data[i], input.unit))),
    })),
  };
}

function listed(categories: string[], values: number[], unit: string): string {
  const items = categories.slice(0, SUMMARY_ITEMS).map((c, i) => `${c} ${withUnit(values[i], unit)}`);
  const more = categories.length - SUMMARY_ITEMS;
  return `${items.join('，')}${more > 0 ? `，另有 ${more} 项` : ''}`;
}

/** The text alternative: what the chart is and its numbers, for screen readers (WeChat reads aria-label). */
export function chartSummary(input: ChartInput): string {
  const type = chartType(input.type);
  const head = `${input.title || '图表'}，${TYPE_LABELS[type]}`;
  if (isEmptyChart(input)) return `${head}，暂无数据`;
  const series = drawnSeries(input);
  const parts =
    series.length === 1
      ? [listed(input.categories, series[0].data, input.unit)]
      : series.map((s) => `${s.name}：${listed(input.categories, s.data, input.unit)}`);
  return `${head}。${parts.join('；')}。`;
}

/** The default height (CSS px): a horizontal bar chart grows with its rows, the others are 220. */
export function chartHeight(input: ChartInput): number {
  if (chartType(input.type) !== 'hbar') return 220;
  return Math.max(160, 48 + input.categories.length * Math.max(1, input.series.length) * 28);
}

/**
 * The value axis: from 0 to a round top in whole steps (1, 2 or 5 × 10ⁿ, at most five), so counts never
 * get ticks like 0.20 and 0.40; `tofix` is how many decimals a tick needs.
 */
export function valueAxis(values: number[]): { max: number; splitNumber: number; tofix: number } {
  const top = Math.max(0, ...values);
  if (top === 0) return { max: 1, splitNumber: 1, tofix: 0 };
  const integers = values.every((v) => Number.isInteger(v));
  const raw = top / 5;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const nice = [1, 2, 5, 10].map((m) => m * magnitude).find((step) => step >= raw) ?? 10 * magnitude;
  const step = integers ? Math.max(1, nice) : nice;
  const splitNumber = Math.ceil(top / step - 1e-9);
  return {
    max: Number((splitNumber * step).toFixed(10)),
    splitNumber,
    tofix: step >= 1 ? 0 : Math.ceil(-Math.log10(step) - 1e-9),
  };
}

export interface CanvasSize {
  /** CSS pixels of the canvas element. */
  width: number;
  height: number;
  pixelRatio: number;
}

/** The uCharts options (all but `context`) for a canvas of this size; sizes in device pixels, as uCharts takes them. */
export function chartOptions(input: ChartInput, size: CanvasSize): Record<string, unknown> {
  const type = chartType(input.type);
  const series = drawnSeries(input);
  const pix = size.pixelRatio;
  const common = {
    width: Math.round(size.width * pix),
    height: Math.round(size.height * pix),
    pixelRatio: pix,
    color: CHART_COLORS,
    background: '#FFFFFF',
    animation: false,
    fontSize: 12,
    padding: [12, 16, 8, 8],
    dataLabel: true,
    legend: { show: series.length > 1 || isRound(type), position: 'bottom', lineHeight: 16 },
  };
  if (isRound(type)) {
    const data = input.categories.map((name, i) => ({ name, value: series[0].data[i] }));
    return {
      ...common,
      type,
      series: [{ name: series[0].name, data }],
      extra: {
        pie: { activeOpacity: 0.5, border: true, borderWidth: 2, borderColor: '#FFFFFF', labelWidth: 12 },
        ring: { ringWidth: 28, activeOpacity: 0.5, border: true, borderWidth: 2, borderColor: '#FFFFFF' },
      },
    };
  }
  const seriesOut = series.map((s) => ({ name: s.name, data: s.data }));
  const axis = valueAxis(series.flatMap((s) => s.data));
  if (type === 'hbar') {
    return {
      ...common,
      type: 'bar',
      categories: input.categories,
      series: seriesOut,
      xAxis: {
        boundaryGap: 'justify',
        disableGrid: false,
        min: 0,
        max: axis.max,
        splitNumber: axis.splitNumber,
        axisLine: false,
        gridType: 'dash',
      },
      yAxis: {},
      extra: { bar: { type: 'group', width: 16 } },
    };
  }
  return {
    ...common,
    type: type === 'bar' ? 'column' : 'line',
    categories: input.categories,
    series: seriesOut,
    xAxis: { disableGrid: true, fontSize: 11 },
    yAxis: { gridType: 'dash', splitNumber: axis.splitNumber, data: [{ min: 0, max: axis.max, tofix: axis.tofix }] },
    extra: { column: { type: 'group', width: 20 }, line: { type: 'straight', width: 2 } },
  };
}
