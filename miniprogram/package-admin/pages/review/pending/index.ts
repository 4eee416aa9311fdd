/**
 * Review queue (R4.2): unit, district and city admins see the nominations in
 * their scope by status; the unit's admin approves, rejects or returns them.
 * Rejecting or returning needs a reason, which the youth will read.
 */
import type { NominationView } from '../../../../core/contracts/nomination';
import type { ReviewDecision } from '../../../../core/nomination';
import { call, type CallFailure } from '../../../../services/cloud';
import {
  approveQuestion,
  DONE_TEXT,
  isStale,
  REASON_TITLE,
  type ReasonDecision,
  APPROVE_CONFIRM,
} from '../../../lib/review';
import { confirmModal, go, toast } from '../../../../lib/ui';
import { cancelDebounce } from '../../../../components/admin-scope';
import { loadFirstPage, loadNextPage, PAGE_SIZE, searchMethods } from '../../../../components/paged-list';

type ListStatus = 'submitted' | 'approved' | 'rejected' | 'returned';

const TABS: Array<{ value: ListStatus; label: string }> = [
  { value: 'submitted', label: '待审核' },
  { value: 'approved', label: '已通过' },
  { value: 'rejected', label: '未通过' },
  { value: 'returned', label: '退回修改' },
];

interface ReasonDialog {
  visible: boolean;
  decision: ReasonDecision;
  title: string;
  nominationId: string;
  name: string;
  reason: string;
  error: string;
  busy: boolean;
}

const CLOSED_DIALOG: ReasonDialog = {
  visible: false,
  decision: 'return',
  title: '',
  nominationId: '',
  name: '',
  reason: '',
  error: '',
  busy: false,
};

const emptyText = (status: ListStatus): string => `暂无${TABS.find((t) => t.value === status)?.label ?? ''}的推荐`;

/** The card needs no history: keep it out of setData. */
const slim = (n: NominationView): NominationView => ({ ...n, history: [] });

Component({
  data: {
    tabs: TABS,
    status: 'submitted' as ListStatus,
    keyword: '',
    emptyText: emptyText('submitted'),
    canReview: false,
    loading: true,
    error: '',
    items: [] as NominationView[],
    page: 0,
    total: 0,
    hasMore: false,
    loadingMore: false,
    busyId: '',
    dialog: CLOSED_DIALOG,
  },
  lifetimes: {
    attached() {
      void this.init();
    },
    detached() {
      // A pending search must not run after the page is gone.
      cancelDebounce(this);
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
      const me = await call('account', 'me', {});
      if (!me.ok) {
        this.setData({ loading: false, error: me.message });
        return;
      }
      // Only the unit's own admin decides (R4.2); districts and the city follow progress.
      this.setData({ canReview: me.data.roles.some((g) => g.role === 'unitAdmin') });
      await this.loadFirst();
    },

    loadFirst() {
      return loadFirstPage(this, (page) => call('nomination', 'listForReview', this.query(page)), slim);
    },

    loadMore() {
      return loadNextPage(this, (page) => call('nomination', 'listForReview', this.query(page)), slim);
    },

    query(page: number) {
      const keyword = this.data.keyword.trim();
      return { status: this.data.status, ...(keyword ? { keyword } : {}), page, pageSize: PAGE_SIZE };
    },

    ...searchMethods,

    onTabChange(e: WechatMiniprogram.CustomEvent<{ value: ListStatus }>) {
      if (e.detail.value === this.data.status) return;
      this.setData({ status: e.detail.value, emptyText: emptyText(e.detail.value), loadingMore: false });
      void this.loadFirst();
    },
    onRetry() {
      void this.init();
    },
    onLoadMore() {
      void this.loadMore();
    },
    onReachBottom() {
      void this.loadMore();
    },

    itemOf(e: WechatMiniprogram.CustomEvent): NominationView | undefined {
      const id = (e.currentTarget.dataset as { id?: string }).id;
      return this.data.items.find((n) => n.id === id);
    },

    async onApprove(e: WechatMiniprogram.CustomEvent) {
      const item = this.itemOf(e);
      if (!item || this.data.busyId) return;
      const sure = await confirmModal('确认通过', approveQuestion(item.name), '通过');
      if (!sure) return;
      this.setData({ busyId: item.id });
      const res = await call('nomination', 'review', {
        nominationId: item.id,
        decision: 'approve',
        confirm: APPROVE_CONFIRM,
      });
      this.setData({ busyId: '' });
      if (res.ok) this.reviewed(item.id, 'approve');
      else this.reviewFailed(res);
    },

    onDetail(e: WechatMiniprogram.CustomEvent) {
      const item = this.itemOf(e);
      if (item) go(`/package-admin/pages/review/detail/index?id=${encodeURIComponent(item.id)}`);
    },

    onReject(e: WechatMiniprogram.CustomEvent) {
      this.openReason(e, 'reject');
    },
    onReturn(e: WechatMiniprogram.CustomEvent) {
      this.openReason(e, 'return');
    },

    openReason(e: WechatMiniprogram.CustomEvent, decision: ReasonDecision) {
      const item = this.itemOf(e);
      if (!item || this.data.busyId) return;
      const title = `${REASON_TITLE[decision]}（${item.name}）`;
      this.setData({
        dialog: { ...CLOSED_DIALOG, visible: true, decision, title, nominationId: item.id, name: item.name },
      });
    },

    onReasonChange(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ 'dialog.reason': e.detail.value, 'dialog.error': '' });
    },

    onDialogCancel() {
      if (!this.data.dialog.busy) this.setData({ dialog: CLOSED_DIALOG });
    },

    async onDialogConfirm() {
      const { decision, nominationId, busy } = this.data.dialog;
      const reason = this.data.dialog.reason.trim();
      if (busy) return;
      if (!reason) {
        this.setData({ 'dialog.error': `请填写${REASON_TITLE[decision]}` });
        return;
      }
      this.setData({ 'dialog.busy': true });
      const res = await call('nomination', 'review', { nominationId, decision, comment: reason });
      if (!res.ok) {
        this.setData({ 'dialog.busy': false, 'dialog.error': res.message });
        return;
      }
      this.setData({ dialog: CLOSED_DIALOG });
      this.reviewed(nominationId, decision);
    },

    /** A decided nomination leaves the pending list. */
    reviewed(id: string, decision: ReviewDecision) {
      const items = this.data.items.filter((n) => n.id !== id);
      this.setData({ items, total: Math.max(0, this.data.total - (this.data.items.length - items.length)) });
      toast(this, DONE_TEXT[decision], 'success');
    },

    reviewFailed(failure: CallFailure) {
      toast(this, failure.message);
      // Someone else decided first: show the list as it is now.
      if (isStale(failure.code)) void this.loadFirst();
    },
  },
});
