/**
 * 结对健康度 (issue 11): for a district or the city, per mentor, unit or district — pairs, active pairs, steps
 * done on time, pairs gone quiet, average rating, and how many pairs are on track / need attention / are too
 * early to tell; then every pair with its health, those needing attention first.
 */
import type { HealthRow, HealthView } from '../../../../core/contracts/mentoring';
import { call } from '../../../../services/cloud';
import { textSize } from '../../../../behaviors/text-size';
import { go } from '../../../../lib/ui';

const VIEWS = [
  { id: 'byMentor', label: '按导师' },
  { id: 'byUnit', label: '按单位' },
  { id: 'byDistrict', label: '按区县' },
] as const;
type ViewId = (typeof VIEWS)[number]['id'];

const rowOf = (r: HealthRow) => ({
  key: r.key,
  name: r.name || '未分区县',
  figures: `结对 ${r.pairs} · 履行中 ${r.active} · 按时 ${r.onTimePct === null ? '—' : `${r.onTimePct}%`} · 沉寂 ${r.quiet} · 均分 ${r.avgRating ?? '—'}`,
  health: `良好 ${r.onTrack} · 需关注 ${r.attention} · 尚早 ${r.tooEarly}`,
  attention: r.attention > 0,
});

Component({
  behaviors: [textSize],
  data: {
    loading: true,
    error: '',
    views: VIEWS,
    view: 'byMentor' as ViewId,
    answer: null as HealthView | null,
    rows: [] as Array<ReturnType<typeof rowOf>>,
    pairs: [] as HealthView['pairs'],
  },
  lifetimes: {
    attached() {
      void this.load();
    },
  },
  methods: {
    async load() {
      this.setData({ loading: true, error: '' });
      const res = await call('mentoring', 'health', {});
      if (!res.ok) return this.setData({ loading: false, error: res.message });
      this.setData({ loading: false, answer: res.data, pairs: res.data.pairs });
      this.showView(this.data.view);
    },
    showView(view: ViewId) {
      const answer = this.data.answer;
      this.setData({ view, rows: answer ? answer[view].map(rowOf) : [] });
    },
    onView(e: WechatMiniprogram.CustomEvent) {
      const { id } = e.currentTarget.dataset as { id: ViewId };
      this.showView(id);
    },
    /** The pair's agreement (师徒协议): its text, signatures and the Word file, for the covering admin. */
    onPair(e: WechatMiniprogram.CustomEvent) {
      const { id } = e.currentTarget.dataset as { id: string };
      go(`/package-mentor/pages/agreement/index?id=${encodeURIComponent(id)}`);
    },
    onRetry() {
      void this.load();
    },
    onPullDownRefresh() {
      void this.load().then(() => wx.stopPullDownRefresh());
    },
  },
});
