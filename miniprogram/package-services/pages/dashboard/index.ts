/**
 * 服务看板 (issue 12): per type and per district — volume, time to accept and to resolve (median / 90th
 * percentile), the share overdue and satisfaction; counts only, so sensitive types are counted without contents.
 * A third tab shows the coverage of R7.3: volunteers and hours, accident insurance, credit incentives.
 */
import type { CoverageRow, StatsRow } from '../../../core/contracts/services';
import { call } from '../../../services/cloud';
import { go } from '../../../lib/ui';
import { SERVICES_ROOT, statsRow } from '../../lib/request';

interface Chart {
  categories: string[];
  series: Array<{ name: string; data: number[] }>;
}

/** Charts of one grouping: requests (all and still open), median hours to resolve, mean satisfaction. */
function chartsOf(rows: StatsRow[]): { volume: Chart; resolve: Chart; satisfaction: Chart } {
  const categories = rows.map((r) => r.label);
  return {
    volume: {
      categories,
      series: [
        { name: '申请量', data: rows.map((r) => r.volume) },
        { name: '办理中', data: rows.map((r) => r.open) },
      ],
    },
    resolve: { categories, series: [{ name: '办结用时中位数', data: rows.map((r) => r.resolveMedianH ?? 0) }] },
    satisfaction: { categories, series: [{ name: '满意度', data: rows.map((r) => r.satisfaction ?? 0) }] },
  };
}
import { textSize } from '../../../behaviors/text-size';

Component({
  behaviors: [textSize],
  data: {
    loading: true,
    error: '',
    scopeName: '',
    window: '',
    total: null as ReturnType<typeof statsRow> | null,
    byType: [] as Array<ReturnType<typeof statsRow>>,
    byDistrict: [] as Array<ReturnType<typeof statsRow>>,
    tab: 'type' as 'type' | 'district' | 'coverage',
    coverage: [] as CoverageRow[],
    typeCharts: null as ReturnType<typeof chartsOf> | null,
    districtCharts: null as ReturnType<typeof chartsOf> | null,
  },
  lifetimes: {
    attached() {
      void this.load();
    },
  },
  methods: {
    async load() {
      this.setData({ loading: true, error: '' });
      const [res, coverage] = await Promise.all([call('services', 'dashboard', {}), call('services', 'coverage', {})]);
      if (!res.ok) return this.setData({ loading: false, error: res.message });
      if (coverage.ok) this.setData({ coverage: coverage.data.rows });
      this.setData({
        loading: false,
        scopeName: res.data.scopeName,
        window: `统计自 ${res.data.since} 起提交的申请${res.data.capped ? '（申请较多，仅含最新 5000 件）' : ''}`,
        total: statsRow(res.data.total),
        byType: res.data.byType.map(statsRow),
        byDistrict: res.data.byDistrict.map(statsRow),
        typeCharts: chartsOf(res.data.byType),
        districtCharts: chartsOf(res.data.byDistrict),
      });
    },
    onRetry() {
      void this.load();
    },
    onRecordCoverage() {
      go(`${SERVICES_ROOT}/insurance/index`);
    },
    onTab(e: WechatMiniprogram.CustomEvent) {
      this.setData({ tab: (e.currentTarget.dataset as { id: 'type' | 'district' | 'coverage' }).id });
    },
  },
});
