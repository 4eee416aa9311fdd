/**
 * Review queue (R4.2): unit, district and city admins see the nominations in
 * their scope by status; the unit's admin approves, rejects or returns them.
 * Rejecting or returning needs a reason, which the youth will read.
 */
import type { ReviewItem } from '../../../../core/contracts/nomination';
import type { ReviewDecision } from '../../../../core/nomination';
import { quotaText, reviewerNote } from '../../../../core/review';
import { call, type CallFailure } from '../../../../services/cloud';
import { loadSession } from '../../../../services/session';
import { PAGE_SIZE, pagedList } from '../../../../behaviors/paged-list';
import { alertModal, go, toast } from '../../../../lib/ui';
import { askReason } from '../../../components/reason-dialog/request';
import {
  confirmApprove,
  DONE_TEXT,
  isStale,
  reasonRequest,
  refusalTitle,
  sendApprove,
  type ListStatus,
  type ReasonDecision,
  QUEUE_TABS as TABS,
  queueEmptyText as emptyText,
} from '../../../lib/review';
import { textSize } from '../../../../behaviors/text-size';

const list = pagedList({
  fetch: (data: { status: ListStatus; keyword: string }, page: number) => {
    const keyword = data.keyword.trim();
    const query = { status: data.status, ...(keyword ? { keyword } : {}), page, pageSize: PAGE_SIZE };
    return call('nomination', 'listForReview', query);
  },
  /**
   * The card needs no history: keep it out of setData. Each row says who decides and why (issue 9 §2) and, where
   * the caller decides, the unit's places left before 通过 (§5).
   */
  row: (n: ReviewItem): Row => ({
    ...n,
    history: [],
    mayDecide: n.review.mayDecide,
    reviewerNote: reviewerNote(n.review.level, n.review.mayDecide),
    quotaText: n.review.mayDecide ? quotaText(n.review.quota) : '',
  }),
  // 批量通过 is offered where the caller decides on more than one of the first page.
  extra: (answer) => ({ canBatch: answer.items.filter((n) => n.review.mayDecide).length > 1 }),
});

type Row = ReviewItem & { mayDecide: boolean; reviewerNote: string; quotaText: string };

Component({
  behaviors: [textSize, list],
  data: {
    tabs: TABS,
    status: 'submitted' as ListStatus,
    emptyText: emptyText('submitted'),
    busyId: '',
  },
  lifetimes: {
    attached() {
      void this.init();
    },
  },
  pageLifetimes: {
    show() {
      // Back from the detail page, where a decision may have been taken.
      if (!this.data.loading && !this.data.error) void this.loadFirst();
    },
  },
  methods: {
    async init() {
      this.setData({ loading: true, error: '' });
      const me = await loadSession();
      if (!me.ok) return this.setData({ loading: false, error: me.message });
      // Who decides is per row, from the server (the unit's admin, or the level above for a unit without one).
      await this.loadFirst();
    },

    onTabChange(e: WechatMiniprogram.CustomEvent<{ value: ListStatus }>) {
      if (e.detail.value === this.data.status) return;
      this.setData({ status: e.detail.value, emptyText: emptyText(e.detail.value) });
      void this.loadFirst();
    },
    onRetry() {
      void this.init();
    },
    onBatch() {
      go('/package-admin/pages/review/batch/index');
    },

    itemOf(e: WechatMiniprogram.CustomEvent): Row | undefined {
      const id = (e.currentTarget.dataset as { id?: string }).id;
      return this.data.items.find((n) => n.id === id);
    },

    async onApprove(e: WechatMiniprogram.CustomEvent) {
      const item = this.itemOf(e);
      if (!item || this.data.busyId || !(await confirmApprove(item.name))) return;
      this.setData({ busyId: item.id });
      const res = await sendApprove(item.id);
      this.setData({ busyId: '' });
      if (res.ok) this.reviewed(item.id, 'approve');
      else this.reviewFailed(res);
    },

    onDetail(e: WechatMiniprogram.CustomEvent) {
      const item = this.itemOf(e);
      if (item) go(`/package-admin/pages/review/detail/index?id=${encodeURIComponent(item.id)}`);
    },

    onReject(e: WechatMiniprogram.CustomEvent) {
      void this.decideWithReason(e, 'reject');
    },
    onReturn(e: WechatMiniprogram.CustomEvent) {
      void this.decideWithReason(e, 'return');
    },

    async decideWithReason(e: WechatMiniprogram.CustomEvent, decision: ReasonDecision) {
      const item = this.itemOf(e);
      if (!item || this.data.busyId) return;
      const done = await askReason(this, '.reason-dialog', reasonRequest(decision, item));
      if (done) this.reviewed(item.id, decision);
    },

    /** A decided nomination leaves the list. */
    reviewed(id: string, decision: ReviewDecision) {
      const unitId = this.data.items.find((n) => n.id === id)?.unitId;
      this.dropRows((n) => n.id === id);
      // An approval took one of the unit's places: the other rows of that unit show what is left.
      if (decision === 'approve' && unitId) this.takePlace(unitId);
      toast(this, DONE_TEXT[decision], 'success');
    },

    takePlace(unitId: string) {
      const rows = this.data.items as Row[];
      rows.forEach((n, i) => {
        if (n.unitId !== unitId || !n.mayDecide) return;
        const quota = { ...n.review.quota, used: n.review.quota.used + 1 };
        this.setData({ [`items[${i}].review.quota`]: quota, [`items[${i}].quotaText`]: quotaText(quota) });
      });
    },

    reviewFailed(failure: CallFailure) {
      // Someone else decided first: say so briefly and show the list as it is now.
      if (isStale(failure.code)) {
        toast(this, failure.message);
        void this.loadFirst();
        return;
      }
      // Shown whole: a full quota or a locked list is something the reviewer must act on (issue 9 §5).
      void alertModal(refusalTitle(failure.code), failure.message);
    },
  },
});
