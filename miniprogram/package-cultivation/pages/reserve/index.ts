/**
 * 后备干部库 (issue 13, R5.2): the reserve cadres of a unit, a district or the city — nominated, in the pool,
 * under inspection, appointed or withdrawn, each move with its reason and who decided. Tap a status to narrow,
 * a youth for their record (where the district decides the next move).
 */
import type { ReserveStatus } from '../../../core/cultivation';
import type { Paged } from '../../../core/contracts/common';
import type { ReserveView } from '../../../core/contracts/cultivation';
import { call } from '../../../services/cloud';
import { PAGE_SIZE, pagedList } from '../../../behaviors/paged-list';
import { textSize } from '../../../behaviors/text-size';
import { go } from '../../../lib/ui';
import { reserveCard } from '../../lib/rows';

type Count = { status: ReserveStatus; label: string; count: number };

const list = pagedList({
  fetch: (data: { status: ReserveStatus | '' }, page: number) =>
    call('cultivation', 'reservePool', { page, pageSize: PAGE_SIZE, ...(data.status ? { status: data.status } : {}) }),
  row: (r: ReserveView) => reserveCard(r),
  extra: (answer: Paged<ReserveView> & { counts: Count[] }) => ({ counts: answer.counts }),
});

Component({
  behaviors: [textSize, list],
  data: {
    status: '' as ReserveStatus | '',
    counts: [] as Count[],
  },
  methods: {
    onLoad() {
      void this.loadFirst();
    },
    onStatus(e: WechatMiniprogram.CustomEvent) {
      const { status } = e.currentTarget.dataset as { status: ReserveStatus };
      this.setData({ status: this.data.status === status ? '' : status });
      void this.loadFirst();
    },
    onYouth(e: WechatMiniprogram.CustomEvent) {
      const { id } = e.currentTarget.dataset as { id: string };
      go(`/package-cultivation/pages/timeline/index?id=${encodeURIComponent(id)}`);
    },
  },
});
