/**
 * 名额 (R3.1, R3.2): each unit's suggested quota beside the places approved.
 * The district or the city adjusts a unit's quota with a required reason; the
 * override and its reason stay visible to everyone who sees the unit.
 */
import type { QuotaView } from '../../../../core/contracts/admin';
import { CATEGORY_LABELS } from '../../../../core/org';
import { call } from '../../../../services/cloud';
import { districtChoices, loadAdminScope, type Choice } from '../../../../components/admin-scope';
import { toast } from '../../../../lib/ui';
import { loadFirstPage, loadNextPage, PAGE_SIZE } from '../../../../components/paged-list';

interface QuotaRow {
  unitId: string;
  unitName: string;
  category: string;
  youthCount: number;
  suggested: number;
  approved: number;
  limit: number;
  overridden: boolean;
  overrideReason: string;
  full: boolean;
}

interface QuotaDialog {
  visible: boolean;
  unitId: string;
  unitName: string;
  approved: number;
  suggested: number;
  quota: string;
  reason: string;
  error: string;
  busy: boolean;
}

const CLOSED: QuotaDialog = {
  visible: false,
  unitId: '',
  unitName: '',
  approved: 0,
  suggested: 0,
  quota: '',
  reason: '',
  error: '',
  busy: false,
};

function rowOf(q: QuotaView): QuotaRow {
  return {
    unitId: q.unitId,
    unitName: q.unitName,
    category: CATEGORY_LABELS[q.category],
    youthCount: q.youthCount,
    suggested: q.suggested,
    approved: q.approved,
    limit: q.limit,
    overridden: q.override !== null,
    overrideReason: q.overrideReason ?? '',
    full: q.limit > 0 && q.approved >= q.limit,
  };
}

/** The dialog's input as a setQuota request, or the Chinese reason it is not one. */
function quotaInput(d: QuotaDialog): { unitId: string; quota: number; reason: string } | string {
  const text = d.quota.trim();
  const quota = /^\d{1,3}$/.test(text) ? Number(text) : NaN;
  if (!(quota >= 0 && quota <= 500)) return '请填写 0–500 之间的整数名额';
  const reason = d.reason.trim();
  if (reason.length < 2) return '请填写调整原因（至少2个字）';
  return { unitId: d.unitId, quota, reason };
}

Component({
  data: {
    loading: true,
    error: '',
    canAdjust: false,
    districts: [] as Choice[],
    districtId: '',
    items: [] as QuotaRow[],
    page: 0,
    total: 0,
    hasMore: false,
    loadingMore: false,
    dialog: CLOSED,
  },
  lifetimes: {
    attached() {
      void this.init();
    },
  },
  methods: {
    async init() {
      this.setData({ loading: true, error: '' });
      const who = await loadAdminScope();
      if (!who.ok) {
        this.setData({ loading: false, error: who.message });
        return;
      }
      // R3.2 only the district or the city may change a unit's quota.
      this.setData({ canAdjust: who.scope.level !== 'unit' });
      if (who.scope.level === 'city') this.setData({ districts: await districtChoices(who.scope.orgId) });
      await this.loadFirst();
    },

    loadFirst() {
      return loadFirstPage(this, (page) => call('admin', 'quotas', this.query(page)), rowOf);
    },

    query(page: number) {
      const districtId = this.data.districtId;
      return { ...(districtId ? { districtId } : {}), page, pageSize: PAGE_SIZE };
    },

    loadMore() {
      return loadNextPage(this, (page) => call('admin', 'quotas', this.query(page)), rowOf);
    },

    onDistrict(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ districtId: e.detail.value });
      void this.loadFirst();
    },
    onLoadMore() {
      void this.loadMore();
    },
    onReachBottom() {
      void this.loadMore();
    },
    onRetry() {
      void this.init();
    },

    onAdjust(e: WechatMiniprogram.CustomEvent) {
      const { id } = e.currentTarget.dataset as { id?: string };
      const row = this.data.items.find((q) => q.unitId === id);
      if (!row || !this.data.canAdjust) return;
      this.setData({
        dialog: {
          ...CLOSED,
          visible: true,
          unitId: row.unitId,
          unitName: row.unitName,
          approved: row.approved,
          suggested: row.suggested,
          quota: String(row.limit),
        },
      });
    },

    onQuotaInput(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ 'dialog.quota': e.detail.value, 'dialog.error': '' });
    },
    onReasonInput(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ 'dialog.reason': e.detail.value, 'dialog.error': '' });
    },
    onDialogCancel() {
      if (!this.data.dialog.busy) this.setData({ dialog: CLOSED });
    },

    async onDialogConfirm() {
      if (this.data.dialog.busy) return;
      const input = quotaInput(this.data.dialog);
      if (typeof input === 'string') {
        this.setData({ 'dialog.error': input });
        return;
      }
      this.setData({ 'dialog.busy': true });
      const res = await call('admin', 'setQuota', input);
      if (!res.ok) {
        // QUOTA.BELOW_USED and the rest: the dialog stays open with the reason.
        this.setData({ 'dialog.busy': false, 'dialog.error': res.message });
        return;
      }
      const index = this.data.items.findIndex((q) => q.unitId === input.unitId);
      this.setData({ dialog: CLOSED, ...(index >= 0 ? { [`items[${index}]`]: rowOf(res.data.quota) } : {}) });
      toast(this, `已将${res.data.quota.unitName}的名额调整为 ${res.data.quota.limit} 名`, 'success');
    },
  },
});
