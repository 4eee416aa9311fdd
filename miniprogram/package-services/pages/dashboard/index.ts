/**
 * 服务看板 (issue 12): per type and per district — volume, time to accept and to resolve (median / 90th
 * percentile), the share overdue and satisfaction; counts only, so sensitive types are counted without contents.
 * A third tab shows the coverage of R7.3: volunteers and hours, accident insurance, credit incentives.
 */
import type { CoverageRow } from '../../../core/contracts/services';
import { call } from '../../../services/cloud';
import { statsRow } from '../../lib/request';
import { textSize } from '../../../behaviors/text-size';

Component({
  behaviors: [textSize],
  data: {
    loading: true,
    error: '',
    scopeName: '',
    total: null as ReturnType<typeof statsRow> | null,
    byType: [] as Array<ReturnType<typeof statsRow>>,
    byDistrict: [] as Array<ReturnType<typeof statsRow>>,
    tab: 'type' as 'type' | 'district' | 'coverage',
    coverage: [] as CoverageRow[],
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
        total: statsRow(res.data.total),
        byType: res.data.byType.map(statsRow),
        byDistrict: res.data.byDistrict.map(statsRow),
      });
    },
    onRetry() {
      void this.load();
    },
    onTab(e: WechatMiniprogram.CustomEvent) {
      this.setData({ tab: (e.currentTarget.dataset as { id: 'type' | 'district' | 'coverage' }).id });
    },
  },
});
