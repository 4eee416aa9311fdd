/**
 * 批量通过 (issue 9): the reviewer ticks several nominations they decide on and approves them with one
 * confirmation. The server approves all or none; a refusal (a full quota, a record decided meanwhile) names the
 * record and is shown whole.
 */
import { BATCH_MAX } from '../../../../core/contracts/forms';
import type { ReviewItem } from '../../../../core/contracts/nomination';
import { placesLeft } from '../../../../core/review';
import { call } from '../../../../services/cloud';
import { PAGE_SIZE, pagedList } from '../../../../behaviors/paged-list';
import { alertModal, confirmModal, toast } from '../../../../lib/ui';
import { textSize } from '../../../../behaviors/text-size';
import { batchQuestion, overQuota, type Picked } from '../../../lib/batch';

const list = pagedList({
  fetch: (_: unknown, page: number) =>
    call('nomination', 'listForReview', { status: 'submitted', decidable: true, page, pageSize: PAGE_SIZE }),
  row: (n: ReviewItem): Row => ({
    id: n.id,
    name: n.name,
    unitId: n.unitId,
    unitName: n.unitName,
    post: n.post,
    left: placesLeft(n.review.quota),
    picked: false,
  }),
});

type Row = Picked & { post: string; picked: boolean };

Component({
  behaviors: [textSize, list],
  data: { picked: [] as string[], max: BATCH_MAX, sending: false, warning: '' },
  lifetimes: {
    attached() {
      void this.loadFirst();
    },
  },
  methods: {
    onRetry() {
      void this.loadFirst();
    },
    onPick(e: WechatMiniprogram.CustomEvent<{ checked: boolean }>) {
      const id = (e.currentTarget.dataset as { id: string }).id;
      const others = this.data.picked.filter((p) => p !== id);
      const index = (this.data.items as Row[]).findIndex((r) => r.id === id);
      if (e.detail.checked && others.length >= BATCH_MAX) {
        toast(this, `一次最多通过${BATCH_MAX}人`);
        this.setData({ [`items[${index}].picked`]: false });
        return;
      }
      const picked = e.detail.checked ? [...others, id] : others;
      this.setData({ picked, [`items[${index}].picked`]: e.detail.checked, warning: overQuota(this.rows(picked)) });
    },
    rows(ids: string[]): Row[] {
      return (this.data.items as Row[]).filter((r) => ids.includes(r.id));
    },
    async onApprove() {
      const rows = this.rows(this.data.picked);
      if (rows.length === 0 || this.data.sending) return;
      if (!(await confirmModal('确认批量通过', batchQuestion(rows), `通过${rows.length}人`))) return;
      this.setData({ sending: true });
      const confirm = { onStaff: true as const, attestations: true as const };
      const res = await call('nomination', 'reviewBatch', { nominationIds: rows.map((r) => r.id), confirm });
      this.setData({ sending: false });
      if (!res.ok) {
        const who = typeof res.details?.name === 'string' && res.details.name ? `${res.details.name}：` : '';
        await alertModal('批量通过未完成', `${who}${res.message}。本次未通过任何人，请调整所选人员后重试。`);
        return;
      }
      toast(this, `已通过${res.data.approved.length}人`, 'success');
      this.setData({ picked: [], warning: '' });
      void this.loadFirst();
    },
  },
});
