/**
 * `<chart>`: a bar, horizontal bar, line, pie or ring chart drawn with uCharts
 * on a `<canvas type="2d">` at the phone's pixel ratio, with a loading and an
 * empty state, the numbers as a text alternative (aria-label) and one tap away
 * as a table (查看数据). Built into `miniprogram_npm/hqn-kit/chart/` and copied
 * into each subpackage that declares `"chart": "hqn-kit/chart/index"`, so it
 * and the library never count toward the main package (README, "Pages and the
 * client kit").
 */
import uCharts from '@qiun/ucharts';
import {
  chartHeight,
  chartOptions,
  chartSummary,
  chartTable,
  isEmptyChart,
  type ChartInput,
  type ChartTable,
} from './model';

interface CanvasNode {
  width: number;
  height: number;
  getContext(kind: '2d'): unknown;
}

interface CanvasField {
  node?: CanvasNode | null;
  width: number;
  height: number;
}

function pixelRatio(): number {
  const info = typeof wx.getWindowInfo === 'function' ? wx.getWindowInfo() : wx.getSystemInfoSync();
  return info.pixelRatio > 0 ? info.pixelRatio : 2;
}

Component({
  properties: {
    /** bar | hbar | line | pie | ring */
    type: { type: String, value: 'bar' },
    categories: { type: Array, value: [] },
    /** `[{ name, data: number[] }]`, one value per category. */
    series: { type: Array, value: [] },
    unit: { type: String, value: '' },
    title: { type: String, value: '' },
    /** CSS pixels; 0 (the default) sizes it by type: 220, or a row per bar for hbar. */
    height: { type: Number, value: 0 },
    loading: { type: Boolean, value: false },
    emptyText: { type: String, value: '暂无数据' },
  },
  data: {
    empty: true,
    summary: '',
    table: { head: [], rows: [] } as ChartTable,
    showTable: false,
    boxHeight: 220,
  },
  observers: {
    'type, categories, series, unit, title, loading, height'() {
      this.refresh();
    },
  },
  lifetimes: {
    // After the first layout, so the canvas has its size.
    ready() {
      this.refresh();
    },
  },
  methods: {
    input(): ChartInput {
      const d = this.data as unknown as ChartInput;
      return { type: d.type, categories: d.categories, series: d.series, unit: d.unit, title: d.title };
    },

    refresh() {
      const input = this.input();
      const empty = isEmptyChart(input);
      const height = this.data.height > 0 ? this.data.height : chartHeight(input);
      this.setData({ empty, summary: chartSummary(input), table: chartTable(input), boxHeight: height }, () => {
        if (!empty && !this.data.loading) this.draw(input);
      });
    },

    /** Measures the canvas after layout and draws; without a 2d canvas (tests) the text and table still work. */
    draw(input: ChartInput) {
      this.createSelectorQuery()
        .select('.chart__canvas')
        .fields({ node: true, size: true })
        .exec((res: Array<CanvasField | null>) => {
          const field = res[0];
          const canvas = field?.node;
          if (!field || !canvas || field.width <= 0) return;
          const context = canvas.getContext('2d');
          if (!context) return;
          const ratio = pixelRatio();
          canvas.width = Math.round(field.width * ratio);
          canvas.height = Math.round(field.height * ratio);
          new uCharts({
            ...chartOptions(input, { width: field.width, height: field.height, pixelRatio: ratio }),
            context,
          });
        });
    },

    onToggleTable() {
      this.setData({ showTable: !this.data.showTable });
    },
  },
});
