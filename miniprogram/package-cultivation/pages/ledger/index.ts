/**
 * 培养台账 (issue 13, R5.1, R5.3): a cadre's 好青年 with their cultivation — the share who talked with the unit
 * head in the last six months, those with no measure in a year (a list to act on), the records waiting — and,
 * for a district or the city, each unit's figures (tap one for its ledger), drawn as charts (`<chart>`, the
 * figures one tap away). Tap a youth for their timeline.
 */
import type { CoverageView, LedgerRow } from '../../../core/contracts/cultivation';
import { call } from '../../../services/cloud';
import { PAGE_SIZE, pagedList } from '../../../behaviors/paged-list';
import { textSize } from '../../../behaviors/text-size';
import { go } from '../../../lib/ui';
import { coverageCharts, ledgerRow } from '../../lib/rows';

type Filter = 'all' | 'idle' | 'noTalk';
const TABS: Array<{ value: Filter; label: string }> = [
  { value: 'all', label: '全部' },
  { value: 'idle', label: '一年无培养' },
  { value: 'noTalk', label: '半年未谈心' },
];

const list = pagedList({
  fetch: (data: { filter: Filter; unitId: string }, page: number) =>
    call('cultivation', 'ledger', {
      filter: data.filter,
      page,
      pageSize: PAGE_SIZE,
      ...(data.unitId ? { unitId: data.unitId } : {}),
    }),
  row: (r: LedgerRow) => ledgerRow(r),
});

Component({
  behaviors: [textSize, list],
  data: {
    tabs: TABS,
    filter: 'all' as Filter,
    unitId: '',
    summary: null as CoverageView | null,
    charts: null as ReturnType<typeof coverageCharts> | null,
    chartsLoading: true,
  },
  methods: {
    onLoad(query: { unitId?: string; filter?: Filter }) {
      this.setData({ unitId: query.unitId ?? '', filter: query.filter ?? 'all' });
      void this.loadAll();
    },
    async loadAll() {
      const [coverage] = await Promise.all([
        call('cultivation', 'coverage', this.data.unitId ? { unitId: this.data.unitId } : {}),
        this.loadFirst(),
      ]);
      this.setData({
        chartsLoading: false,
        ...(coverage.ok ? { summary: coverage.data, charts: coverageCharts(coverage.data) } : {}),
      });
    },
    onTabChange(e: WechatMiniprogram.CustomEvent<{ value: Filter }>) {
      if (e.detail.value === this.data.filter) return;
      this.setData({ filter: e.detail.value });
      void this.loadFirst();
    },
    onYouth(e: WechatMiniprogram.CustomEvent) {
      const { id } = e.currentTarget.dataset as { id: string };
      go(`/package-cultivation/pages/timeline/index?id=${encodeURIComponent(id)}`);
    },
    onUnit(e: WechatMiniprogram.CustomEvent) {
      const { id } = e.currentTarget.dataset as { id: string };
      go(`/package-cultivation/pages/ledger/index?unitId=${encodeURIComponent(id)}`);
    },
  },
});
