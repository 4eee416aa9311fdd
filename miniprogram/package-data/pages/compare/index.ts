/**
 * 各期对比 (issue 14): the periods side by side for the city or a district — youths selected, coverage of the
 * units that must be covered, the 两新 share, the selected youths with a confirmed cultivation measure, and the
 * service requests made and resolved — drawn as charts, each with its numbers one tap away (查看数据).
 */
import type { PeriodComparisonRow } from '../../../core/contracts/registry';
import { textSize } from '../../../behaviors/text-size';
import { call } from '../../../services/cloud';

interface Chart {
  categories: string[];
  series: Array<{ name: string; data: number[] }>;
}

/** A period's short label on an axis: its id (the selection year) and 期, the current one marked. */
const labelOf = (p: PeriodComparisonRow) => `${p.periodId}期${p.current ? '（本期）' : ''}`;

/** The three charts of a comparison: head-counts, shares, service requests. */
function chartsOf(periods: PeriodComparisonRow[]): { selected: Chart; shares: Chart; services: Chart } {
  const categories = periods.map(labelOf);
  const pick = (f: (p: PeriodComparisonRow) => number) => periods.map(f);
  return {
    selected: { categories, series: [{ name: '入选好青年', data: pick((p) => p.selected) }] },
    shares: {
      categories,
      series: [
        { name: '单位覆盖率', data: pick((p) => p.coverage.percent) },
        { name: '两新组织占比', data: pick((p) => p.twoNew.percent) },
        { name: '有培养措施占比', data: pick((p) => p.cultivated.percent) },
      ],
    },
    services: {
      categories,
      series: [
        { name: '提交', data: pick((p) => p.services.submitted) },
        { name: '办结', data: pick((p) => p.services.resolved) },
      ],
    },
  };
}

/** One card per period, newest first: the figures in words. */
function cardOf(p: PeriodComparisonRow) {
  return {
    id: p.periodId,
    title: `${p.name}${p.current ? '（本期）' : ''}`,
    lines: [
      `入选 ${p.selected} 人 · 两新组织 ${p.twoNew.count} 人（${p.twoNew.percent}%）`,
      `应覆盖单位 ${p.coverage.total} 个，已覆盖 ${p.coverage.covered} 个（${p.coverage.percent}%）`,
      `有已确认培养措施 ${p.cultivated.count} 人（${p.cultivated.percent}%）`,
      `服务申请 ${p.services.submitted} 件，办结 ${p.services.resolved} 件（${p.services.percent}%）`,
    ],
  };
}

Component({
  behaviors: [textSize],
  data: {
    loading: true,
    error: '',
    scopeName: '',
    count: 0,
    charts: null as ReturnType<typeof chartsOf> | null,
    cards: [] as Array<ReturnType<typeof cardOf>>,
  },
  lifetimes: {
    attached() {
      void this.load();
    },
  },
  methods: {
    async load() {
      this.setData({ loading: true, error: '' });
      const res = await call('registry', 'comparePeriods', {});
      if (!res.ok) return this.setData({ loading: false, error: res.message });
      const { scopeName, periods } = res.data;
      this.setData({
        loading: false,
        scopeName,
        count: periods.length,
        charts: chartsOf(periods),
        cards: periods.map(cardOf).reverse(),
      });
    },
    onRetry() {
      void this.load();
    },
    async onPullDownRefresh() {
      await this.load();
      wx.stopPullDownRefresh();
    },
  },
});
